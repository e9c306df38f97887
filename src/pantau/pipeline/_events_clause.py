"""A sentence prepared for role finding: its tokens, its coded mentions on token indexes,
and the pack's grammar word lists (`pack.yaml`, `modality.yaml`), folded once per language."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from pantau.document import Mention
from pantau.packs import fold


@dataclass
class Roles:
    sources: list[Mention]
    target: Mention | None
    also: list[Mention] = field(default_factory=list)  # further targets: "A, B and C"
    subject: bool = False  # the source is the clause's subject (a later ", warning" shares it)
    mutual: bool = False   # the sources act on one another ("clashes between A and B")

    @property
    def targets(self) -> list[Mention]:
        return [self.target, *self.also] if self.target is not None else []


@functools.lru_cache(maxsize=None)
def _grammar_words(lang: str) -> dict:
    """The pack's grammar word lists (pack.yaml, modality.yaml), folded once per language."""
    from pantau.packs import load_pack

    pack = load_pack(lang)
    meta = pack.meta
    passive = meta.get("passive") or {}

    def words(values) -> frozenset[str]:
        return frozenset(fold(str(w)) for w in values or [])

    out = {
        "passive_prefixes": tuple(fold(p) for p in passive.get("prefixes") or []),
        "auxiliaries": words(passive.get("auxiliaries")),
        "agents": words(passive.get("agents")),
        "perfect": words(passive.get("perfect")),
        "participles": tuple(fold(w) for w in meta.get("participle_suffixes") or []),
        "nominals": [(kind, (tuple(spec.get("prefixes") or [""]), tuple(spec.get("suffixes") or [""]),
                             bool(spec.get("exact"))))
                     for kind, spec in (meta.get("nominals") or {}).items()],
    }
    for name, key in (("conjunctions", "conjunctions"), ("same_subject", "same_subject"),
                      ("including", "including"), ("place_words", "place_prepositions"),
                      ("breaks", "clause_breaks"), ("relatives", "relatives"),
                      ("determiners", "determiners"), ("place_nouns", "place_nouns"),
                      ("refer_back", "object_refers_back"), ("mutual", "mutual"),
                      ("complementizers", "complementizers"), ("between", "between")):
        out[name] = words(meta.get(key))
    out["light_verbs"] = words(meta.get("light_verbs"))
    out["serial_comma"] = bool(meta.get("serial_comma"))
    modal = [w for key in ("future", "hedge", "agreement") for p in pack.modality.get(key, []) for w in p.split()]
    out["verb_helpers"] = out["auxiliaries"] | out["perfect"] | words(modal)
    out["modal_words"] = frozenset(fold(w) for key in ("future", "hedge", "negation", "agreement")
                                   for p in pack.modality.get(key, []) for w in p.split())
    out["modality"] = {key: tuple(" " + fold(p) for p in pack.modality.get(key, []))
                       for key in ("negation", "future", "conditional", "hedge", "denial", "agreement", "refusal")}
    return out


class Clause:
    """A sentence's tokens with its mentions placed on token indexes."""

    def __init__(self, text: str, tokens, mentions: list[Mention], pack, window: int):
        self.text = text
        self.tokens = tokens
        self.pack = pack
        self.window = window
        self.lowers = [t.lower for t in tokens]
        starts = [t.start for t in tokens]
        self.anchors: list[int] = []  # first tokens of the sentence's matched patterns
        self.spans = []  # (first token, last token, mention)
        for m in mentions:
            first = _index_at(starts, m.start)
            last = max(first, _index_at(starts, m.end - 1))
            self.spans.append((first, last, m))
        self.__dict__.update(_grammar_words(pack.code))

    def left_of(self, index: int) -> list[tuple[int, int, Mention]]:
        """Mentions before the token within the window (asides not counted), leaving out
        those inside an aside that the token is not part of."""
        return [s for s in self.spans if s[1] < index and index - s[1] - self._aside_length(s[1], index) <= self.window
                and not any(o < s[0] < c and not o < index < c for o, c in self.asides)]

    def _aside_length(self, lo: int, hi: int) -> int:
        """Tokens of the asides between two tokens: they do not count towards the window."""
        return sum(c - o + 1 for o, c in self.asides if lo < o and c < hi)

    @functools.cached_property
    def asides(self) -> list[tuple[int, int]]:
        """(opening comma, closing comma) of asides after an actor that start with a
        participle or a relative pronoun: "Blinken, speaking at an ASEAN meeting, said"."""
        out = []
        commas = [i for i, w in enumerate(self.lowers) if w == ","]
        for open_, close in zip(commas, commas[1:]):
            if open_ + 1 >= close or not any(s[1] == open_ - 1 for s in self.spans):
                continue
            word = self.lowers[open_ + 1]
            if word in self.relatives or (self.participles and word.endswith(self.participles)):
                out.append((open_, close))
        return out

    def aside_of(self, first: int) -> tuple[int, int] | None:
        return next(((o, c) for o, c in self.asides if o < first < c), None)

    def right_of(self, index: int) -> list[tuple[int, int, Mention]]:
        return [s for s in self.spans if s[0] > index and s[0] - index <= self.window]

    def inside(self, first: int, last: int) -> list[tuple[int, int, Mention]]:
        """Mentions starting within the match, after its anchor ("expel 23 Russian diplomats")."""
        return [s for s in self.spans if first < s[0] <= last]

    def has_break(self, lo: int, hi: int) -> bool:
        """A clause boundary between tokens lo..hi; a relative pronoun right after the
        actor ("Turkey, which has accused ...") keeps that actor as the subject."""
        for i in range(lo, hi):
            word = self.lowers[i]
            if word in self.relatives and all(w == "," for w in self.lowers[lo:i]):
                continue
            if word in self.breaks or word in ";:":
                return True
            if word == "," and i + 1 < len(self.lowers) and self.lowers[i + 1] in self.conjunctions:
                return True  # ", and Washington accused ...": a new clause
        return False


def _index_at(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo
