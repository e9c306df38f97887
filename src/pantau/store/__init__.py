"""The store: one DuckDB file holding articles, sentences, actors, events, quotes and
ingestion failures, with one method per verb (`ingest`, `watch`, `dyad`, `export`) and the
query helpers the REST API uses (`events`, `quotes`, `actors`, `article`).

Only this package touches DuckDB. The file is created and migrated on first use.

    >>> with Store("pantau.duckdb") as store:
    ...     summary = store.ingest(["news/"])
    ...     rows = store.dyad("RUS", "USA", by="week")
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

import duckdb

from pantau.document import CodedDocument
from pantau.errors import StoreError
from pantau.store import dyad as dyad_mod
from pantau.store.export import export_rows
from pantau.store.ingest import Coder, IngestSummary, as_records, ingest_records
from pantau.store.query import (Filters, select_actors, select_article, select_events,
                                select_quotes)
from pantau.store.schema import migrate
from pantau.store.write import insert_failure

DEFAULT_DB = "pantau.duckdb"

__all__ = ["Store", "Filters", "IngestSummary", "DEFAULT_DB"]


def is_batch_output(location) -> bool:
    """A folder written by `pantau batch` (manifest.json and articles/)."""
    path = Path(str(location))
    return path.is_dir() and (path / "manifest.json").exists() and (path / "articles").is_dir()


def batch_records(folder, coded: dict) -> Iterator:
    """Records for the documents of a `pantau batch` folder, keeping their coded layers."""
    from pantau.corpus import read_documents
    from pantau.sources import Record

    for n, doc in enumerate(read_documents(folder)):
        key = f"{folder}#{n}"
        doc.id = doc.id or key
        coded[key] = doc
        fields = {k: getattr(doc, k) for k in ("text", "lang", "published", "title", "url", "source")}
        yield Record(key, data={**fields, "id": key})


def default_coder() -> Coder:
    from pantau.pipeline import load_pipeline

    return load_pipeline()


class Store:
    """A pantau store in one DuckDB file (`:memory:` for a throwaway one)."""

    def __init__(self, path: str | os.PathLike = DEFAULT_DB, *, read_only: bool = False):
        self.path = str(path)
        try:
            if self.path != ":memory:" and not read_only:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open the store {self.path}: {exc} "
                             "(is another pantau process using it?)") from exc
        self.version = migrate(self.con) if not read_only else None

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- ingest ---------------------------------------------------------------------

    def ingest(self, sources: Iterable[str | os.PathLike], *, coder: Coder | None = None,
               fetch: bool = True, delay: float = 1.0, batch_size: int = 16,
               progress: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
        """Read, code and store every article of the sources (files, folders, JSONL,
        HTML, RSS/Atom files or URLs, WARC files, and `pantau batch` output folders, whose
        documents are stored as coded). Re-running on the same input is a no-op."""
        from itertools import chain

        from pantau.sources import read_locations

        coded: dict[str, CodedDocument] = {}
        base: list[Coder] = [coder] if coder else []  # built only if something needs coding

        def records_of(location):
            if is_batch_output(location):
                return batch_records(location, coded)
            return read_locations([location], fetch=fetch, delay=delay, known=self.has_url)

        def code(doc: CodedDocument) -> CodedDocument:
            if doc.id in coded:
                return coded.pop(doc.id)
            if not base:
                base.append(default_coder())
            return base[0](doc)

        records = chain.from_iterable(records_of(s) for s in sources)
        return self.ingest_records(records, coder=code, batch_size=batch_size,
                                   progress=progress)

    def ingest_records(self, records: Iterable, *, coder: Coder | None = None,
                       batch_size: int = 16,
                       progress: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
        """Code and store input records (`Record`s, contract dicts, or documents)."""
        return ingest_records(self, as_records(records), coder or default_coder(),
                              batch_size=batch_size, progress=progress)

    def watch(self, feeds: list[str], every: float | str = "15m", *,
              polls: int | None = None, coder: Coder | None = None, fetch: bool = True,
              delay: float = 1.0, timeout: float = 20.0, report=None, sleep=None) -> int:
        """Poll feeds every `every` (seconds or '15m'), ingesting new items; returns rounds."""
        import time

        from pantau.feeds import parse_interval, watch_feeds

        seconds = every if isinstance(every, (int, float)) else parse_interval(every)
        return watch_feeds(self, list(feeds), float(seconds), polls=polls, fetch=fetch,
                           delay=delay, timeout=timeout,
                           ingest_options={"coder": coder or default_coder()},
                           report=report, sleep=sleep or time.sleep)

    def has_url(self, url: str) -> bool:
        """True when an article with this URL is stored."""
        return bool(self.con.execute("SELECT count(*) FROM articles WHERE url = ?",
                                     [url]).fetchall()[0][0])

    def stored_keys(self, article_ids: list[str],
                    content_hashes: list[str]) -> tuple[list[str], list[str]]:
        """Which of these article ids, and which of these content hashes, are stored."""
        if not article_ids and not content_hashes:
            return [], []
        rows = self.con.execute(
            "SELECT id, content_hash FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[])) "
            "OR content_hash IN (SELECT unnest(?::VARCHAR[]))",
            [article_ids, content_hashes]).fetchall()
        return [r[0] for r in rows], [r[1] for r in rows]

    def band_candidates(self, bands: list[int]) -> list[tuple[int, str, str, list[int]]]:
        """Stored articles sharing an LSH band: (band, id, story id, MinHash signature)."""
        if not bands:
            return []
        return self.con.execute(
            "SELECT b.band, a.id, a.story_id, a.minhash FROM article_bands b "
            "JOIN articles a ON a.id = b.article_id "
            "WHERE list_contains(?::UBIGINT[], b.band)", [bands]).fetchall()

    def record_failure(self, origin: str, reason: str, *, stage: str | None = None,
                       excerpt: str | None = None) -> None:
        insert_failure(self.con, origin, reason, stage, excerpt)

    # -- feed state (for watch) -------------------------------------------------------

    def feed_state(self, url: str) -> tuple[str | None, str | None]:
        row = self.con.execute("SELECT etag, last_modified FROM feeds WHERE url = ?",
                               [url]).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def save_feed_state(self, url: str, etag: str | None, last_modified: str | None,
                        status: int) -> None:
        self.con.execute(
            "INSERT INTO feeds VALUES (?, ?, ?, current_timestamp, ?) ON CONFLICT (url) "
            "DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, "
            "polled = excluded.polled, status = excluded.status",
            [url, etag, last_modified, status])

    def unseen(self, urls: list[str]) -> list[str]:
        if not urls:
            return []
        seen = {r[0] for r in self.con.execute(
            "SELECT url FROM seen_urls WHERE url IN (SELECT unnest(?::VARCHAR[])) "
            "UNION SELECT url FROM articles WHERE url IN (SELECT unnest(?::VARCHAR[]))",
            [urls, urls]).fetchall()}
        return [u for u in dict.fromkeys(urls) if u not in seen]

    def mark_seen(self, urls: list[str], feed: str | None = None) -> None:
        for url in dict.fromkeys(urls):
            self.con.execute("INSERT INTO seen_urls VALUES (?, ?, current_timestamp) "
                             "ON CONFLICT DO NOTHING", [url, feed])

    # -- analysis ---------------------------------------------------------------------

    def dyad(self, a: str, b: str, *, by: str = "month",
             filters: Filters | None = None) -> list[dict]:
        """The A↔B series per period and direction (see `pantau.store.dyad`)."""
        return dyad_mod.dyad_series(self.con, a, b, by=by, filters=filters)

    def export(self, out: BinaryIO, *, fmt: str = "parquet", table: str = "events",
               filters: Filters | None = None, header: bool = False) -> int:
        """Write rows as Parquet, JSONL or GDELT TSV to a binary stream; returns the count."""
        return export_rows(self.con, out, fmt=fmt, table=table, filters=filters,
                           header=header)

    def events(self, filters: Filters | None = None, limit: int = 100,
               offset: int = 0) -> list[dict]:
        return select_events(self.con, filters or Filters(), limit, offset)

    def quotes(self, **criteria) -> list[dict]:
        """Quotes by speaker (name part), speaker code, article, since/until, limit/offset."""
        return select_quotes(self.con, **criteria)

    def actors(self, code: str | None = None, limit: int = 100, offset: int = 0) -> list[dict]:
        return select_actors(self.con, code=code, limit=limit, offset=offset)

    def article(self, article_id: str) -> dict | None:
        return select_article(self.con, article_id)

    def failures(self, limit: int = 100) -> list[dict]:
        from pantau.store.query import fetch_dicts

        return fetch_dicts(self.con, "SELECT * FROM failures ORDER BY failed_at, origin LIMIT ?",
                           [int(limit)])

    def counts(self) -> dict[str, int]:
        """Rows per table, for summaries and tests."""
        tables = ("articles", "sentences", "actors", "events", "quotes", "failures")
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
