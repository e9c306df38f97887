"""A coded document as rows of the store's tables, and back.

`document_rows` is pure: it turns one `CodedDocument` (plus its fingerprints) into the
tuples that `write.insert_articles` stores. Column order follows `schema.MIGRATION_1`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field

from pantau.document import CodedDocument, Event

TABLES = ("articles", "article_bands", "sentences", "actors", "events", "quotes")


@dataclass
class ArticleRows:
    """Every row one article adds, keyed by table name."""

    article_id: str
    tables: dict[str, list[tuple]] = field(default_factory=lambda: {t: [] for t in TABLES})

    @property
    def events(self) -> int:
        return len(self.tables["events"])

    @property
    def quotes(self) -> int:
        return len(self.tables["quotes"])


def parse_day(value: str | None) -> dt.date | None:
    """The calendar day of an ISO date or datetime string, None when there is none."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def make_group_key(day: dt.date | None, source: str | None, target: str | None,
                   cameo: str) -> str:
    """Events with the same day, actors and code, in any article, are one event."""
    basis = "|".join([day.isoformat() if day else "", source or "", target or "", cameo])
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def event_row(article_id: str, idx: int, event: Event, fallback_day: dt.date | None) -> tuple:
    day = parse_day(event.date) or fallback_day
    src, tgt, place, ev = event.source, event.target, event.place, event.evidence
    counted = event.counted
    key = make_group_key(day, src.code, tgt.code if tgt else None, event.cameo) if counted else None
    return (
        article_id, idx, key,
        src.code, src.name, src.text, src.start, src.end,
        tgt.code if tgt else None, tgt.name if tgt else None, tgt.text if tgt else None,
        tgt.start if tgt else None, tgt.end if tgt else None,
        event.cameo, event.root, event.quad, event.goldstein, event.plover,
        day, event.date_text,
        place.name if place else None, place.country if place else None,
        place.lat if place else None, place.lon if place else None,
        bool(event.negated), event.modality, counted, event.sentence,
        ev.verb if ev else None, ev.start if ev else None, ev.end if ev else None, event.rule,
    )


def quote_row(article_id: str, idx: int, quote) -> tuple:
    sp = quote.speaker
    return (
        article_id, idx, quote.text, quote.start, quote.end, bool(quote.direct), quote.cue,
        sp.name if sp else None, sp.code if sp else None, sp.text if sp else None,
        sp.start if sp else None, sp.end if sp else None, quote.sentence,
    )


def actor_row(article_id: str, idx: int, m) -> tuple:
    return (article_id, idx, m.text, m.start, m.end, m.code, m.name, m.kind, m.sentence,
            m.via, m.gender)


def document_rows(doc: CodedDocument, *, article_id: str, content_hash: str,
                  story_id: str, similarity: float | None, minhash: list[int],
                  bands: list[int], origin: str | None, ingested: dt.datetime) -> ArticleRows:
    """All rows for one coded article."""
    out = ArticleRows(article_id)
    day = parse_day(doc.published)
    removed = json.dumps([{"kind": r.kind, "text": r.text} for r in doc.removed],
                         ensure_ascii=False)
    out.tables["articles"].append((
        article_id, doc.id, doc.url, doc.source, doc.title, doc.lang, doc.published, day,
        doc.text, content_hash, story_id, similarity, minhash, doc.tone, removed, origin,
        ingested,
    ))
    out.tables["article_bands"] = [(band, article_id) for band in bands]
    out.tables["sentences"] = [(article_id, i, s.start, s.end)
                               for i, s in enumerate(doc.sentences)]
    out.tables["actors"] = [actor_row(article_id, i, m) for i, m in enumerate(doc.actors)]
    out.tables["events"] = [event_row(article_id, i, e, day) for i, e in enumerate(doc.events)]
    out.tables["quotes"] = [quote_row(article_id, i, q) for i, q in enumerate(doc.quotes)]
    return out
