"""Event routes: the event list, one event with its evidence and article, the dyad series,
and the aggregates behind the dashboard (volume, top dyads, actor network)."""

from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from fastapi import APIRouter, Depends, HTTPException, Query

from pantau.api import deps
from pantau.api.deps import CAMEO, CODES, DYAD, MAX_OFFSET, MAX_PAGE, ROOTS, StoreReader
from pantau.api.models import (DyadSeries, Error, EventDetail, EventPage, Network, TopDyad,
                               Volume)
from pantau.store import Filters
from pantau.store import views

router = APIRouter(prefix="/api", tags=["events"],
                   responses={400: {"model": Error}, 422: {"model": Error}})

Sort = Literal["-date", "date", "-goldstein", "goldstein", "cameo"]
Period = Literal["day", "week", "month"]
Level = Literal["country", "full"]


def code_query():
    return Query(None, pattern=CODES, description="actor code prefixes, comma-separated: RUS,USAGOV")


@router.get("/events", response_model=EventPage, summary="List events")
def list_events(
    actor: Optional[str] = code_query(),
    source: Optional[str] = Query(None, pattern=CODES, description="acting actor code prefixes"),
    target: Optional[str] = Query(None, pattern=CODES, description="target actor code prefixes"),
    dyad: Optional[str] = Query(None, pattern=DYAD, description="two actors, either direction: RUS,USA"),
    cameo: Optional[str] = Query(None, pattern=CAMEO, description="CAMEO code prefixes: 11,036"),
    root: Optional[str] = Query(None, pattern=ROOTS, description="CAMEO root codes: 11,16"),
    quad: Optional[int] = Query(None, ge=1, le=4, description="quad class 1..4"),
    plover: Optional[str] = Query(None, pattern=r"^[A-Za-z]{2,16}$", description="PLOVER type: ACCUSE"),
    since: Optional[dt.date] = Query(None, description="first day, inclusive"),
    until: Optional[dt.date] = Query(None, description="last day, inclusive"),
    lang: Optional[str] = Query(None, pattern=r"^[a-z]{2,3}$"),
    q: Optional[str] = Query(None, max_length=200, description="text in the evidence, actors or title"),
    include_uncounted: bool = Query(False, description="also negated and hypothetical events"),
    sort: Sort = "-date",
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    reader: StoreReader = Depends(deps.reader),
) -> dict:
    """Events as reported (one row per article mention), filtered, sorted and paginated."""
    filters = Filters(since=deps.day(since), until=deps.day(until), actors=deps.split(actor),
                      sources=deps.split(source), targets=deps.split(target),
                      codes=deps.split(cameo), quad=quad, lang=lang,
                      counted=not include_uncounted)
    pair = deps.split(dyad)
    query = views.EventQuery(filters=filters, dyad=pair if len(pair) == 2 else None,
                             roots=deps.split(root), plover=plover, text=q or None, sort=sort)
    total, rows = reader.run(lambda s: views.event_page(s.con, query, limit, offset))
    return {"total": total, "limit": limit, "offset": offset,
            "items": [deps.event_row(r) for r in rows]}


@router.get("/events/{event_id}", response_model=EventDetail, summary="One event",
            responses={404: {"model": Error}})
def get_event(event_id: str, reader: StoreReader = Depends(deps.reader)) -> dict:
    """One event with its evidence, its sentence and the article it came from."""
    key = deps.parse_event_id(event_id) if len(event_id) <= 200 else None

    def fetch(store):
        row = views.event_by_id(store.con, *key) if key else None
        return (row, store.article(row["article_id"])) if row else (None, None)

    row, article = reader.run(fetch)
    if row is None or article is None:
        raise HTTPException(404, f"no event {event_id!r}: ids look like <article_id>-<n>")
    return {"event": deps.event_row(row), "sentence_text": row.get("sentence_text"),
            "article": deps.article_view(article)}


@router.get("/dyad", response_model=DyadSeries, summary="Dyad series")
def get_dyad(
    a: str = Query(..., pattern=r"^[A-Za-z]{1,24}$", description="first actor: RUS or RUSGOV"),
    b: str = Query(..., pattern=r"^[A-Za-z]{1,24}$", description="second actor"),
    by: Period = "month",
    since: Optional[dt.date] = None,
    until: Optional[dt.date] = None,
    reader: StoreReader = Depends(deps.reader),
) -> dict:
    """The A↔B relation per period, both directions: events by quad class, Goldstein
    sum and mean (as `pantau dyad`)."""
    filters = Filters(since=deps.day(since), until=deps.day(until))
    rows = reader.run(lambda s: s.dyad(a, b, by=by, filters=filters))
    return {"a": a.upper(), "b": b.upper(), "by": by, "series": rows}


@router.get("/volume", response_model=Volume, summary="Event volume over time")
def get_volume(
    by: Period = "day",
    actor: Optional[str] = code_query(),
    since: Optional[dt.date] = None,
    until: Optional[dt.date] = None,
    reader: StoreReader = Depends(deps.reader),
) -> dict:
    """Grouped (deduplicated) events per period, with quad-class counts."""
    rows = reader.run(lambda s: views.volume(s.con, by, deps.day(since), deps.day(until),
                                             deps.split(actor)))
    return {"by": by, "series": rows}


@router.get("/dyads", response_model=list[TopDyad], summary="Top dyads")
def get_top_dyads(
    limit: int = Query(20, ge=1, le=200),
    level: Level = "country",
    since: Optional[dt.date] = None,
    until: Optional[dt.date] = None,
    reader: StoreReader = Depends(deps.reader),
) -> list[dict]:
    """The most active pairs of actors (both directions), by grouped events."""
    return reader.run(lambda s: views.top_dyads(s.con, limit, deps.day(since),
                                                deps.day(until), level))


@router.get("/network", response_model=Network, summary="Actor network")
def get_network(
    limit: int = Query(100, ge=1, le=1000, description="most edges returned"),
    level: Level = "country",
    since: Optional[dt.date] = None,
    until: Optional[dt.date] = None,
    reader: StoreReader = Depends(deps.reader),
) -> dict:
    """Who acts on whom: directed edges weighted by grouped events, with mean Goldstein."""
    return reader.run(lambda s: views.network(s.con, limit, deps.day(since),
                                              deps.day(until), level))
