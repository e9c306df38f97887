"""Event dates: the date each event's sentence states, resolved against publication.

Reads `events`, `tokens`, `published`, `lang`. Writes the events' `date` and `date_text`.

Word lists come from the pack's `dates.yaml`: weekday names ("pada hari Jumat", "on
Wednesday": the latest such day on or before publication), month names with or without a
day and year ("19 Maret 2021", "Januari lalu"), relative phrases ("kemarin", "pekan
lalu", "last month") and counted ones ("dua hari lalu", "3 days ago"). An event whose
sentence states no date gets the publication date, with `date_text` empty.
"""

from __future__ import annotations

import datetime as dt
import re

from pantau.document import CodedDocument
from pantau.packs import fold, load_pack
from pantau.pipeline._dates_rules import DateRules
from pantau.settings import Options


class EventDates:
    name = "dates"
    requires = ("events", "tokens")
    assigns = ("event_dates",)

    def __init__(self, options: Options):
        self.languages = options.languages
        self._rules: dict[str, DateRules] = {}

    def rules(self, lang: str) -> DateRules:
        if lang not in self._rules:
            self._rules[lang] = DateRules(load_pack(lang).dates)
        return self._rules[lang]

    def __call__(self, doc: CodedDocument) -> CodedDocument:
        if doc.lang not in self.languages or not doc.events:
            return doc
        base = _day(doc.published)
        rules = self.rules(doc.lang)
        cache: dict[int, tuple[str | None, str | None]] = {}
        for ev in doc.events:
            if ev.sentence not in cache:
                sent = doc.sentences[ev.sentence]
                cache[ev.sentence] = resolve_sentence_date(
                    doc.text[sent.start:sent.end], ev.evidence.start - sent.start, base, rules)
            date, text = cache[ev.sentence]
            ev.date = date or (base.isoformat() if base else None)
            ev.date_text = text
        return doc


def resolve_sentence_date(sentence: str, anchor: int, base: dt.date | None,
                          rules: DateRules) -> tuple[str | None, str | None]:
    """The date expression nearest the verb, resolved; (None, None) if there is none."""
    found = rules.find(fold(sentence))
    if not found:
        return None, None
    found.sort(key=lambda f: abs(f[0] - anchor))
    start, end, resolver = found[0]
    day = resolver(base)
    return (day.isoformat() if day else None), sentence[start:end]


def _day(published: str | None) -> dt.date | None:
    if not published:
        return None
    m = re.match(r"\d{4}-\d{2}-\d{2}", published)
    return dt.date.fromisoformat(m.group()) if m else None
