"""Writing rows: every article of a batch with all its rows in one transaction.

A process killed at any moment leaves either the whole article (sentences, actors,
events, quotes and fingerprints) or nothing of it: DuckDB replays only committed
transactions from its write-ahead log.
"""

from __future__ import annotations

import datetime as dt

import duckdb

from pantau.errors import StoreError
from pantau.store.rows import TABLES, ArticleRows



def insert_values(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple]) -> None:
    """Insert rows (tuples in the table's column order) through one Arrow table."""
    import pyarrow as pa

    if table not in TABLES:
        raise StoreError(f"unknown table {table!r}")
    if not rows:
        return
    columns = list(zip(*rows))
    try:
        data = pa.table({f"c{i}": pa.array(values) for i, values in enumerate(columns)})
    except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError) as exc:
        raise StoreError(f"cannot convert rows for {table}: {exc}") from exc
    name = f"pantau_rows_{table}"
    con.register(name, data)
    try:
        con.execute(f"INSERT INTO {table} SELECT * FROM {name}")
    finally:
        con.unregister(name)


def insert_articles(con: duckdb.DuckDBPyConnection, batch: list[ArticleRows]) -> None:
    """Store a batch of articles atomically: all of them, or none on any error."""
    if not batch:
        return
    con.execute("BEGIN TRANSACTION")
    try:
        for table in TABLES:
            rows = [row for article in batch for row in article.tables[table]]
            if rows:
                insert_values(con, table, rows)
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"could not store {len(batch)} article(s): {exc}") from exc


def insert_failure(con: duckdb.DuckDBPyConnection, origin: str, reason: str,
                   stage: str | None = None, excerpt: str | None = None) -> None:
    """Record a bad input once per (origin, reason); a re-run does not duplicate it."""
    con.execute(
        "INSERT INTO failures VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        [origin, reason[:2000], stage, (excerpt or "")[:500] or None,
         dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)],
    )
