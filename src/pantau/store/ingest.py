"""The ingest loop: records in, coded articles stored, failures recorded, a summary out.

Each record is checked against the store before it is coded (an article already stored,
by URL or by content hash, costs one lookup and is not coded again), coded by the
pipeline, fingerprinted for story grouping, and written with a batch of others in one
transaction. A bad record becomes a `failures` row with its reason and origin.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from pantau.document import CodedDocument
from pantau.errors import StoreError
from pantau.store import dedupe
from pantau.store.rows import ArticleRows, document_rows
from pantau.store.write import insert_articles

Coder = Callable[[CodedDocument], CodedDocument]
RECORD_FIELDS = ("id", "lang", "published", "title", "url", "source")


@dataclass
class IngestSummary:
    """Counts of one ingest run."""

    new: int = 0
    stored: int = 0  # already in the store: skipped
    failed: int = 0
    events: int = 0
    quotes: int = 0
    started: float = field(default_factory=time.monotonic)
    seconds: float = 0.0

    @property
    def seen(self) -> int:
        return self.new + self.stored + self.failed

    @property
    def rate(self) -> float:
        return self.seen / self.seconds if self.seconds > 0 else 0.0

    def tick(self) -> None:
        self.seconds = time.monotonic() - self.started

    def to_dict(self) -> dict:
        return {"new": self.new, "stored": self.stored, "failed": self.failed,
                "events": self.events, "quotes": self.quotes,
                "seconds": round(self.seconds, 3), "rate": round(self.rate, 2)}


@dataclass
class Pending:
    """The batch being built: rows, plus ids and fingerprints not yet committed."""

    rows: list[ArticleRows] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    hashes: set[str] = field(default_factory=set)
    bands: dict[int, tuple[str, str, list[int]]] = field(default_factory=dict)


def make_document(record: dict) -> CodedDocument:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("the record has no text")
    values = {k: record.get(k) for k in RECORD_FIELDS}
    for key, value in values.items():
        if value is not None and not isinstance(value, str):
            values[key] = str(value)
    return CodedDocument(text=text, **values)


def find_story(store, signature: list[int], bands: list[int],
               pending: Pending) -> tuple[str | None, float | None]:
    """The story of the most similar stored (or pending) article above the threshold."""
    candidates = {pending.bands[b][0]: pending.bands[b][1:] for b in bands if b in pending.bands}
    for article_id, story_id, other in store.band_candidates(bands):
        candidates.setdefault(article_id, (story_id, other))
    best, best_sim = None, 0.0
    for story_id, other in candidates.values():
        sim = dedupe.estimate_similarity(signature, list(other))
        if sim > best_sim:
            best, best_sim = story_id, sim
    if best is None or best_sim < dedupe.STORY_THRESHOLD:
        return None, None
    return best, best_sim


def build_rows(store, doc: CodedDocument, *, article_id: str, content_hash: str,
               origin: str | None, pending: Pending) -> ArticleRows:
    signature = dedupe.make_minhash(doc.text)
    bands = dedupe.make_bands(signature)
    story_id, similarity = find_story(store, signature, bands, pending)
    rows = document_rows(
        doc, article_id=article_id, content_hash=content_hash,
        story_id=story_id or article_id, similarity=similarity, minhash=signature,
        bands=bands, origin=origin,
        ingested=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None))
    for band in bands:
        pending.bands.setdefault(band, (article_id, story_id or article_id, signature))
    return rows


def flush(store, pending: Pending, summary: IngestSummary) -> None:
    """Commit the batch; when that fails, store its articles one by one and record the bad."""
    try:
        insert_articles(store.con, pending.rows)
        committed = pending.rows
    except StoreError:
        committed = []
        for rows in pending.rows:
            try:
                insert_articles(store.con, [rows])
                committed.append(rows)
            except StoreError as exc:
                store.record_failure(rows.article_id, str(exc), stage="store")
                summary.failed += 1
    summary.new += len(committed)
    summary.events += sum(r.events for r in committed)
    summary.quotes += sum(r.quotes for r in committed)
    pending.rows, pending.ids, pending.hashes, pending.bands = [], set(), set(), {}


def ingest_one(store, record: dict, coder: Coder, pending: Pending,
               summary: IngestSummary) -> None:
    origin = record.get("origin") or record.get("url") or record.get("id")
    if "error" in record:
        store.record_failure(origin or "?", str(record["error"]), stage="read")
        summary.failed += 1
        return
    try:
        doc = make_document(record)
    except ValueError as exc:
        store.record_failure(origin or "?", str(exc), stage="read", excerpt=repr(record)[:300])
        summary.failed += 1
        return
    content_hash = dedupe.hash_content(doc.text)
    article_id = dedupe.make_article_id(doc.url, content_hash)
    if (article_id in pending.ids or (doc.url is None and content_hash in pending.hashes)
            or store.has_article(article_id, content_hash if doc.url is None else None)):
        summary.stored += 1
        return
    try:
        doc = coder(doc)
    except Exception as exc:  # one bad article must not stop a long run: record, go on
        store.record_failure(origin or article_id, f"{type(exc).__name__}: {exc}",
                             stage="code", excerpt=doc.text[:300])
        summary.failed += 1
        return
    pending.rows.append(build_rows(store, doc, article_id=article_id,
                                   content_hash=content_hash, origin=origin, pending=pending))
    pending.ids.add(article_id)
    pending.hashes.add(content_hash)


def ingest_records(store, records: Iterable[dict], coder: Coder, *, batch_size: int = 16,
                   progress: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
    """Code and store records; returns the counts. Safe to re-run on the same input."""
    summary, pending = IngestSummary(), Pending()
    for record in records:
        ingest_one(store, record, coder, pending, summary)
        if len(pending.rows) >= batch_size:
            flush(store, pending, summary)
        summary.tick()
        if progress:
            progress(summary)
    flush(store, pending, summary)
    summary.tick()
    if progress:
        progress(summary)
    return summary


def as_records(docs: Iterable[dict | CodedDocument]) -> Iterator[dict]:
    for doc in docs:
        yield doc.to_dict() if isinstance(doc, CodedDocument) else doc
