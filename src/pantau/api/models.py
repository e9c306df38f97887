"""Typed request and response bodies of the REST API (they make the OpenAPI schema).

The document models mirror the JSON contract of DESIGN.md (`CodedDocument.to_dict()`);
every `start`/`end` is a character offset into the document's `text`.
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field

MAX_CODE_CHARS = 100_000  # POST /api/code: longest text accepted


class Model(BaseModel):
    model_config = ConfigDict(extra="ignore")


# -- the document contract --------------------------------------------------------------

class Removal(Model):
    kind: str
    text: str


class Cleaning(Model):
    removed: list[Removal] = []


class Sentence(Model):
    start: int
    end: int


class Mention(Model):
    text: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None
    code: Optional[str] = None
    name: Optional[str] = None
    kind: Optional[str] = None
    sentence: Optional[int] = None
    via: Optional[str] = None
    gender: Optional[str] = None
    sector: Optional[str] = None


class ActorRef(Model):
    code: Optional[str] = None
    name: Optional[str] = None
    text: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None


class Evidence(Model):
    verb: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None


class Place(Model):
    name: Optional[str] = None
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None


class Event(Model):
    id: Optional[str] = Field(None, description="Event id in the store: <article_id>-<index>")
    source: Optional[ActorRef] = None
    target: Optional[ActorRef] = None
    cameo: str
    root: Optional[str] = None
    quad: Optional[int] = None
    goldstein: Optional[float] = None
    plover: Optional[str] = None
    date: Optional[str] = None
    date_text: Optional[str] = None
    place: Optional[Place] = None
    negated: Optional[bool] = None
    modality: Optional[str] = None
    sentence: Optional[int] = None
    evidence: Optional[Evidence] = None
    rule: Optional[str] = None
    group: Optional[str] = None


class Speaker(Model):
    name: Optional[str] = None
    code: Optional[str] = None
    text: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None


class Quote(Model):
    text: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None
    direct: Optional[bool] = None
    cue: Optional[str] = None
    speaker: Optional[Speaker] = None
    sentence: Optional[int] = None


class CodedDocument(Model):
    """A coded article: the JSON contract."""

    id: Optional[str] = None
    lang: Optional[str] = None
    published: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    text: str
    cleaning: Cleaning = Cleaning()
    sentences: list[Sentence] = []
    actors: list[Mention] = []
    events: list[Event] = []
    quotes: list[Quote] = []
    tone: Optional[float] = None


class Story(Model):
    id: Optional[str] = None
    similarity: Optional[float] = None
    articles: list[str] = []


class Article(CodedDocument):
    """A stored article: the contract plus its store id and its story (same news)."""

    article_id: str
    story: Optional[Story] = None


# -- lists ------------------------------------------------------------------------------

class EventRow(Event):
    """An event as listed: the event plus where it was reported."""

    id: str
    article_id: str
    counted: Optional[bool] = None
    title: Optional[str] = None
    url: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None
    lang: Optional[str] = None


class EventPage(Model):
    total: int
    limit: int
    offset: int
    items: list[EventRow]


class EventDetail(Model):
    event: EventRow
    sentence_text: Optional[str] = None
    article: Article


class QuoteRow(Quote):
    article_id: str
    title: Optional[str] = None
    url: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None


class QuotePage(Model):
    total: int
    limit: int
    offset: int
    items: list[QuoteRow]


class SpeakerRow(Model):
    name: str
    code: Optional[str] = None
    quotes: int
    articles: int


class ActorRow(Model):
    code: str
    name: Optional[str] = None
    kind: Optional[str] = None
    mentions: int
    articles: int


class DyadRow(Model):
    period: str
    source: str
    target: str
    events: int
    mentions: int
    quad1: int
    quad2: int
    quad3: int
    quad4: int
    goldstein_sum: float
    goldstein_mean: Optional[float] = None


class DyadSeries(Model):
    a: str
    b: str
    by: str
    series: list[DyadRow]


class VolumeRow(Model):
    period: str
    events: int
    mentions: int
    quad1: int
    quad2: int
    quad3: int
    quad4: int
    goldstein_mean: Optional[float] = None


class Volume(Model):
    by: str
    series: list[VolumeRow]


class TopDyad(Model):
    a: str
    b: str
    events: int
    mentions: int
    ab: int = Field(description="events with a acting on b")
    ba: int = Field(description="events with b acting on a")
    goldstein_mean: Optional[float] = None


class NetworkNode(Model):
    code: str
    events: int


class NetworkEdge(Model):
    source: str
    target: str
    events: int
    goldstein_mean: Optional[float] = None


class Network(Model):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class Health(Model):
    status: str
    version: str
    store: str
    counts: dict[str, int]
    auth: bool = Field(description="whether POST endpoints need a bearer token")


class Error(Model):
    """Every error answer: the HTTP status and what went wrong."""

    status: int
    detail: str
    errors: Optional[list[dict]] = None


class CodeRequest(BaseModel):
    """A text to code, with the optional fields of the input contract."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_CODE_CHARS)
    lang: Optional[str] = Field(None, pattern=r"^[a-z]{2,3}$",
                                description="id or en; detected when absent")
    published: Optional[dt.date] = None
    id: Optional[str] = Field(None, max_length=500)
    title: Optional[str] = Field(None, max_length=2000)
    url: Optional[str] = Field(None, max_length=2000)
    source: Optional[str] = Field(None, max_length=500)
