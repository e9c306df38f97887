"""The coded document and its parts.

One `CodedDocument` flows through the pipeline. Every span is a pair of character offsets
into `doc.text` (the cleaned text). `to_dict()` / `from_dict()` are the JSON contract
described in DESIGN.md; the JSON Schema is `schema/document.schema.json`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Removal:
    """Something the cleaner took out of the raw text, and why."""

    kind: str
    text: str


@dataclass
class Sentence:
    start: int
    end: int


@dataclass
class Token:
    """A token: surface offsets, normalised form and stem (or lemma)."""

    start: int
    end: int
    lower: str
    stem: str
    sentence: int


@dataclass
class Mention:
    """An actor mentioned in the text, resolved to a code where possible."""

    text: str
    start: int
    end: int
    code: str | None
    name: str | None
    kind: str  # person, country, igo, org, group, pronoun
    sentence: int = 0
    via: str = "kb"  # kb, role, title, name, coref
    gender: str | None = None
    sector: str | None = None  # the role's sector, for role mentions


@dataclass
class ActorRef:
    """The source or target of an event: a code plus the text that named it."""

    code: str
    name: str | None
    text: str
    start: int
    end: int


@dataclass
class Evidence:
    verb: str
    start: int
    end: int


@dataclass
class Place:
    name: str
    country: str | None
    lat: float | None
    lon: float | None


@dataclass
class Event:
    source: ActorRef
    target: ActorRef | None
    cameo: str
    root: str
    quad: int
    goldstein: float
    plover: str | None
    evidence: Evidence
    rule: str
    sentence: int
    negated: bool = False
    modality: str = "asserted"
    date: str | None = None
    date_text: str | None = None
    place: Place | None = None
    restated: list[Evidence] = field(default_factory=list)  # the same event said again

    @property
    def counted(self) -> bool:
        """True for an event that happened: asserted and not negated."""
        return not self.negated and self.modality == "asserted"


@dataclass
class Speaker:
    name: str | None
    code: str | None
    text: str
    start: int
    end: int


@dataclass
class Quote:
    text: str
    start: int
    end: int
    direct: bool
    cue: str | None
    speaker: Speaker | None
    sentence: int


@dataclass
class CodedDocument:
    text: str
    id: str | None = None
    lang: str | None = None
    published: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    removed: list[Removal] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    actors: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    tone: float | None = None
    done: set[str] = field(default_factory=set)  # layers written so far

    def folded(self) -> str:
        """The text lower-cased without diacritics, same length (computed once per text)."""
        cached = self.__dict__.get("_folded")
        if cached is None or cached[0] is not self.text:
            from pantau.packs import fold

            cached = (self.text, fold(self.text))
            self.__dict__["_folded"] = cached
        return cached[1]

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence holding a character offset (0 when there are none)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            sent = self.sentences[mid]
            if offset < sent.start:
                hi = mid - 1
            elif offset >= sent.end:
                lo = mid + 1
            else:
                return mid
        return max(0, min(lo, len(self.sentences) - 1))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "lang": self.lang,
            "published": self.published,
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "text": self.text,
            "cleaning": {"removed": [asdict(r) for r in self.removed]},
            "sentences": [{"start": s.start, "end": s.end} for s in self.sentences],
            "actors": [_mention_dict(m) for m in self.actors],
            "events": [_event_dict(e) for e in self.events],
            "quotes": [_quote_dict(q) for q in self.quotes],
            "tone": self.tone,
        }
        return {k: v for k, v in out.items() if v is not None or k in ("lang", "tone")}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "CodedDocument":
        doc = cls(
            text=data["text"],
            id=data.get("id"),
            lang=data.get("lang"),
            published=data.get("published"),
            title=data.get("title"),
            url=data.get("url"),
            source=data.get("source"),
            tone=data.get("tone"),
        )
        doc.removed = [Removal(**r) for r in data.get("cleaning", {}).get("removed", [])]
        doc.sentences = [Sentence(**s) for s in data.get("sentences", [])]
        doc.actors = [Mention(**m) for m in data.get("actors", [])]
        doc.events = [_event_from(e) for e in data.get("events", [])]
        doc.quotes = [_quote_from(q) for q in data.get("quotes", [])]
        return doc


def _mention_dict(m: Mention) -> dict[str, Any]:
    out = {"text": m.text, "start": m.start, "end": m.end, "code": m.code, "name": m.name,
           "kind": m.kind, "sentence": m.sentence, "via": m.via}
    if m.gender is not None:
        out["gender"] = m.gender
    if m.sector is not None:
        out["sector"] = m.sector
    return out


# Explicit builders: dataclasses.asdict deep-copies every field and was a sixth of the
# time of a whole `pantau code` run.
def _ref_dict(r: ActorRef | Speaker | None) -> dict[str, Any] | None:
    if r is None:
        return None
    return {"code": r.code, "name": r.name, "text": r.text, "start": r.start, "end": r.end}


def _evidence_dict(e: Evidence) -> dict[str, Any]:
    return {"verb": e.verb, "start": e.start, "end": e.end}


def _event_dict(e: Event) -> dict[str, Any]:
    place = e.place
    return {
        "source": _ref_dict(e.source), "target": _ref_dict(e.target),
        "cameo": e.cameo, "root": e.root, "quad": e.quad, "goldstein": e.goldstein,
        "plover": e.plover, "evidence": _evidence_dict(e.evidence), "rule": e.rule,
        "sentence": e.sentence, "negated": e.negated, "modality": e.modality,
        "date": e.date, "date_text": e.date_text,
        "place": None if place is None else {"name": place.name, "country": place.country,
                                             "lat": place.lat, "lon": place.lon},
        "restated": [_evidence_dict(r) for r in e.restated],
    }


def _quote_dict(q: Quote) -> dict[str, Any]:
    return {"text": q.text, "start": q.start, "end": q.end, "direct": q.direct, "cue": q.cue,
            "speaker": _ref_dict(q.speaker), "sentence": q.sentence}


def _event_from(e: dict[str, Any]) -> Event:
    e = dict(e)
    e["source"] = ActorRef(**e["source"])
    e["target"] = ActorRef(**e["target"]) if e.get("target") else None
    e["evidence"] = Evidence(**e["evidence"])
    e["place"] = Place(**e["place"]) if e.get("place") else None
    e["restated"] = [Evidence(**r) for r in e.get("restated", [])]
    return Event(**e)


def _quote_from(q: dict[str, Any]) -> Quote:
    q = dict(q)
    q["speaker"] = Speaker(**q["speaker"]) if q.get("speaker") else None
    return Quote(**q)
