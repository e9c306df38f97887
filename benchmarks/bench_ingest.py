"""Ingest rate into DuckDB, in articles per second (a benchmark, not a timed test).

    python benchmarks/bench_ingest.py [--articles 300] [--batch-size 16]

Builds a corpus of distinct news articles in Indonesian and English from the pages in
tests/data/store and the shipped samples (each varied with its own dateline, paragraph
order and numbers, so no two are the same), then measures on a fresh store file:

- end to end: reading JSONL, coding with the default pipeline, fingerprinting, storing;
- store only: the same, with coding done beforehand (what the store itself costs);
- re-ingest: the same input again (every article already stored: a no-op).
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from importlib import resources
from pathlib import Path

from pantau.document import CodedDocument
from pantau.sources import read_source
from pantau.store import Store

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "data" / "store" / "pages"
PLACES = ["Jakarta", "Surabaya", "Medan", "Makassar", "London", "Geneva", "Tokyo", "Ankara"]


def base_texts() -> list[dict]:
    docs = [r.data for path in sorted(PAGES.glob("*.html")) for r in read_source(path)]
    samples = resources.files("pantau") / "samples" / "articles.jsonl"
    docs += [json.loads(line) for line in samples.read_text(encoding="utf-8").splitlines()]
    return [d for d in docs if d and d.get("text")]


def vary(doc: dict, n: int, rng: random.Random) -> dict:
    paragraphs = [p for p in doc["text"].split("\n") if p.strip()]
    head, rest = paragraphs[:1], paragraphs[1:]
    rng.shuffle(rest)
    dateline = f"{rng.choice(PLACES).upper()} ({n}) - Laporan nomor {n} dari {rng.randint(2, 90)}."
    day = f"2021-{1 + n % 12:02d}-{1 + n % 28:02d}"
    return {"id": f"bench-{n}", "text": "\n".join([dateline] + head + rest),
            "lang": doc.get("lang"), "published": day, "title": doc.get("title"),
            "url": f"https://bench{n % 7}.example/{n}", "source": f"bench{n % 7}.example"}


def write_corpus(path: Path, count: int) -> int:
    rng = random.Random(7)
    docs = base_texts()
    with open(path, "w", encoding="utf-8") as fh:
        for n in range(count):
            fh.write(json.dumps(vary(docs[n % len(docs)], n, rng), ensure_ascii=False) + "\n")
    return count


def timed_ingest(db: Path, corpus: Path, coder, batch_size: int):
    with Store(db) as store:
        start = time.perf_counter()
        summary = store.ingest([corpus], coder=coder, batch_size=batch_size)
        seconds = time.perf_counter() - start
    return summary, seconds


def precoded(corpus: Path, coder):
    """A coder that hands back documents coded beforehand (to time the store alone)."""
    from pantau.sources import make_document

    cache = {}
    for record in read_source(corpus):
        doc = coder(make_document(record.data))
        cache[doc.url] = doc
    return lambda doc: cache[doc.url]


def report(label: str, summary, seconds: float) -> None:
    print(f"{label:<13} {summary.seen:>5} articles in {seconds:6.2f} s = "
          f"{summary.seen / seconds:7.1f} articles/s  (new {summary.new}, stored "
          f"{summary.stored}, failed {summary.failed}, events {summary.events}, "
          f"quotes {summary.quotes})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()
    from pantau.pipeline import load_pipeline

    pipeline = load_pipeline()
    pipeline(CodedDocument(text="Pemanasan: memuat paket bahasa."))  # load packs first
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus.jsonl"
        write_corpus(corpus, args.articles)
        summary, seconds = timed_ingest(tmp / "e2e.duckdb", corpus, pipeline, args.batch_size)
        report("end to end", summary, seconds)
        summary, seconds = timed_ingest(tmp / "e2e.duckdb", corpus, pipeline, args.batch_size)
        report("re-ingest", summary, seconds)
        coder = precoded(corpus, pipeline)
        summary, seconds = timed_ingest(tmp / "store.duckdb", corpus, coder, args.batch_size)
        report("store only", summary, seconds)
        summary, seconds = timed_ingest(tmp / "store1.duckdb", corpus, coder, 1)
        report("store, batch 1", summary, seconds)


if __name__ == "__main__":
    main()
