"""Read-only aggregates for the REST API and the dashboard: one page of events with its
total, one event by id, event volume per period, top dyads, the actor network, quotes
with a text filter, and speakers.

Every function takes the store's DuckDB connection. Aggregates run in SQL (DuckDB), so a
store of millions of events answers without moving rows into Python. User values reach
SQL only as parameters; the few formatted fragments come from fixed tables below.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pantau.errors import StoreError
from pantau.store.query import Filters, fetch_dicts, quote_where, where_events

SORTS = {
    "-date": "e.day DESC NULLS LAST, e.article_id DESC, e.idx",
    "date": "e.day ASC NULLS LAST, e.article_id, e.idx",
    "-goldstein": "e.goldstein DESC NULLS LAST, e.day DESC NULLS LAST, e.article_id, e.idx",
    "goldstein": "e.goldstein ASC NULLS LAST, e.day DESC NULLS LAST, e.article_id, e.idx",
    "cameo": "e.cameo, e.day DESC NULLS LAST, e.article_id, e.idx",
}
PERIODS = ("day", "week", "month")
LEVELS = {  # how an actor code is shortened before grouping
    "country": "CASE WHEN starts_with({c}, 'IGO') THEN left({c}, 6) ELSE left({c}, 3) END",
    "full": "{c}",
}
EVENT_TEXT = ("lower(concat_ws(' ', e.evidence_verb, e.source_name, e.source_text, "
              "e.target_name, e.target_text, a.title))")


@dataclass(frozen=True)
class EventQuery:
    """Filters for one page of events, beyond the store's `Filters`."""

    filters: Filters = field(default_factory=Filters)
    dyad: tuple[str, str] | None = None  # either direction, code prefixes
    roots: tuple[str, ...] = ()  # CAMEO root codes, exact: "11"
    plover: str | None = None
    text: str | None = None  # a substring of the evidence, actors or title
    sort: str = "-date"


def level_expr(level: str, column: str) -> str:
    if level not in LEVELS:
        raise StoreError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    return LEVELS[level].format(c=column)


def check_period(by: str) -> str:
    if by not in PERIODS:
        raise StoreError(f"by must be one of {', '.join(PERIODS)}, not {by!r}")
    return by


def dyad_clause(a: str, b: str, e: str = "e") -> tuple[str, list]:
    a, b = a.strip().upper(), b.strip().upper()
    clause = (f"((starts_with({e}.source_code, ?) AND starts_with({e}.target_code, ?)) OR "
              f"(starts_with({e}.source_code, ?) AND starts_with({e}.target_code, ?)))")
    return clause, [a, b, b, a]


def where_query(q: EventQuery) -> tuple[str, list]:
    """The WHERE clause of an event query over `events e JOIN articles a`."""
    where, params = where_events(q.filters)
    clauses = [where]
    if q.filters.lang:
        clauses.append("a.lang = ?")
        params.append(q.filters.lang)
    if q.dyad:
        clause, p = dyad_clause(*q.dyad)
        clauses.append(clause)
        params += p
    if q.roots:
        clauses.append("(" + " OR ".join(["e.root = ?"] * len(q.roots)) + ")")
        params += list(q.roots)
    if q.plover:
        clauses.append("upper(e.plover) = ?")
        params.append(q.plover.upper())
    if q.text:
        clauses.append(f"contains({EVENT_TEXT}, ?)")
        params.append(q.text.lower())
    return " AND ".join(clauses), params


EVENT_COLUMNS = ("e.*, a.url, a.source AS outlet, a.title, a.published, a.lang")


def event_page(con, q: EventQuery, limit: int = 50, offset: int = 0) -> tuple[int, list[dict]]:
    """(total matching, one page of event rows) in the order `q.sort` names."""
    if q.sort not in SORTS:
        raise StoreError(f"sort must be one of {', '.join(SORTS)}, not {q.sort!r}")
    where, params = where_query(q)
    base = f"FROM events e JOIN articles a ON a.id = e.article_id WHERE {where}"
    total = con.execute(f"SELECT count(*) {base}", params).fetchone()[0]
    rows = fetch_dicts(con, f"SELECT {EVENT_COLUMNS} {base} ORDER BY {SORTS[q.sort]} "
                            "LIMIT ? OFFSET ?", params + [int(limit), int(offset)])
    return int(total), rows


def event_by_id(con, article_id: str, idx: int) -> dict | None:
    """One event row with its article fields and the text of its sentence."""
    rows = fetch_dicts(
        con, f"SELECT {EVENT_COLUMNS}, "
             "substring(a.text, s.start + 1, s.\"end\" - s.start) AS sentence_text "
             "FROM events e JOIN articles a ON a.id = e.article_id "
             "LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence "
             "WHERE e.article_id = ? AND e.idx = ?", [article_id, int(idx)])
    return rows[0] if rows else None


def group_where(since: str | None, until: str | None, actors: tuple[str, ...] = ()):
    return where_events(Filters(since=since, until=until, actors=actors), "g", grouped=True)


def volume(con, by: str = "day", since: str | None = None, until: str | None = None,
           actors: tuple[str, ...] = ()) -> list[dict]:
    """Grouped events per period: counts, mentions, quad classes, Goldstein mean."""
    where, params = group_where(since, until, actors)
    sql = ("SELECT date_trunc(?, g.day)::DATE AS period, count(*) AS events, "
           "sum(g.num_mentions) AS mentions, "
           "count(*) FILTER (WHERE g.quad = 1) AS quad1, count(*) FILTER (WHERE g.quad = 2) AS quad2, "
           "count(*) FILTER (WHERE g.quad = 3) AS quad3, count(*) FILTER (WHERE g.quad = 4) AS quad4, "
           "round(avg(g.goldstein), 3) AS goldstein_mean "
           f"FROM event_groups g WHERE g.day IS NOT NULL AND {where} "
           "GROUP BY period ORDER BY period")
    rows = fetch_dicts(con, sql, [check_period(by)] + params)
    for row in rows:
        row["period"] = row["period"].isoformat()
    return rows


def top_dyads(con, limit: int = 20, since: str | None = None, until: str | None = None,
              level: str = "country") -> list[dict]:
    """The most active pairs of actors, both directions together."""
    src, tgt = level_expr(level, "g.source_code"), level_expr(level, "g.target_code")
    where, params = group_where(since, until)
    sql = (f"WITH p AS (SELECT {src} AS s, {tgt} AS t, g.num_mentions, g.goldstein "
           f"FROM event_groups g WHERE g.target_code IS NOT NULL AND {where}) "
           "SELECT least(s, t) AS a, greatest(s, t) AS b, count(*) AS events, "
           "sum(num_mentions) AS mentions, count(*) FILTER (WHERE s <= t) AS ab, "
           "count(*) FILTER (WHERE s > t) AS ba, round(avg(goldstein), 3) AS goldstein_mean "
           "FROM p WHERE s <> t GROUP BY ALL ORDER BY events DESC, mentions DESC, a, b LIMIT ?")
    return fetch_dicts(con, sql, params + [int(limit)])


def network(con, limit: int = 100, since: str | None = None, until: str | None = None,
            level: str = "country") -> dict:
    """Directed, weighted edges (who acts on whom) and the nodes they touch."""
    src, tgt = level_expr(level, "g.source_code"), level_expr(level, "g.target_code")
    where, params = group_where(since, until)
    sql = (f"SELECT {src} AS source, {tgt} AS target, count(*) AS events, "
           "round(avg(g.goldstein), 3) AS goldstein_mean FROM event_groups g "
           f"WHERE g.target_code IS NOT NULL AND {where} GROUP BY ALL "
           "HAVING source <> target ORDER BY events DESC, source, target LIMIT ?")
    edges = fetch_dicts(con, sql, params + [int(limit)])
    weight: dict[str, int] = {}
    for edge in edges:  # at most `limit` edges: a small sum, not an aggregate
        for code in (edge["source"], edge["target"]):
            weight[code] = weight.get(code, 0) + edge["events"]
    nodes = [{"code": c, "events": n} for c, n in sorted(weight.items(), key=lambda x: (-x[1], x[0]))]
    return {"nodes": nodes, "edges": edges}


def quote_page(con, *, limit: int = 50, offset: int = 0, **criteria) -> tuple[int, list[dict]]:
    """(total, one page of quotes), newest first; criteria as in `quote_where`."""
    where, params = quote_where(**criteria)
    base = f"FROM quotes q JOIN articles a ON a.id = q.article_id WHERE {where}"
    total = con.execute(f"SELECT count(*) {base}", params).fetchone()[0]
    rows = fetch_dicts(con, "SELECT q.*, a.url, a.source AS outlet, a.title, a.published "
                            f"{base} ORDER BY a.day DESC NULLS LAST, q.article_id, q.idx "
                            "LIMIT ? OFFSET ?", params + [int(limit), int(offset)])
    return int(total), rows


def speakers(con, name: str | None = None, limit: int = 50, offset: int = 0) -> list[dict]:
    """Quoted speakers with how many quotes and articles each has."""
    clause, params = ("contains(lower(speaker_name), ?)", [name.lower()]) if name else ("TRUE", [])
    sql = ("SELECT speaker_name AS name, mode(speaker_code) AS code, count(*) AS quotes, "
           "count(DISTINCT article_id) AS articles FROM quotes "
           f"WHERE speaker_name IS NOT NULL AND {clause} GROUP BY speaker_name "
           "ORDER BY quotes DESC, name LIMIT ? OFFSET ?")
    return fetch_dicts(con, sql, params + [int(limit), int(offset)])
