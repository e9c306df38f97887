"""Document routes: health, quotes and speakers, actors, one article with its spans, and
`POST /api/code` (code a posted text, nothing stored)."""

from __future__ import annotations

import datetime as dt
from typing import Optional

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse

import pantau
from pantau.api import deps
from pantau.api.deps import MAX_OFFSET, MAX_PAGE, StoreReader
from pantau.api.models import (ActorRow, Article, CodedDocument, CodeRequest, Error, Health,
                               QuotePage, SpeakerRow)
from pantau.store import views

router = APIRouter(prefix="/api", responses={400: {"model": Error}, 422: {"model": Error}})


@router.get("/health", response_model=Health, tags=["meta"], summary="Health")
def health(request: Request, reader: StoreReader = Depends(deps.reader)) -> dict:
    """The server is up; row counts of the store it reads."""
    counts = reader.run(lambda s: s.counts())
    return {"status": "ok", "version": pantau.__version__, "store": reader.path.name,
            "counts": counts, "auth": bool(request.app.state.token)}


@router.get("/quotes", response_model=QuotePage, tags=["quotes"], summary="List quotes")
def list_quotes(
    speaker: Optional[str] = Query(None, max_length=200, description="part of the speaker's name"),
    actor: Optional[str] = Query(None, pattern=r"^[A-Za-z]{1,24}$",
                                 description="speaker's actor code prefix: RUS"),
    q: Optional[str] = Query(None, max_length=200, description="text in the quote"),
    article: Optional[str] = Query(None, max_length=200, description="an article id"),
    since: Optional[dt.date] = None,
    until: Optional[dt.date] = None,
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    reader: StoreReader = Depends(deps.reader),
) -> dict:
    """Quotes with their speakers, newest first."""
    criteria = dict(speaker=speaker or None, code=actor, text=q or None, article=article,
                    since=deps.day(since), until=deps.day(until))
    total, rows = reader.run(lambda s: views.quote_page(s.con, limit=limit, offset=offset,
                                                        **criteria))
    return {"total": total, "limit": limit, "offset": offset,
            "items": [deps.quote_row(r) for r in rows]}


@router.get("/speakers", response_model=list[SpeakerRow], tags=["quotes"],
            summary="Quoted speakers")
def list_speakers(
    name: Optional[str] = Query(None, max_length=200, description="part of the name"),
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    reader: StoreReader = Depends(deps.reader),
) -> list[dict]:
    """Speakers by how often they are quoted."""
    return reader.run(lambda s: views.speakers(s.con, name or None, limit, offset))


@router.get("/actors", response_model=list[ActorRow], tags=["actors"], summary="Top actors")
def list_actors(
    code: Optional[str] = Query(None, pattern=r"^[A-Za-z]{1,24}$", description="code prefix"),
    limit: int = Query(50, ge=1, le=MAX_PAGE),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    reader: StoreReader = Depends(deps.reader),
) -> list[dict]:
    """Actors by how often they are mentioned, with the number of articles."""
    return reader.run(lambda s: s.actors(code, limit=limit, offset=offset))


@router.get("/articles/{article_id}", response_model=Article, tags=["articles"],
            summary="One article", responses={404: {"model": Error}})
def get_article(article_id: str, reader: StoreReader = Depends(deps.reader)) -> dict:
    """The article's cleaned text with the spans of its actors, events (with evidence)
    and quotes, all as offsets into `text`."""
    found = reader.run(lambda s: s.article(article_id)) if len(article_id) <= 200 else None
    if found is None:
        raise HTTPException(404, f"no article {article_id!r} in the store")
    return deps.article_view(found)


@router.post("/code", response_model=CodedDocument, tags=["code"], summary="Code a text",
             dependencies=[Depends(deps.require_token)],
             responses={401: {"model": Error}, 413: {"model": Error}})
def code_text(body: CodeRequest) -> JSONResponse:
    """Code a posted text (nothing is stored) and return the document contract JSON.
    Needs `Authorization: Bearer <token>` when the server has a token."""
    meta = body.model_dump(exclude_none=True, exclude={"text", "lang", "published"})
    published = body.published.isoformat() if body.published else None
    try:
        doc = pantau.code(body.text, lang=body.lang, published=published, **meta)
    except pantau.PantauError as exc:
        raise HTTPException(400, str(exc)) from exc
    return JSONResponse(doc.to_dict())  # the contract as is, not filtered by the model
