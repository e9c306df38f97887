"""The dictionary matcher behind `mentions`: one Aho-Corasick automaton per language.

Keys are folded aliases (knowledge base), role phrases (the pack's `roles.csv`) and
phrases that only look like actors (`not_actors.txt`: "Latin American").
`find_hits` returns leftmost-longest, word-bounded hits; an Indonesian clitic (`-nya`)
may follow a hit (`juru bicaranya`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import ahocorasick

from pantau.kb import Actor
from pantau.packs import knowledge_base, load_pack


@dataclass(frozen=True)
class Hit:
    start: int
    end: int          # end of the matched phrase (clitic excluded)
    clitic: str       # the clitic that followed, if any
    kind: str         # actor, role, or none (a phrase of the pack's not_actors.txt)
    actors: tuple[tuple[Actor, str], ...] = ()   # (actor, form) for kind == actor
    sector: str | None = None                    # for kind == role
    role_kind: str | None = None                 # person, org, group


@functools.lru_cache(maxsize=None)
def build_matcher(lang: str):
    """Compile the knowledge base and the pack's roles into one automaton."""
    kb = knowledge_base()
    pack = load_pack(lang)
    table: dict[str, list] = {}
    plurals = [str(x) for x in pack.meta.get("demonym_plurals") or []]
    for alias, hits in kb.alias_items(lang):
        table.setdefault(alias, []).extend(("actor", kb.actors[i], form) for i, form in hits)
        for suffix in plurals:  # "Palestinians", "Russians": the people of a country
            if any(form == "adjective" for _, form in hits) and not alias.endswith(suffix):
                table.setdefault(alias + suffix, []).extend(
                    ("actor", kb.actors[i], form) for i, form in hits if form == "adjective")
    for phrase, (sector, kind) in pack.roles.items():
        table.setdefault(phrase, []).append(("role", sector, kind))
    for phrase in pack.not_actors:  # "Latin American" hides "American"
        table[phrase] = [("none",)]
    automaton = ahocorasick.Automaton()
    for key, values in table.items():
        automaton.add_word(key, (len(key), tuple(values)))
    if table:
        automaton.make_automaton()
    return automaton, tuple(pack.clitics)


def find_hits(text: str, folded: str, lang: str) -> list[Hit]:
    """Word-bounded, leftmost-longest dictionary hits over the whole text."""
    automaton, clitics = build_matcher(lang)
    if len(automaton) == 0:
        return []
    found = []
    for end_index, (length, values) in automaton.iter(folded):
        start, end = end_index - length + 1, end_index + 1
        if start > 0 and folded[start - 1].isalnum():
            continue
        clitic = _clitic_after(folded, end, clitics)
        if clitic is None:
            continue
        hit = _make_hit(text, start, end, clitic, values)
        if hit:
            found.append(hit)
    found.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out, last_end = [], -1
    for hit in found:
        if hit.start >= last_end:
            out.append(hit)
            last_end = hit.end + len(hit.clitic)
        elif hit.end > out[-1].end and _same_actors(hit, out[-1]):
            # "President Xi" then "Xi Jinping": one mention of one person, the whole name
            out[-1] = Hit(out[-1].start, hit.end, hit.clitic, "actor", actors=out[-1].actors)
            last_end = hit.end + len(hit.clitic)
    return [h for i, h in enumerate(out)
            if h.kind != "none" and not _inside_name(text, h, out[i - 1] if i else None)]


_WORD_BEFORE = re.compile(r"([A-Z][\w'’-]*)[ \t]+$")


def _inside_name(text: str, hit: Hit, previous: Hit | None) -> bool:
    """A capitalised role word that ends an unknown proper name is part of that name:
    "West Bank", "Bank Indonesia" is not; "Hilton Hotel", "Supreme Court" are titles."""
    if hit.kind != "role" or not text[hit.start:hit.start + 1].isupper():
        return False
    m = _WORD_BEFORE.search(text, max(0, hit.start - 40), hit.start)
    if not m or (previous is not None and previous.end >= m.start(1)):
        return False
    before = text[max(0, m.start(1) - 2):m.start(1)]
    return not (before == "" or before.endswith(("\n", ". ", ": ", "“", '"')))


def _same_actors(a: Hit, b: Hit) -> bool:
    keys = {actor.key for actor, _ in a.actors}
    return a.kind == b.kind == "actor" and bool(keys & {actor.key for actor, _ in b.actors})


def _clitic_after(folded: str, end: int, clitics: tuple[str, ...]) -> str | None:
    if end >= len(folded) or not folded[end].isalnum():
        return ""
    for clitic in clitics:
        stop = end + len(clitic)
        if folded.startswith(clitic, end) and (stop >= len(folded) or not folded[stop].isalnum()):
            return clitic
    return None


def _make_hit(text: str, start: int, end: int, clitic: str, values) -> Hit | None:
    surface = text[start:end]
    actors = tuple((a, form) for kind, *rest in values if kind == "actor"
                   for a, form in [rest] if _case_ok(surface, a))
    if actors:
        return Hit(start, end, clitic, "actor", actors=actors)
    roles = [rest for kind, *rest in values if kind == "role"]
    if roles:
        sector, role_kind = roles[0]
        return Hit(start, end, clitic, "role", sector=sector, role_kind=role_kind)
    if values and values[0][0] == "none":
        return Hit(start, end, clitic, "none")
    return None


def _case_ok(surface: str, actor: Actor) -> bool:
    """Names are capitalised in news; short acronyms (AS, US, UN) must be upper-case."""
    if not surface[:1].isupper():
        return False
    letters = [c for c in surface if c.isalpha()]
    if len(letters) <= 4 and not any(c.islower() for c in surface[1:]):
        return True
    if len(letters) <= 3:
        return surface.isupper() or surface.replace(".", "").isupper()
    return True
