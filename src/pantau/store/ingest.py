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
    pending: int = 0  # coded, not yet committed
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
class Candidate:
    """A readable, not yet stored article of the current batch."""

    doc: CodedDocument
    origin: str
    article_id: str
    content_hash: str


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


def select_new(store, records: list[Record], summary: IngestSummary) -> list[Candidate]:
    """The batch's readable articles that are not stored yet (by URL, or by content when
    they have no URL), each once; one store lookup for the whole batch."""
    found = []
    for record in records:
        doc = read_document(store, record, summary)
        if doc is not None:
            content_hash = dedupe.hash_content(doc.text)
            found.append(Candidate(doc, record.origin,
                                   dedupe.make_article_id(doc.url, content_hash), content_hash))
    stored_ids, stored_hashes = store.stored_keys(
        [c.article_id for c in found], [c.content_hash for c in found if c.doc.url is None])
    fresh, ids, hashes = [], set(stored_ids), set(stored_hashes)
    for c in found:
        by_content = c.doc.url is None and c.content_hash in hashes
        if c.article_id in ids or by_content:
            summary.stored += 1
            continue
        ids.add(c.article_id)
        hashes.add(c.content_hash)
        fresh.append(c)
    return fresh


def code_candidates(store, fresh: list[Candidate], coder: Coder, summary: IngestSummary,
                    progress) -> list[Candidate]:
    coded = []
    for c in fresh:
        try:
            c.doc = coder(c.doc)
            coded.append(c)
            summary.pending += 1
        except Exception as exc:  # one bad article must not stop a long run: record, go on
            store.record_failure(c.origin, f"{type(exc).__name__}: {exc}", stage="code",
                                 excerpt=c.doc.text[:300])
            summary.failed += 1
        if progress:
            summary.tick()
            progress(summary)
    return coded


def find_story(signature: list[int], known: dict) -> tuple[str | None, float | None]:
    """The story of the most similar known article above the threshold:
    `known` maps article ids to (story id, signature)."""
    best, best_sim = None, 0.0
    for article_id, (story_id, other) in known.items():
        sim = dedupe.estimate_similarity(signature, list(other))
        if sim > best_sim:
            best, best_sim = story_id, sim
    if best is None or best_sim < dedupe.STORY_THRESHOLD:
        return None, None
    return best, best_sim


def build_batch_rows(store, coded: list[Candidate]) -> list[ArticleRows]:
    """Rows for the coded articles, each assigned to the story of its nearest duplicate
    among stored articles and those earlier in the batch (one band lookup per batch)."""
    signatures = [dedupe.make_minhash(c.doc.text) for c in coded]
    bands = [dedupe.make_bands(sig) for sig in signatures]
    stored: dict[int, list] = {}
    for band, article_id, story_id, sig in store.band_candidates(
            sorted({b for bs in bands for b in bs})):
        stored.setdefault(band, []).append((article_id, story_id, sig))
    batch: dict[int, list] = {}
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    out = []
    for c, sig, keys in zip(coded, signatures, bands):
        known = {a: (st, other) for b in keys
                 for a, st, other in stored.get(b, []) + batch.get(b, [])}
        story_id, similarity = find_story(sig, known)
        story_id = story_id or c.article_id
        out.append(document_rows(c.doc, article_id=c.article_id, content_hash=c.content_hash,
                                 story_id=story_id, similarity=similarity, minhash=sig,
                                 bands=keys, origin=c.origin, ingested=now))
        for b in keys:
            batch.setdefault(b, []).append((c.article_id, story_id, sig))
    return out


def flush(store, rows: list[ArticleRows], summary: IngestSummary) -> None:
    """Commit the batch; when that fails, store its articles one by one and record the bad."""
    try:
        insert_articles(store.con, rows)
        committed = rows
    except StoreError:
        committed = []
        for one in rows:
            try:
                insert_articles(store.con, [one])
                committed.append(one)
            except StoreError as exc:
                store.record_failure(one.article_id, str(exc), stage="store")
                summary.failed += 1
    summary.pending = 0
    summary.new += len(committed)
    summary.events += sum(r.events for r in committed)
    summary.quotes += sum(r.quotes for r in committed)


def ingest_batch(store, records: list[Record], coder: Coder, summary: IngestSummary,
                 progress) -> None:
    fresh = select_new(store, records, summary)
    coded = code_candidates(store, fresh, coder, summary, progress)
    if coded:
        flush(store, build_batch_rows(store, coded), summary)


def ingest_records(store, records: Iterable[Record], coder: Coder, *, batch_size: int = 16,
                   progress: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
    """Code and store records; returns the counts. Safe to re-run on the same input."""
    summary, batch = IngestSummary(), []
    for record in records:
        batch.append(record)
        if len(batch) >= batch_size:
            ingest_batch(store, batch, coder, summary, progress)
            batch = []
    ingest_batch(store, batch, coder, summary, progress)
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
