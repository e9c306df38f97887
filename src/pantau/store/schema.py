"""The store's schema, changed only through numbered migrations.

`migrate(con)` applies, in order and each in its own transaction, every migration whose
number is above the one recorded in `schema_version`. A migration is a tuple of SQL
statements; never edit a released one, append a new one.
"""

from __future__ import annotations

import duckdb

from pantau.errors import StoreError

MIGRATION_1 = (
    """CREATE TABLE articles (
        id VARCHAR PRIMARY KEY,
        doc_id VARCHAR,
        url VARCHAR,
        source VARCHAR,
        title VARCHAR,
        lang VARCHAR,
        published VARCHAR,
        day DATE,
        text VARCHAR NOT NULL,
        content_hash VARCHAR NOT NULL,
        story_id VARCHAR NOT NULL,
        similarity DOUBLE,
        minhash UBIGINT[],
        tone DOUBLE,
        removed JSON,
        origin VARCHAR,
        ingested TIMESTAMP NOT NULL)""",
    """CREATE TABLE article_bands (
        band UBIGINT NOT NULL,
        article_id VARCHAR NOT NULL)""",
    """CREATE TABLE sentences (
        article_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL)""",
    """CREATE TABLE actors (
        article_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        text VARCHAR,
        start INTEGER,
        "end" INTEGER,
        code VARCHAR,
        name VARCHAR,
        kind VARCHAR,
        sentence INTEGER,
        via VARCHAR,
        gender VARCHAR)""",
    """CREATE TABLE events (
        article_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        group_key VARCHAR,
        source_code VARCHAR,
        source_name VARCHAR,
        source_text VARCHAR,
        source_start INTEGER,
        source_end INTEGER,
        target_code VARCHAR,
        target_name VARCHAR,
        target_text VARCHAR,
        target_start INTEGER,
        target_end INTEGER,
        cameo VARCHAR NOT NULL,
        root VARCHAR,
        quad INTEGER,
        goldstein DOUBLE,
        plover VARCHAR,
        day DATE,
        date_text VARCHAR,
        place_name VARCHAR,
        place_country VARCHAR,
        lat DOUBLE,
        lon DOUBLE,
        negated BOOLEAN,
        modality VARCHAR,
        counted BOOLEAN,
        sentence INTEGER,
        evidence_verb VARCHAR,
        evidence_start INTEGER,
        evidence_end INTEGER,
        rule VARCHAR)""",
    """CREATE TABLE quotes (
        article_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        text VARCHAR,
        start INTEGER,
        "end" INTEGER,
        direct BOOLEAN,
        cue VARCHAR,
        speaker_name VARCHAR,
        speaker_code VARCHAR,
        speaker_text VARCHAR,
        speaker_start INTEGER,
        speaker_end INTEGER,
        sentence INTEGER)""",
    """CREATE TABLE failures (
        origin VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        stage VARCHAR,
        excerpt VARCHAR,
        failed_at TIMESTAMP NOT NULL,
        PRIMARY KEY (origin, reason))""",
    "CREATE INDEX articles_url ON articles (url)",
    "CREATE INDEX articles_hash ON articles (content_hash)",
    "CREATE INDEX articles_story ON articles (story_id)",
    "CREATE INDEX articles_day ON articles (day)",
    "CREATE INDEX bands_band ON article_bands (band)",
    "CREATE INDEX sentences_article ON sentences (article_id)",
    "CREATE INDEX actors_article ON actors (article_id)",
    "CREATE INDEX actors_code ON actors (code)",
    "CREATE INDEX events_article ON events (article_id)",
    "CREATE INDEX events_group ON events (group_key)",
    "CREATE INDEX events_source ON events (source_code)",
    "CREATE INDEX events_target ON events (target_code)",
    "CREATE INDEX events_day ON events (day)",
    "CREATE INDEX events_cameo ON events (cameo)",
    "CREATE INDEX quotes_article ON quotes (article_id)",
    "CREATE INDEX quotes_speaker ON quotes (speaker_name)",
    # One row per event reported by one or more articles, counted like GDELT's
    # NumMentions / NumSources / NumArticles. Only asserted, non-negated events group.
    """CREATE VIEW event_groups AS
        SELECT e.group_key,
               min(e.day) AS day,
               any_value(e.source_code) AS source_code,
               any_value(e.source_name) AS source_name,
               any_value(e.target_code) AS target_code,
               any_value(e.target_name) AS target_name,
               any_value(e.cameo) AS cameo,
               any_value(e.root) AS root,
               any_value(e.quad) AS quad,
               any_value(e.goldstein) AS goldstein,
               any_value(e.plover) AS plover,
               mode(e.place_name) AS place_name,
               mode(e.place_country) AS place_country,
               avg(e.lat) AS lat,
               avg(e.lon) AS lon,
               min(e.sentence) AS first_sentence,
               count(*) AS num_mentions,
               count(DISTINCT coalesce(
                   nullif(regexp_extract(lower(a.url), '^[a-z]+://(www[.])?([^/:?#]+)', 2), ''),
                   a.source, a.id)) AS num_sources,
               count(DISTINCT e.article_id) AS num_articles,
               count(DISTINCT a.story_id) AS num_stories,
               avg(a.tone) AS avg_tone,
               min(a.ingested) AS first_ingested,
               arg_min(a.url, a.ingested) AS first_url
        FROM events e JOIN articles a ON a.id = e.article_id
        WHERE e.counted AND e.group_key IS NOT NULL
        GROUP BY e.group_key""",
)

MIGRATION_2 = (
    """CREATE TABLE feeds (
        url VARCHAR PRIMARY KEY,
        etag VARCHAR,
        last_modified VARCHAR,
        polled TIMESTAMP,
        status INTEGER)""",
    """CREATE TABLE seen_urls (
        url VARCHAR PRIMARY KEY,
        feed VARCHAR,
        seen TIMESTAMP NOT NULL)""",
)

MIGRATIONS: tuple[tuple[str, ...], ...] = (MIGRATION_1, MIGRATION_2)
LATEST = len(MIGRATIONS)


def read_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version recorded in the store, 0 for a new file."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, "
                "applied TIMESTAMP NOT NULL DEFAULT current_timestamp)")
    rows = con.execute("SELECT max(version) FROM schema_version").fetchall()
    return int(rows[0][0] or 0)


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Bring the schema up to `LATEST`; returns the version now in force."""
    version = read_version(con)
    if version > LATEST:
        raise StoreError(f"the store has schema version {version}, newer than this pantau "
                         f"({LATEST}); upgrade pantau to open it")
    for number in range(version + 1, LATEST + 1):
        apply_migration(con, number, MIGRATIONS[number - 1])
    return LATEST


def apply_migration(con: duckdb.DuckDBPyConnection, number: int, statements) -> None:
    con.execute("BEGIN TRANSACTION")
    try:
        for sql in statements:
            con.execute(sql)
        con.execute("INSERT INTO schema_version (version) VALUES (?)", [number])
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"migration {number} failed: {exc}") from exc
