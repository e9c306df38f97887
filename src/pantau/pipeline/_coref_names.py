"""Names the knowledge base does not know, found from how news uses them.

- A capitalised name of two to four words next to a reporting cue ("Redwan Hussien, the
  government's chief negotiator, said", "kata Rinaldo Suwarsono") is a person; an
  apposition right after it ("…, the government's chief negotiator,") gives its code.
- A person named in full once is later called by one word of the name alone ("Theresa
  May … May said", "Yudo Margono … tegas Yudo"): those repeats become mentions of the
  same person.
"""

from __future__ import annotations

import functools
import re

from pantau.document import Mention
from pantau.packs import fold, name_particles

_APPOSITION = re.compile(r"\s*,\s*([^,.;\n]{3,80}),")


@functools.lru_cache(maxsize=1)
def _name_regex() -> re.Pattern:
    """Two to four capitalised words, with name particles between ("Mohammed bin Salman")."""
    particles = [re.escape(p) + r"\w+" if p.endswith("-") else re.escape(p) for p in name_particles()]
    inner = "|".join([r"[A-Z][\w'’-]+", *particles])
    return re.compile(r"(?<![\w-])([A-Z][\w'’-]+(?:\s+(?:" + inner + r")){1,3})(?![\w-])")


def find_named_speakers(doc, cues: set[str], taken: list[Mention]) -> list[Mention]:
    """Unknown multi-word names standing next to a reporting cue."""
    out = []
    for m in _name_regex().finditer(doc.text):
        start, end = m.span(1)
        if _overlaps(start, end, taken) or fold(m.group(1).split()[0]) in cues:
            continue
        after = _APPOSITION.match(doc.text, end)
        cue_at = after.end() if after else end
        following = fold(doc.text[cue_at:cue_at + 40]).split()
        next_word = following[0].strip(".,") if following else ""
        prev_words = fold(doc.text[max(0, start - 25):start]).split()
        if next_word not in cues and not (prev_words and prev_words[-1].strip(",") in cues):
            continue
        code = _apposition_code(after, taken) if after else None
        out.append(Mention(m.group(1), start, end, code, m.group(1), "person",
                           doc.sentence_of(start), "name"))
    return out


def find_surname_repeats(doc, mentions: list[Mention]) -> list[Mention]:
    """Later mentions of a named person by one word of the name alone."""
    people = sorted((m for m in mentions if m.kind == "person" and m.name and " " in m.name),
                    key=lambda m: m.end)
    if not people:
        return []
    covered = _covered(mentions)
    known: dict[str, Mention] = {}
    out, next_person = [], 0
    for tok in doc.tokens:
        while next_person < len(people) and people[next_person].end <= tok.start:
            person = people[next_person]
            known.update(dict.fromkeys(_name_words(person.name), person))
            next_person += 1
        person = known.get(tok.lower)
        if person is None or tok.start in covered or not doc.text[tok.start:tok.start + 1].isupper():
            continue
        out.append(Mention(doc.text[tok.start:tok.end], tok.start, tok.end, person.code,
                           person.name, "person", tok.sentence, "coref", person.gender))
    return out


def _covered(mentions: list[Mention]) -> set[int]:
    return {i for m in mentions for i in range(m.start, m.end)}


def _name_words(name: str) -> set[str]:
    words = [fold(w) for w in name.split() if len(w) > 2 and w[:1].isupper()]
    return set(words[:1] + words[-1:])


def _apposition_code(after, taken: list[Mention]) -> str | None:
    start, end = after.span(1)
    inside = [m for m in taken if start <= m.start < end and m.code]
    return inside[0].code if inside else None


def _overlaps(start: int, end: int, mentions: list[Mention]) -> bool:
    return any(m.start < end and start < m.end for m in mentions)
