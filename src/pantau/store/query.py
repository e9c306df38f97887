"""Read-side helpers: filtered events, quotes, actors and one article, as plain dicts.

Every value a user gives reaches SQL as a parameter; only fixed column names are
formatted into the statements.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import duckdb

from pantau.errors import StoreError


@dataclass(frozen=True)
class Filters:
    """What to select. Actor and code filters are prefixes: `RUS` matches `RUSGOV`."""

    since: str | None = None  # first day, inclusive (YYYY-MM-DD)
    until: str | None = None  # last day, inclusive
    actors: tuple[str, ...] = ()  # either side of the event
    sources: tuple[str, ...] = ()  # the acting side
    targets: tuple[str, ...] = ()  # the side acted upon
    codes: tuple[str, ...] = ()  # CAMEO code prefixes: "11", "036"
    quad: int | None = None
    lang: str | None = None
    counted: bool = True  # only asserted, non-negated events


def check_day(value: str | None, name: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise StoreError(f"{name} must be a date like 2021-03-19, not {value!r}") from exc


def any_prefix(column: str, prefixes: tuple[str, ...]) -> tuple[str, list]:
    clause = "(" + " OR ".join([f"starts_with({column}, ?)"] * len(prefixes)) + ")"
    return clause, [p.upper() for p in prefixes]


def where_events(f: Filters, e: str = "e", *, grouped: bool = False) -> tuple[str, list]:
    """A WHERE clause (and its parameters) for events, or event groups, aliased `e`."""
    day = f"{e}.day"
    clauses, params = ["TRUE"], []
    for value, op in ((check_day(f.since, "since"), ">="), (check_day(f.until, "until"), "<=")):
        if value:
            clauses.append(f"{day} {op} ?")
            params.append(value)
    if f.actors:
        src, p1 = any_prefix(f"{e}.source_code", f.actors)
        tgt, p2 = any_prefix(f"{e}.target_code", f.actors)
        clauses.append(f"({src} OR {tgt})")
        params += p1 + p2
    for column, values in (("source_code", f.sources), ("target_code", f.targets),
                           ("cameo", f.codes)):
        if values:
            clause, p = any_prefix(f"{e}.{column}", values)
            clauses.append(clause)
            params += p
    if f.quad is not None:
        clauses.append(f"{e}.quad = ?")
        params.append(int(f.quad))
    if f.counted and not grouped:
        clauses.append(f"{e}.counted")
    return " AND ".join(clauses), params


def fetch_dicts(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> list[dict]:
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def select_events(con, f: Filters, limit: int = 100, offset: int = 0) -> list[dict]:
    where, params = where_events(f)
    if f.lang:
        where += " AND a.lang = ?"
        params.append(f.lang)
    sql = ("SELECT e.*, a.url, a.source AS outlet, a.title, a.published, a.story_id "
           "FROM events e JOIN articles a ON a.id = e.article_id "
           f"WHERE {where} ORDER BY e.day NULLS LAST, e.article_id, e.idx LIMIT ? OFFSET ?")
    return fetch_dicts(con, sql, params + [int(limit), int(offset)])


def quote_where(speaker=None, code=None, text=None, article=None, since=None, until=None):
    """A WHERE clause (and its parameters) for quotes `q` joined to articles `a`."""
    clauses, params = ["TRUE"], []
    if speaker:
        clauses.append("contains(lower(q.speaker_name), ?)")
        params.append(speaker.lower())
    if code:
        clauses.append("starts_with(q.speaker_code, ?)")
        params.append(code.upper())
    if text:
        clauses.append("contains(lower(q.text), ?)")
        params.append(text.lower())
    if article:
        clauses.append("q.article_id = ?")
        params.append(article)
    for value, op in ((check_day(since, "since"), ">="), (check_day(until, "until"), "<=")):
        if value:
            clauses.append(f"a.day {op} ?")
            params.append(value)
    return " AND ".join(clauses), params


def select_quotes(con, *, speaker: str | None = None, code: str | None = None,
                  article: str | None = None, since: str | None = None,
                  until: str | None = None, limit: int = 100, offset: int = 0) -> list[dict]:
    where, params = quote_where(speaker=speaker, code=code, article=article, since=since, until=until)
    sql = ("SELECT q.*, a.url, a.source AS outlet, a.title, a.published "
           "FROM quotes q JOIN articles a ON a.id = q.article_id "
           f"WHERE {where} "
           "ORDER BY a.day NULLS LAST, q.article_id, q.idx LIMIT ? OFFSET ?")
    return fetch_dicts(con, sql, params + [int(limit), int(offset)])


def select_actors(con, *, code: str | None = None, limit: int = 100,
                  offset: int = 0) -> list[dict]:
    """Actors (code and canonical name) with how often they are mentioned and in how
    many articles; `code` is a prefix (`RUS` takes in `RUSGOV`)."""
    clause, params = ("starts_with(code, ?)", [code.upper()]) if code else ("TRUE", [])
    sql = ("SELECT code, name, mode(kind) AS kind, count(*) AS mentions, "
           "count(DISTINCT article_id) AS articles FROM actors "
           f"WHERE code IS NOT NULL AND {clause} GROUP BY code, name "
           "ORDER BY mentions DESC, code, name LIMIT ? OFFSET ?")
    return fetch_dicts(con, sql, params + [int(limit), int(offset)])


def rows_of(con, table: str, article_id: str) -> list[dict]:
    return fetch_dicts(con, f"SELECT * EXCLUDE (article_id, idx) FROM {table} "
                            "WHERE article_id = ? ORDER BY idx", [article_id])


def span(row: dict, prefix: str, keys=("code", "name", "text", "start", "end")) -> dict | None:
    if row.get(f"{prefix}_text") is None and row.get(f"{prefix}_code") is None:
        return None
    return {k: row[f"{prefix}_{k}"] for k in keys}


def event_dict(row: dict) -> dict:
    place = None
    if row["place_name"] or row["place_country"]:
        place = {"name": row["place_name"], "country": row["place_country"],
                 "lat": row["lat"], "lon": row["lon"]}
    return {
        "source": span(row, "source"), "target": span(row, "target"),
        "cameo": row["cameo"], "root": row["root"], "quad": row["quad"],
        "goldstein": row["goldstein"], "plover": row["plover"],
        "date": row["day"].isoformat() if row["day"] else None, "date_text": row["date_text"],
        "place": place, "negated": row["negated"], "modality": row["modality"],
        "sentence": row["sentence"],
        "evidence": {"verb": row["evidence_verb"], "start": row["evidence_start"],
                     "end": row["evidence_end"]},
        "rule": row["rule"], "group": row["group_key"],
    }


def quote_dict(row: dict) -> dict:
    speaker = span(row, "speaker")
    return {"text": row["text"], "start": row["start"], "end": row["end"],
            "direct": row["direct"], "cue": row["cue"], "speaker": speaker,
            "sentence": row["sentence"]}


def select_article(con, article_id: str) -> dict | None:
    """One stored article in the document contract's shape, with its story."""
    found = fetch_dicts(con, "SELECT * EXCLUDE (minhash) FROM articles WHERE id = ?",
                        [article_id])
    if not found:
        return None
    a = found[0]
    story = [r[0] for r in con.execute(
        "SELECT id FROM articles WHERE story_id = ? ORDER BY ingested, id",
        [a["story_id"]]).fetchall()]
    actors = rows_of(con, "actors", article_id)
    for actor in actors:
        if actor.get("gender") is None:
            actor.pop("gender", None)
    return {
        "id": a["doc_id"] or a["id"], "article_id": a["id"], "lang": a["lang"],
        "published": a["published"], "title": a["title"], "url": a["url"],
        "source": a["source"], "text": a["text"],
        "cleaning": {"removed": json.loads(a["removed"] or "[]")},
        "sentences": rows_of(con, "sentences", article_id),
        "actors": actors,
        "events": [event_dict(r) for r in rows_of(con, "events", article_id)],
        "quotes": [quote_dict(r) for r in rows_of(con, "quotes", article_id)],
        "tone": a["tone"],
        "story": {"id": a["story_id"], "similarity": a["similarity"], "articles": story},
    }
