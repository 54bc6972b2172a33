"""The type stub (nsearch/__init__.pyi) names what the module has: no more, no less."""

import ast
import pathlib

import nsearch

STUB = pathlib.Path(nsearch.__file__).with_name("__init__.pyi")


def stub_classes():
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    return {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}


def public_names(names):
    return {n for n in names if not n.startswith("_")}


def test_every_exported_name_is_in_the_stub():
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    stubbed = {node.name for node in tree.body if isinstance(node, (ast.ClassDef, ast.FunctionDef))}
    assert stubbed == set(nsearch.__all__)


def test_each_class_has_the_stub_s_members():
    for name, node in stub_classes().items():
        if issubclass(getattr(nsearch, name), BaseException):
            continue
        stubbed = public_names(
            [n.target.id for n in node.body if isinstance(n, ast.AnnAssign)]
            + [n.name for n in node.body if isinstance(n, ast.FunctionDef)]
        )
        assert stubbed == public_names(dir(getattr(nsearch, name))), name


def test_search_keywords_are_the_search_options():
    search = next(f for f in stub_classes()["Searcher"].body
                  if isinstance(f, ast.FunctionDef) and f.name == "search")
    assert [a.arg for a in search.args.kwonlyargs] == list(nsearch.search_options())
