"""Exports: Parquet (the analyst's default), JSONL and GDELT 2.0 event-table TSV.

Rows stream from DuckDB in Arrow batches, so an export never holds the whole table.
Tables: `events` (one row per event mention, with its evidence and article), `groups`
(one row per grouped event, with mention, source and article counts), `quotes`,
`articles`. The `gdelt` format always writes groups.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import BinaryIO

from pantau.errors import StoreError
from pantau.store.gdelt import COLUMNS as GDELT_COLUMNS
from pantau.store.gdelt import gdelt_row
from pantau.store.query import Filters, check_day, where_events

FORMATS = ("parquet", "jsonl", "gdelt")
TABLES = ("events", "groups", "quotes", "articles")
BATCH = 10_000


def events_sql(f: Filters) -> tuple[str, list]:
    where, params = where_events(f)
    if f.lang:
        where += " AND a.lang = ?"
        params.append(f.lang)
    sql = ("SELECT e.*, a.url, a.source AS outlet, a.title, a.published, a.lang, a.story_id, "
           "g.num_mentions, g.num_sources, g.num_articles "
           "FROM events e JOIN articles a ON a.id = e.article_id "
           "LEFT JOIN event_groups g ON g.group_key = e.group_key "
           f"WHERE {where} ORDER BY e.day NULLS LAST, e.article_id, e.idx")
    return sql, params


def groups_sql(f: Filters) -> tuple[str, list]:
    where, params = where_events(f, "g", grouped=True)
    where = where.replace("g.day", "coalesce(g.day, g.first_ingested::DATE)")
    sql = ("SELECT g.* REPLACE (coalesce(g.day, g.first_ingested::DATE) AS day) "
           f"FROM event_groups g WHERE {where} ORDER BY day, g.group_key")
    return sql, params


def article_where(f: Filters, alias: str) -> tuple[str, list]:
    clauses, params = ["TRUE"], []
    for value, op in ((check_day(f.since, "since"), ">="), (check_day(f.until, "until"), "<=")):
        if value:
            clauses.append(f"a.day {op} ?")
            params.append(value)
    if f.lang:
        clauses.append("a.lang = ?")
        params.append(f.lang)
    if f.actors and alias == "q":
        clauses.append("(" + " OR ".join(["starts_with(q.speaker_code, ?)"] * len(f.actors)) + ")")
        params += [a.upper() for a in f.actors]
    return " AND ".join(clauses), params


def table_sql(table: str, f: Filters) -> tuple[str, list]:
    if table == "events":
        return events_sql(f)
    if table == "groups":
        return groups_sql(f)
    if table == "quotes":
        where, params = article_where(f, "q")
        return ("SELECT q.*, a.url, a.source AS outlet, a.published, a.lang FROM quotes q "
                f"JOIN articles a ON a.id = q.article_id WHERE {where} "
                "ORDER BY a.day NULLS LAST, q.article_id, q.idx"), params
    if table == "articles":
        where, params = article_where(f, "a")
        return (f"SELECT a.* EXCLUDE (minhash) FROM articles a WHERE {where} "
                "ORDER BY a.day NULLS LAST, a.id"), params
    raise StoreError(f"unknown table {table!r}: use one of {', '.join(TABLES)}")


def json_default(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def write_parquet(reader, out: BinaryIO) -> int:
    import pyarrow.parquet as pq

    count = 0
    with pq.ParquetWriter(out, reader.schema, compression="zstd") as writer:
        for batch in reader:
            writer.write_batch(batch)
            count += batch.num_rows
    return count


def write_jsonl(reader, out: BinaryIO) -> int:
    count = 0
    for batch in reader:
        for row in batch.to_pylist():
            line = json.dumps(row, ensure_ascii=False, default=json_default)
            out.write(line.encode("utf-8") + b"\n")
            count += 1
    return count


def write_gdelt(reader, out: BinaryIO, header: bool = False) -> int:
    count = 0
    if header:
        out.write(("\t".join(GDELT_COLUMNS) + "\n").encode("utf-8"))
    for batch in reader:
        for row in batch.to_pylist():
            out.write(("\t".join(gdelt_row(row)) + "\n").encode("utf-8"))
            count += 1
    return count


def export_rows(con, out: BinaryIO, *, fmt: str = "parquet", table: str = "events",
                filters: Filters | None = None, header: bool = False) -> int:
    """Write the selected rows to a binary stream; returns how many were written."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    table = "groups" if fmt == "gdelt" else table
    sql, params = table_sql(table, filters or Filters())
    reader = con.cursor().sql(sql, params=params).to_arrow_reader(BATCH)
    if fmt == "parquet":
        return write_parquet(reader, out)
    if fmt == "jsonl":
        return write_jsonl(reader, out)
    return write_gdelt(reader, out, header=header)
