"""A deterministic coder for the API and dashboard tests, so they do not move when the
pipeline's dictionaries change. It fills the layers the pipeline fills (sentences,
actors, events with evidence, quotes with speakers, tone) with valid offsets, by string
matching over the fixture articles in `data/articles.jsonl`.
"""

from __future__ import annotations

import re

from pantau.document import (ActorRef, CodedDocument, Event, Evidence, Mention, Quote,
                             Sentence, Speaker)

ACTORS = {  # text: (code, canonical name, kind)
    "Kementerian Luar Negeri Indonesia": ("IDNGOV", "Indonesia", "org"),
    "Lalu Muhammad Iqbal": ("IDNGOV", "Lalu Muhammad Iqbal", "person"),
    "Indonesia": ("IDNGOV", "Indonesia", "country"),
    "Pemerintah China": ("CHNGOV", "China", "org"),
    "China": ("CHNGOV", "China", "country"),
    "Beijing": ("CHNGOV", "China", "org"),
    "Joko Widodo": ("IDNGOV", "Joko Widodo", "person"),
    "Anwar Ibrahim": ("MYSGOV", "Anwar Ibrahim", "person"),
    "Joe Biden": ("USAGOV", "Joe Biden", "person"),
    "Vladimir Putin": ("RUSGOV", "Vladimir Putin", "person"),
    "Kremlin": ("RUSGOV", "Kremlin", "org"),
    "Russia": ("RUS", "Russia", "country"),
    "Washington": ("USAGOV", "Washington", "org"),
    "United States": ("USA", "United States", "country"),
    "Dmitry Peskov": ("RUSGOV", "Dmitry Peskov", "person"),
    "Recep Tayyip Erdogan": ("TURGOV", "Recep Tayyip Erdogan", "person"),
}
VERBS = {  # evidence: (cameo, quad, goldstein, plover, negated)
    "memanggil duta besar": ("114", 3, -2.4, "ACCUSE", False),
    "menolak klaim": ("125", 3, -5.0, "REJECT", False),
    "membantah": ("016", 1, 3.4, "REJECT", False),
    "menerima kunjungan": ("043", 1, 2.8, "CONSULT", False),
    "menandatangani perjanjian": ("057", 1, 8.0, "AGREE", False),
    "criticized": ("111", 3, -2.0, "ACCUSE", False),
    "rejected the accusation": ("016", 1, 3.4, "REJECT", False),
    "recalled its ambassador": ("161", 4, -4.0, "REJECT", False),
    "threatened": ("1312", 3, -5.8, "THREATEN", False),
    "did not meet": ("044", 1, 1.0, "CONSULT", True),
    "praised": ("051", 1, 3.4, "SUPPORT", False),
}
NAMES = sorted(ACTORS, key=len, reverse=True)
ACTOR_RE = re.compile(r"\b(" + "|".join(map(re.escape, NAMES)) + r")\b")
VERB_RE = re.compile(r"\b(" + "|".join(map(re.escape, VERBS)) + r")\b")
SENT_RE = re.compile(r"[^\n]+")
QUOTE_RE = re.compile(r"[\"“]([^\"”]{12,})[\"”]")


def find_sentences(text: str) -> list[Sentence]:
    return [Sentence(m.start(), m.end()) for m in SENT_RE.finditer(text)] or [Sentence(0, len(text))]


def find_actors(doc: CodedDocument) -> list[Mention]:
    return [Mention(m.group(), m.start(), m.end(), *ACTORS[m.group()], doc.sentence_of(m.start()))
            for m in ACTOR_RE.finditer(doc.text)]


def ref(m: Mention) -> ActorRef:
    return ActorRef(m.code, m.name, m.text, m.start, m.end)


def make_event(doc: CodedDocument, verb: re.Match) -> Event | None:
    cameo, quad, goldstein, plover, negated = VERBS[verb.group()]
    sent = doc.sentence_of(verb.start())
    in_sent = [m for m in doc.actors if m.sentence == sent]
    before = [m for m in in_sent if m.end <= verb.start()]
    if not before:
        return None
    source = before[-1] if before[-1].kind != "country" or len(before) == 1 else before[0]
    after = [m for m in in_sent if m.start >= verb.end() and m.code != source.code]
    return Event(source=ref(source), target=ref(after[0]) if after else None, cameo=cameo,
                 root=cameo[:2], quad=quad, goldstein=goldstein, plover=plover,
                 evidence=Evidence(verb.group(), verb.start(), verb.end()),
                 rule=f"test.verbs.{cameo}#1", sentence=sent, negated=negated,
                 date=(doc.published or "")[:10] or None)


def find_quotes(doc: CodedDocument) -> list[Quote]:
    quotes = []
    for m in QUOTE_RE.finditer(doc.text):
        sent = doc.sentence_of(m.start())
        people = [a for a in doc.actors if a.sentence == sent and a.kind == "person"]
        speaker = Speaker(people[0].name, people[0].code, people[0].text, people[0].start,
                          people[0].end) if people else None
        quotes.append(Quote(m.group(1), m.start(1), m.end(1), True, None, speaker, sent))
    return quotes


def fixture_code(doc: CodedDocument) -> CodedDocument:
    """Code a fixture article the way the pipeline would, deterministically."""
    doc.lang = doc.lang or "en"
    doc.sentences = find_sentences(doc.text)
    doc.actors = find_actors(doc)
    doc.events = [e for e in (make_event(doc, v) for v in VERB_RE.finditer(doc.text)) if e]
    doc.quotes = find_quotes(doc)
    doc.tone = round(sum(e.goldstein for e in doc.events) / max(1, len(doc.events)), 2)
    return doc
