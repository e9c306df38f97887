"""A small deterministic coder for store tests, so they do not depend on the pipeline.

It finds a few actors, verbs and quotes by string matching and fills the same layers the
real pipeline fills (sentences, actors, events, quotes, tone), with valid offsets.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from pantau.document import (ActorRef, CodedDocument, Event, Evidence, Mention, Place,
                             Quote, Sentence, Speaker)

ACTORS = {
    "Vladimir Putin": ("RUSGOV", "Vladimir Putin", "person"),
    "Putin": ("RUSGOV", "Vladimir Putin", "person"),
    "Joe Biden": ("USAGOV", "Joe Biden", "person"),
    "Biden": ("USAGOV", "Joe Biden", "person"),
    "Recep Tayyip Erdogan": ("TURGOV", "Recep Tayyip Erdogan", "person"),
    "Erdogan": ("TURGOV", "Recep Tayyip Erdogan", "person"),
    "Joko Widodo": ("IDNGOV", "Joko Widodo", "person"),
    "Widodo": ("IDNGOV", "Joko Widodo", "person"),
    "Yoshihide Suga": ("JPNGOV", "Yoshihide Suga", "person"),
    "Suga": ("JPNGOV", "Yoshihide Suga", "person"),
    "Dmitry Peskov": ("RUSGOV", "Dmitry Peskov", "person"),
    "Peskov": ("RUSGOV", "Dmitry Peskov", "person"),
    "Kremlin": ("RUSGOV", "Kremlin", "org"),
    "Rusia": ("RUS", "Russia", "country"),
    "Russia": ("RUS", "Russia", "country"),
    "Washington": ("USAGOV", "Washington", "org"),
    "Ankara": ("TURGOV", "Ankara", "org"),
}
VERBS = {  # pattern: (cameo, root, quad, goldstein, plover, negated)
    "berbicara melalui telepon": ("036", "03", 1, 4.0, "CONSULT", False),
    "memanggil pulang duta besar": ("161", "16", 4, -4.0, "REJECT", False),
    "memperingatkan": ("1312", "13", 3, -5.8, "THREATEN", False),
    "criticized": ("111", "11", 3, -2.0, "ACCUSE", False),
    "praised": ("051", "05", 1, 3.4, "SUPPORT", False),
    "has not called": ("041", "04", 1, 1.0, "CONSULT", True),
    "met": ("044", "04", 1, 1.0, "CONSULT", False),
    "bertemu": ("044", "04", 1, 1.0, "CONSULT", False),
    "signed an agreement": ("057", "05", 1, 8.0, "AGREE", False),
}
NAMES = sorted(ACTORS, key=len, reverse=True)
ACTOR_RE = re.compile(r"\b(" + "|".join(map(re.escape, NAMES)) + r")\b")
VERB_RE = re.compile(r"\b(" + "|".join(map(re.escape, VERBS)) + r")\b")
SENT_RE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”]?|$)")
QUOTE_RE = re.compile(r"\"([^\"]{12,})\"")


def find_sentences(text: str) -> list[Sentence]:
    out = []
    for m in SENT_RE.finditer(text):
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        if m.group().strip():
            out.append(Sentence(start, m.end()))
    return out or [Sentence(0, len(text))]


def find_actors(doc: CodedDocument) -> list[Mention]:
    return [Mention(m.group(), m.start(), m.end(), ACTORS[m.group()][0], ACTORS[m.group()][1],
                    ACTORS[m.group()][2], doc.sentence_of(m.start()))
            for m in ACTOR_RE.finditer(doc.text)]


def ref(m: Mention) -> ActorRef:
    return ActorRef(m.code, m.name, m.text, m.start, m.end)


def find_events(doc: CodedDocument) -> list[Event]:
    events = []
    for verb in VERB_RE.finditer(doc.text):
        cameo, root, quad, gold, plover, negated = VERBS[verb.group()]
        sent = doc.sentence_of(verb.start())
        in_sent = [m for m in doc.actors if m.sentence == sent]
        before = [m for m in in_sent if m.end <= verb.start()]
        after = [m for m in in_sent if m.start >= verb.end()]
        if not before:
            continue
        source = before[-1]
        targets = [m for m in after if m.code != source.code]
        target = targets[0] if targets else None
        events.append(Event(
            source=ref(source), target=ref(target) if target else None, cameo=cameo,
            root=root, quad=quad, goldstein=gold, plover=plover,
            evidence=Evidence(verb.group(), verb.start(), verb.end()),
            rule=f"test.verbs.{cameo}#1", sentence=sent, negated=negated,
            date=(doc.published or "")[:10] or None,
            place=Place("Moskow", "RUS", 55.75, 37.62) if "Moskow" in doc.text else None))
    return events


def find_quotes(doc: CodedDocument) -> list[Quote]:
    quotes = []
    for m in QUOTE_RE.finditer(doc.text):
        sent = doc.sentence_of(m.start())
        people = [a for a in doc.actors if a.sentence == sent and a.kind == "person"]
        speaker = None
        if people:
            p = people[0]
            speaker = Speaker(p.name, p.code, p.text, p.start, p.end)
        quotes.append(Quote(m.group(1), m.start(1), m.end(1), True, None, speaker, sent))
    return quotes


def fake_code(doc: CodedDocument) -> CodedDocument:
    """Fill sentences, actors, events, quotes and tone the way the pipeline would."""
    if "RAISE" in doc.text:
        raise ValueError("the fake coder was told to fail")
    doc.lang = doc.lang or ("en" if " the " in doc.text else "id")
    doc.sentences = find_sentences(doc.text)
    doc.actors = find_actors(doc)
    doc.events = find_events(doc)
    doc.quotes = find_quotes(doc)
    doc.tone = round(sum(e.goldstein for e in doc.events) / max(1, len(doc.events)), 2)
    return doc


def write_jsonl(path: Path, records: list) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n")
    return path


DYAD_RECORDS = [
    ("2021-03-01", "a.example", 1, "Joe Biden criticized Vladimir Putin over the election."),
    ("2021-03-01", "b.example", 2, "Joe Biden criticized Vladimir Putin over the election."),
    ("2021-03-03", "a.example", 3, "Vladimir Putin praised Joe Biden for the call."),
    ("2021-03-10", "b.example", 4, "Vladimir Putin criticized Joe Biden in a speech."),
    ("2021-04-02", "a.example", 5, "Joe Biden met Vladimir Putin in Geneva."),
    ("2021-04-02", "c.example", 6, "Recep Tayyip Erdogan praised Vladimir Putin."),
]
