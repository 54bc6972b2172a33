"""The README's Python example runs as written, in a clone's root (here: a folder holding
corpus/), and prints what it says."""

import re
import subprocess
import sys

import pytest

from conftest import SOURCE_DIR, module_env


def readme_example():
    readme = (SOURCE_DIR / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Python\n", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_the_readme_example_runs(tmp_path, corpus):
    pytest.importorskip("pandas")
    (tmp_path / "corpus").symlink_to(corpus)
    done = subprocess.run(
        [sys.executable, "-c", readme_example()],
        cwd=tmp_path, capture_output=True, text=True, env=module_env(),
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert re.fullmatch(r"\d+ articles added, 0 skipped", lines[0])
    assert re.fullmatch(r"[1-9]\d* (stories|articles)", lines[1])
    assert "outlet" in done.stdout and "count" in done.stdout
