"""Source, target, negation and modality of a matched event pattern.

Works on one sentence: its tokens, its coded actor mentions and the pack's word lists
(`pack.yaml`: passive, conjunctions, clause_breaks; `modality.yaml`).
"""

from __future__ import annotations

from dataclasses import dataclass

from pantau.document import Mention
from pantau.packs import fold

_NEGATION_REACH = 3   # tokens before the anchor searched for a negator
_MODAL_REACH = 4      # ... for future and hedge words


@dataclass
class Roles:
    sources: list[Mention]
    target: Mention | None


class Clause:
    """A sentence's tokens with its mentions placed on token indexes."""

    def __init__(self, text: str, tokens, mentions: list[Mention], pack, window: int):
        self.text = text
        self.tokens = tokens
        self.pack = pack
        self.window = window
        self.lowers = [t.lower for t in tokens]
        starts = [t.start for t in tokens]
        self.spans = []  # (first token, last token, mention)
        for m in mentions:
            first = _index_at(starts, m.start)
            last = max(first, _index_at(starts, m.end - 1))
            self.spans.append((first, last, m))
        meta = pack.meta
        passive = meta.get("passive") or {}
        self.passive_prefixes = tuple(fold(p) for p in passive.get("prefixes") or [])
        self.auxiliaries = {fold(w) for w in passive.get("auxiliaries") or []}
        self.agents = {fold(w) for w in passive.get("agents") or []}
        self.conjunctions = {fold(w) for w in meta.get("conjunctions") or []}
        self.breaks = {fold(w) for w in meta.get("clause_breaks") or []}
        self.relatives = {fold(w) for w in meta.get("relatives") or []}
        self.determiners = {fold(w) for w in meta.get("determiners") or []}

    def left_of(self, index: int) -> list[tuple[int, int, Mention]]:
        return [s for s in self.spans if s[1] < index and index - s[1] <= self.window]

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


def find_roles(clause: Clause, match) -> Roles | None:
    """Source(s) and target for a match, or None when no source can be found."""
    first, last = match.first, match.last
    passive = _is_passive(clause, first)
    agent = _agent_after(clause, last)
    if agent is None and _bare_noun(clause, match):
        return None  # "the attack", "a meeting": a noun with no agent is no coded act
    left = [s for s in clause.left_of(first) if not clause.has_break(s[1] + 1, first)]
    inside = clause.inside(first, last)
    after = inside + [s for s in clause.right_of(last)
                      if s not in inside and not clause.has_break(last + 1, s[0])]
    if passive:  # "X dikecam oleh Y", "X was condemned by Y"
        if agent is None:
            return None
        source_span = agent
        target_span = left[-1] if left else next((s for s in after if s is not agent), None)
    elif agent is not None and not left:  # "pencaplokan Krimea oleh Moskow"
        source_span = agent
        target_span = next((s for s in after if s[0] < agent[0]), None)
    elif left:
        source_span = left[-1]
        target_span = after[0] if after else None
    elif after:
        source_span = after[0]
        target_span = after[1] if len(after) > 1 else None
    else:
        return None
    if source_span is None:
        return None
    if match.pattern.target == "none":
        target_span = None
    if target_span is not None and target_span[2] is source_span[2]:
        target_span = None
    sources = _with_conjuncts(clause, source_span)
    return Roles([s[2] for s in sources], target_span[2] if target_span else None)


def modality_of(clause: Clause, match) -> tuple[bool, str, bool]:
    """(negated, modality, future) from the words before the anchor."""
    mod = clause.pack.modality
    start = match.first
    before = clause.lowers[max(0, start - _NEGATION_REACH):start]
    negated = _has_phrase(before, mod.get("negation", []))
    near = clause.lowers[max(0, start - _MODAL_REACH):start]
    future = _has_phrase(near, mod.get("future", []))
    head = clause.lowers[:start]
    if _has_phrase(head, mod.get("conditional", [])):
        return negated, "conditional", future
    if _has_phrase(near, mod.get("hedge", [])):
        return negated, "hypothetical", future
    return negated, "asserted", future


def _has_phrase(words: list[str], phrases: list[str]) -> bool:
    joined = " " + " ".join(words) + " "
    return any(" " + fold(p) + " " in joined for p in phrases)


def _bare_noun(clause: Clause, match) -> bool:
    """A one-word pattern used as a noun: right after a determiner ("the expulsion")."""
    if match.pattern.specificity > 1 or not clause.determiners or match.first == 0:
        return False
    return clause.lowers[match.first - 1] in clause.determiners


def _is_passive(clause: Clause, index: int) -> bool:
    tok = clause.tokens[index]
    if clause.passive_prefixes and tok.lower != tok.stem:
        if any(tok.lower.startswith(p) and tok.stem != tok.lower and
               tok.lower[len(p):].startswith(tok.stem[:2]) for p in clause.passive_prefixes):
            return True
    if clause.auxiliaries:
        prev = clause.lowers[max(0, index - 2):index]
        return any(w in clause.auxiliaries for w in prev) and tok.lower.endswith(("ed", "en"))
    return False


def _agent_after(clause: Clause, last: int):
    """The actor right after an agent marker (oleh, by) following the match."""
    for i in range(last + 1, min(len(clause.lowers), last + clause.window)):
        if clause.lowers[i] in clause.agents:
            for span in clause.spans:
                if span[0] in (i + 1, i + 2):
                    return span
            return None
        if clause.lowers[i] in ".;":
            return None
    return None


def _with_conjuncts(clause: Clause, span) -> list:
    """The source and the actors joined to it by "dan"/"and"/"," just before it."""
    out = [span]
    current = span
    while True:
        prev = [s for s in clause.spans if s[1] < current[0]]
        if not prev:
            break
        cand = prev[-1]
        between = clause.lowers[cand[1] + 1:current[0]]
        if between and all(w in clause.conjunctions or w == "," for w in between) and len(between) <= 2:
            out.insert(0, cand)
            current = cand
        else:
            break
    return out


def _index_at(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo
