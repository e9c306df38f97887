"""Rows and Parquet files of `pantau batch` output: one flat row per article, event,
quote and failure, with fixed schemas so empty partitions read the same way."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from pantau.document import CodedDocument
from pantau.sources import Record

if TYPE_CHECKING:
    from pantau.corpus import Partition

TABLES = ("articles", "events", "quotes", "failures")


def article_id_of(doc: CodedDocument, raw_text: str) -> str:
    """The id the store gives the article: from its URL, else from its content."""
    from pantau.store.dedupe import hash_content, make_article_id

    return make_article_id(doc.url, hash_content(raw_text))


def parse_day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value).strip()[:10]) if value else None
    except ValueError:
        return None


def add_rows(rows: dict[str, list[dict]], doc: CodedDocument, record: Record,
             part: Partition) -> None:
    article = article_id_of(doc, record.data["text"])
    day = parse_day(doc.published)
    layers = doc.to_dict()
    layers.pop("text")
    rows["articles"].append({
        "article_id": article, "doc_id": doc.id, "url": doc.url, "source": doc.source,
        "title": doc.title, "lang": doc.lang, "published": doc.published, "day": day,
        "origin": record.origin, "text": doc.text, "sentences": len(doc.sentences),
        "tokens": len(doc.tokens), "actors": len(doc.actors), "events": len(doc.events),
        "quotes": len(doc.quotes), "tone": doc.tone, "partition": part.key,
        "layers": json.dumps(layers, ensure_ascii=False)})
    for idx, event in enumerate(doc.events):
        rows["events"].append(event_row(doc, article, idx, event, day))
    for idx, quote in enumerate(doc.quotes):
        rows["quotes"].append(quote_row(doc, article, idx, quote))


def event_row(doc: CodedDocument, article: str, idx: int, event, day: dt.date | None) -> dict:
    src, tgt, place, ev = event.source, event.target, event.place, event.evidence
    sent = doc.sentences[event.sentence] if 0 <= event.sentence < len(doc.sentences) else None
    return {
        "article_id": article, "idx": idx, "lang": doc.lang, "sentence": event.sentence,
        "source_code": src.code, "source_name": src.name, "source_text": src.text,
        "source_start": src.start, "source_end": src.end,
        "target_code": tgt and tgt.code, "target_name": tgt and tgt.name,
        "target_text": tgt and tgt.text, "target_start": tgt and tgt.start,
        "target_end": tgt and tgt.end,
        "cameo": event.cameo, "root": event.root, "quad": event.quad,
        "goldstein": event.goldstein, "plover": event.plover,
        "date": event.date, "day": parse_day(event.date) or day, "date_text": event.date_text,
        "place_name": place and place.name, "place_country": place and place.country,
        "lat": place and place.lat, "lon": place and place.lon,
        "negated": bool(event.negated), "modality": event.modality, "counted": event.counted,
        "evidence_verb": ev.verb, "evidence_start": ev.start, "evidence_end": ev.end,
        "sentence_start": sent and sent.start, "sentence_end": sent and sent.end,
        "sentence_text": sent and doc.text[sent.start:sent.end], "rule": event.rule,
    }


def quote_row(doc: CodedDocument, article: str, idx: int, quote) -> dict:
    sp = quote.speaker
    return {
        "article_id": article, "idx": idx, "lang": doc.lang, "sentence": quote.sentence,
        "text": quote.text, "start": quote.start, "end": quote.end,
        "direct": bool(quote.direct), "cue": quote.cue,
        "speaker_name": sp and sp.name, "speaker_code": sp and sp.code,
        "speaker_text": sp and sp.text, "speaker_start": sp and sp.start,
        "speaker_end": sp and sp.end,
    }


def table_schemas() -> dict:
    """The Parquet schema of each table (fixed, so an empty partition reads like a full one)."""
    import pyarrow as pa

    s, i32, f64, b, d = pa.string(), pa.int32(), pa.float64(), pa.bool_(), pa.date32()
    cols = {
        "articles": [("article_id", s), ("doc_id", s), ("url", s), ("source", s),
                     ("title", s), ("lang", s), ("published", s), ("day", d), ("origin", s),
                     ("text", s), ("sentences", i32), ("tokens", i32), ("actors", i32),
                     ("events", i32), ("quotes", i32), ("tone", f64), ("partition", s),
                     ("layers", s)],
        "events": [("article_id", s), ("idx", i32), ("lang", s), ("sentence", i32),
                   *[(f"{side}_{name}", t) for side in ("source", "target")
                     for name, t in (("code", s), ("name", s), ("text", s), ("start", i32),
                                     ("end", i32))],
                   ("cameo", s), ("root", s), ("quad", pa.int8()), ("goldstein", f64),
                   ("plover", s), ("date", s), ("day", d), ("date_text", s),
                   ("place_name", s), ("place_country", s), ("lat", f64), ("lon", f64),
                   ("negated", b), ("modality", s), ("counted", b), ("evidence_verb", s),
                   ("evidence_start", i32), ("evidence_end", i32), ("sentence_start", i32),
                   ("sentence_end", i32), ("sentence_text", s), ("rule", s)],
        "quotes": [("article_id", s), ("idx", i32), ("lang", s), ("sentence", i32),
                   ("text", s), ("start", i32), ("end", i32), ("direct", b), ("cue", s),
                   ("speaker_name", s), ("speaker_code", s), ("speaker_text", s),
                   ("speaker_start", i32), ("speaker_end", i32)],
        "failures": [("origin", s), ("stage", s), ("reason", s), ("excerpt", s),
                     ("partition", s)],
    }
    return {name: pa.schema(fields) for name, fields in cols.items()}


def write_partition(output: Path, key: str, rows: dict[str, list[dict]]) -> None:
    """One Parquet file per table, each written to a temporary name and renamed."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schemas = table_schemas()
    for table in TABLES:
        folder = output / table
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"part-{key}.parquet"
        temporary = folder / f".part-{key}.parquet.tmp"
        data = pa.Table.from_pylist(rows[table], schema=schemas[table])
        pq.write_table(data, temporary, compression="zstd")
        os.replace(temporary, target)


def remove_partition(output: Path, key: str) -> None:
    for table in TABLES:
        (output / table / f"part-{key}.parquet").unlink(missing_ok=True)
