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
from pantau.errors import InputError, StoreError
from pantau.sources import Record, make_document
from pantau.store import dedupe
from pantau.store.rows import ArticleRows, document_rows
from pantau.store.write import insert_articles

Coder = Callable[[CodedDocument], CodedDocument]


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


def read_document(store, record: Record, summary: IngestSummary) -> CodedDocument | None:
    """The record's document, or None after recording why it cannot be had."""
    if record.error is not None or record.data is None:
        store.record_failure(record.origin, record.error or "empty record", stage="read")
    else:
        try:
            doc = make_document(record.data)
            if doc.text.strip():
                return doc
            store.record_failure(record.origin, "the document's text is empty", stage="read")
        except InputError as exc:
            store.record_failure(record.origin, str(exc), stage="read",
                                 excerpt=repr(record.data)[:300])
    summary.failed += 1
    return None


def is_stored(store, doc: CodedDocument, article_id: str, content_hash: str,
              pending: Pending) -> bool:
    """Stored already, or earlier in this batch: by URL, or by content when it has none."""
    by_content = content_hash if doc.url is None else None
    if article_id in pending.ids or (by_content and by_content in pending.hashes):
        return True
    return store.has_article(article_id, by_content)


def ingest_one(store, record: Record, coder: Coder, pending: Pending,
               summary: IngestSummary) -> None:
    doc = read_document(store, record, summary)
    if doc is None:
        return
    content_hash = dedupe.hash_content(doc.text)
    article_id = dedupe.make_article_id(doc.url, content_hash)
    if is_stored(store, doc, article_id, content_hash, pending):
        summary.stored += 1
        return
    try:
        doc = coder(doc)
    except Exception as exc:  # one bad article must not stop a long run: record, go on
        store.record_failure(record.origin, f"{type(exc).__name__}: {exc}", stage="code",
                             excerpt=doc.text[:300])
        summary.failed += 1
        return
    pending.rows.append(build_rows(store, doc, article_id=article_id,
                                   content_hash=content_hash, origin=record.origin,
                                   pending=pending))
    pending.ids.add(article_id)
    pending.hashes.add(content_hash)


def ingest_records(store, records: Iterable[Record], coder: Coder, *, batch_size: int = 16,
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


def as_records(items: Iterable[Record | dict | CodedDocument]) -> Iterator[Record]:
    """Records from records, contract dicts or (uncoded) documents."""
    for n, item in enumerate(items, 1):
        if isinstance(item, Record):
            yield item
            continue
        data = item.to_dict() if isinstance(item, CodedDocument) else item
        yield Record(str(data.get("id") or data.get("url") or f"<record {n}>"), data=data)
