#!/usr/bin/env python3
"""Builds a labelled near-duplicate set for measuring syndication clustering.

Reads the real English corpora of shared/data and writes, into OUT_DIR:
  articles.jsonl   canonical article records (id, url, title, outlet, date, lang, body, author)
  clusters.tsv     id <TAB> true story id   (articles with the same story id are copies)
  kinds.tsv        id <TAB> how the article was made (original, copy:<edits>, negative:<why>, resend)

Positives are made the way outlets syndicate wire copy: a new headline, a dropped or added
paragraph, a byline or credit line, a dateline, boilerplate lines, minor wording and spelling edits,
re-wrapped paragraphs. Real repeats mined from the corpora are positives too, by rules that do not
look at text similarity: the same normalised body (Reuters wire re-sends, BBC repeats) or the same
headline on the same day (updated versions in the financial news crawl; any day when undated), and the
hand judgments of judgments.tsv. Hard negatives are different real stories on the same topic: same Reuters category
and day, the same company in US financial news, the same BBC section with shared title words, and
Reuters' templated earnings briefs ("Shr 12 cts vs 10 cts") of different companies.

Deterministic for a given --seed. Standard library only.
"""
import argparse
import collections
import gzip
import json
import random
import re
from pathlib import Path

CORPORA = {
    "reuters": "news-en/reuters21578/reuters21578.jsonl.gz",
    "usfin": "news-en/us-financial-news-2018/us-financial-news-2018.jsonl.gz",
    "bbc": "news-en/bbc/bbc.jsonl.gz",
}
OUTLETS = ["The New Diplomat", "Daily Ledger", "Morning Wire", "Africa Monitor", "Business Post",
           "Global Times Online", "The Courier", "Market Watchers", "Sahel Today", "City Herald"]
BOILERPLATE = ["Share this article", "Subscribe to our newsletter for the latest news.",
               "Related stories", "Follow us on Twitter and Facebook", "Advertisement",
               "Click here to read more.", "All rights reserved."]
SPELLING = [("organization", "organisation"), ("percent", "per cent"), ("labor", "labour"),
            ("center", "centre"), ("program", "programme"), ("defense", "defence"),
            ("favor", "favour"), ("analyze", "analyse")]
WORDING = [("said", "says"), ("told", "informed"), ("about", "around"), ("but", "however"),
           ("big", "large"), ("also", "additionally"), ("rose", "climbed"), ("fell", "dropped")]
WORD = re.compile(r"\w+")


def load(shared: Path, name: str):
    with gzip.open(shared / "data" / CORPORA[name], "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec.get("body") and len(rec["body"]) >= 300:
                yield rec


def paragraphs(body: str):
    paras = [p.strip() for p in body.split("\n") if p.strip()]
    if len(paras) >= 3:
        return paras
    # Reuters wraps lines inside paragraphs: regroup into sentence runs of ~3 sentences.
    sentences = re.split(r"(?<=[.!?])\s+", " ".join(paras))
    return [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]


def reword(text: str, rng: random.Random, pairs, rate: float) -> str:
    for old, new in pairs:
        if rng.random() < rate:
            text = re.sub(r"\b%s\b" % re.escape(old), new, text)
    return text


def make_copy(rec, rng: random.Random, n: int):
    """A syndicated copy of `rec` with 2-4 random edits; returns (record, edit names)."""
    paras = paragraphs(rec["body"])
    edits = []
    choices = ["headline", "drop_last", "drop_first", "add_para", "byline", "dateline", "boilerplate",
               "spelling", "wording", "rewrap"]
    for edit in rng.sample(choices, rng.randint(2, 4)):
        if edit == "drop_last" and len(paras) > 3:
            k = max(1, min(len(paras) // 4, 2))
            paras = paras[:-k]
        elif edit == "drop_first" and len(paras) > 3:
            paras = paras[1:]
        elif edit == "add_para":
            paras.append(rng.choice([
                "This story was provided by a news agency and has not been edited by our staff.",
                "Reporting by staff correspondents; editing by the news desk.",
                "Additional reporting contributed to this article.",
                "The company did not respond to a request for comment on Tuesday.",
            ]))
        elif edit == "byline":
            paras.insert(0, "By " + rng.choice(["Jane Doe", "Amadou Diallo", "Staff Reporter",
                                                "Maria Lopez"]))
        elif edit == "dateline":
            paras[0] = rng.choice(["LONDON", "NEW YORK", "BAMAKO", "PARIS"]) + " (Agency) - " + paras[0]
        elif edit == "boilerplate":
            paras.insert(rng.randint(1, len(paras)), rng.choice(BOILERPLATE))
            paras.append(rng.choice(BOILERPLATE))
        elif edit == "spelling":
            paras = [reword(p, rng, SPELLING, 0.9) for p in paras]
        elif edit == "wording":
            paras = [reword(p, rng, WORDING, 0.4) for p in paras]
        elif edit == "rewrap":
            joined = " ".join(paras)
            sentences = re.split(r"(?<=[.!?])\s+", joined)
            size = rng.randint(1, 4)
            paras = [" ".join(sentences[i:i + size]) for i in range(0, len(sentences), size)]
        else:
            continue
        edits.append(edit)
    title = rec.get("title") or ""
    if "headline" in edits or rng.random() < 0.5:
        title = rng.choice(["UPDATE 1-", "", "Exclusive: ", ""]) + title.title()
        if "headline" not in edits:
            edits.append("headline")
    copy = dict(rec)
    copy.update(id=f"{rec['id']}-copy{n}", title=title, body="\n\n".join(paras),
                outlet=rng.choice(OUTLETS), url=None, author=None)
    return copy, edits


def normalised_body(body: str) -> str:
    return " ".join(WORD.findall(body.lower()))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("shared", type=Path, help="the shared/ folder (with data/)")
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--originals", type=int, default=400, help="originals per corpus")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)

    articles, story, kind = {}, {}, {}
    judged_same = []
    for line in open(Path(__file__).with_name("judgments.tsv"), encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            a, b, same = line.split("\t")[:3]
            if same == "1":
                judged_same.append((a, b))

    def put(rec, story_id, how):
        if rec["id"] in articles:
            return
        articles[rec["id"]] = {k: rec.get(k) for k in
                               ("id", "url", "title", "outlet", "date", "lang", "body", "author")}
        story[rec["id"]] = story_id
        kind[rec["id"]] = how

    for name in CORPORA:
        recs = list(load(args.shared, name))
        # Real repeats are the same story: the same normalised body (wire re-sends), or the same
        # headline on the same day (an updated version). Union-find over both keys.
        parent = {rec["id"]: rec["id"] for rec in recs}

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        keys = collections.defaultdict(list)
        for rec in recs:
            keys[("body", normalised_body(rec["body"]))].append(rec["id"])
            if rec.get("title"):  # undated corpora (BBC): the same headline
                keys[("title", normalised_body(rec["title"]), (rec.get("date") or "")[:10])].append(rec["id"])
        for ids in keys.values():
            for other in ids[1:]:
                parent[find(other)] = find(ids[0])
        for a, b in judged_same:
            if a in parent and b in parent:
                parent[find(b)] = find(a)
        by_body = collections.defaultdict(list)
        for rec in recs:
            by_body[find(rec["id"])].append(rec)
        first_of = {}
        for group in by_body.values():
            for rec in group:
                first_of[rec["id"]] = group[0]["id"]
        repeats = [g for g in by_body.values() if len(g) > 1]
        rng.shuffle(repeats)
        for group in repeats[:60]:
            for rec in group:
                put(rec, group[0]["id"], "original" if rec is group[0] else "resend")

        # Topic keys for hard negatives.
        def topic_key(rec):
            if name == "reuters":
                return (rec.get("category"), (rec.get("date") or "")[:10])
            if name == "usfin":
                words = [w for w in WORD.findall(rec.get("title") or "") if w[:1].isupper() and len(w) > 3]
                return (words[0].lower() if words else None,)
            return (rec.get("category"),)

        by_topic = collections.defaultdict(list)
        for rec in recs:
            by_topic[topic_key(rec)].append(rec)
        sample = rng.sample(recs, min(args.originals, len(recs)))
        for rec in sample:
            put(rec, first_of[rec["id"]], "original")
            for n in range(1, rng.randint(1, 3) + 1):
                copy, edits = make_copy(rec, rng, n)
                put(copy, first_of[rec["id"]], "copy:" + "+".join(edits))
            others = [o for o in by_topic[topic_key(rec)]
                      if first_of[o["id"]] != first_of[rec["id"]]]
            if others:
                neg = rng.choice(others)
                put(neg, first_of[neg["id"]], "negative:same-topic")

        if name == "reuters":
            briefs = [r for r in recs if r["body"].lstrip().startswith("Shr ")]
            by_day = collections.defaultdict(list)
            for r in briefs:
                by_day[(r.get("date") or "")[:10]].append(r)
            days = [d for d, rs in by_day.items() if len(rs) >= 2]
            rng.shuffle(days)
            for day in days[:40]:
                for r in rng.sample(by_day[day], 2):
                    put(r, first_of[r["id"]], "negative:earnings-template")

    with open(args.out / "articles.jsonl", "w", encoding="utf-8") as f:
        for rec in articles.values():
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(args.out / "clusters.tsv", "w", encoding="utf-8") as f:
        for aid, sid in story.items():
            f.write(f"{aid}\t{sid}\n")
    with open(args.out / "kinds.tsv", "w", encoding="utf-8") as f:
        for aid, how in kind.items():
            f.write(f"{aid}\t{how}\n")
    sizes = collections.Counter(story.values())
    print(f"{len(articles)} articles, {len(sizes)} stories, "
          f"{sum(n * (n - 1) // 2 for n in sizes.values())} same-story pairs")


if __name__ == "__main__":
    main()
