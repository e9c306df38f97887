"""Actor mentions: names, countries, organisations and role phrases, resolved to codes.

Reads `text`, `lang`, `published`, `sentences`. Writes `actors`.

Dictionary hits (see `_mentions_matcher`) that stand next to each other form one chunk:
"Presiden AS Joe Biden", "pejabat senior AS", "Russian troops", "juru bicara Kemlu Teuku
Faizasyah". A chunk with a known person is that person (coded for the article's date); a
role with a country is the country plus the role's sector (`USAGOV`, `MMRMIL`); a role
before an unknown capitalised name makes that name a person with the role's code.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from pantau.document import CodedDocument, Mention
from pantau.packs import fold, load_pack
from pantau.pipeline._mentions_matcher import Hit, find_hits
from pantau.settings import Options

_GAP_WORD = re.compile(r"[ \t]*(?:([^\W\d_][\w-]*)[ \t]+)?")  # a role and its country may be one word apart
_NAME = re.compile(r"[ \t]+((?:[A-Z][\w'’.-]*[ \t]?){1,4})")
_GOVERNING = ("GOV", "ELI")


class MentionFinder:
    name = "mentions"
    requires = ("text", "lang", "sentences")
    assigns = ("actors",)

    def __init__(self, options: Options):
        self.languages = options.languages

    @functools.lru_cache(maxsize=None)
    def modifiers(self, lang: str) -> frozenset[str]:
        """The words that may stand between a role and its country ("pejabat senior AS")."""
        return frozenset(fold(str(w)) for w in load_pack(lang).meta.get("role_modifiers") or [])

    def __call__(self, doc: CodedDocument) -> CodedDocument:
        if doc.lang not in self.languages:
            doc.actors = []
            return doc
        hits = find_hits(doc.text, doc.folded(), doc.lang)
        day = _day(doc.published)
        after_noun = bool(load_pack(doc.lang).meta.get("adjective_after_noun"))
        mentions = []
        for chunk in chunk_hits(doc.text, hits, self.modifiers(doc.lang)):
            mention = resolve_chunk(doc.text, chunk, day, after_noun)
            if mention:
                mention.sentence = doc.sentence_of(mention.start)
                mentions.append(mention)
        doc.actors = mentions
        return doc


def chunk_hits(text: str, hits: list[Hit], modifiers: frozenset[str] = frozenset()) -> list[list[Hit]]:
    """Group adjacent hits; a role may be one modifier word from what follows it."""
    chunks: list[list[Hit]] = []
    for hit in hits:
        if chunks and _joins(text, chunks[-1][-1], hit, modifiers):
            chunks[-1].append(hit)
        else:
            chunks.append([hit])
    return chunks


def _joins(text: str, prev: Hit, hit: Hit, modifiers: frozenset[str]) -> bool:
    if prev.clitic:
        return False
    m = _GAP_WORD.fullmatch(text[prev.end:hit.start])
    if not m:
        return False
    word = m.group(1)
    if word is None:
        return True
    return prev.kind == "role" and fold(word) in modifiers


def resolve_chunk(text: str, chunk: list[Hit], day: dt.date | None, after_noun: bool) -> Mention | None:
    """One mention for a chunk of adjacent hits."""
    start, end = chunk[0].start, chunk[-1].end
    people = [(h, a) for h in chunk if h.kind == "actor" for a, form in h.actors if a.kind == "person"]
    if people:
        hit, person = people[-1]
        code = person.code_on(day)
        titles = [h for h in chunk if h.kind == "role" and h.start < hit.start]
        if code.endswith("ELI") and titles and person.country and _sector(titles) != "ELI":
            code = _combine(person.country, _sector(titles))  # the text names a current office
        return Mention(text[start:hit.end], start, hit.end, code, person.name,
                       "person", gender=person.gender)
    roles = [h for h in chunk if h.kind == "role"]
    places = [(h, a, form) for h in chunk if h.kind == "actor" for a, form in h.actors[:1]]
    if not roles:
        hit, actor, form = places[0]
        code = actor.code + "GOV" if form in ("seat", "capital") else actor.code
        kind = "capital" if form == "capital" else actor.kind
        return Mention(text[hit.start:hit.end], hit.start, hit.end, code, actor.name, kind)
    sector = _sector(roles)
    countries = [a for h, a, form in places if a.kind == "country"]
    base = (countries[-1].code if countries else places[0][1].code) if places else None
    code = _combine(base, sector)
    person_role = any(h.role_kind == "person" for h in roles)
    name = _titled_name(text, end) if person_role and not chunk[-1].clitic else None
    if name:
        n_start, n_end = name
        return Mention(text[start:n_end], start, n_end, code, text[n_start:n_end].strip(),
                       "person", via="title")
    kind = "person" if person_role and len(roles) == len(chunk) else roles[0].role_kind or "group"
    # "kb" when a country or body in the chunk gave the code; "role" when context must
    return Mention(text[start:end], start, end, code, None, kind,
                   via="kb" if code else "role", sector=sector)


def _sector(roles: list[Hit]) -> str:
    """The most telling sector of a chunk's roles: anything beats plain GOV."""
    sectors = [h.sector for h in roles if h.sector]
    special = [s for s in sectors if s not in _GOVERNING and s != "-"]
    return special[-1] if special else (sectors[0] if sectors else "GOV")


def _combine(base: str | None, sector: str) -> str | None:
    if base is None:
        return None
    if sector == "-" or base.startswith("IGO") or len(base) > 3:
        return base
    return base + sector


def _titled_name(text: str, end: int) -> tuple[int, int] | None:
    """An unknown capitalised name right after a title: "juru bicara Teuku Faizasyah"."""
    m = _NAME.match(text, end)
    if not m:
        return None
    words = m.group(1).split()
    if not words or any(w.isupper() and len(w) > 1 for w in words[:1]):
        return None
    stop = m.start(1) + len(m.group(1).rstrip().rstrip("."))  # "Medel Aguilar." ends a sentence
    return m.start(1), stop


def _day(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
