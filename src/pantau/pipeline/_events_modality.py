"""Negation and modality of a matched event pattern, from the words before its anchor
(the pack's `modality.yaml`: negation, future, conditional, hedge, denial, agreement, refusal)."""

from __future__ import annotations

from pantau.pipeline._events_clause import Clause

_NEGATION_REACH = 3   # tokens before the anchor searched for a negator
_MODAL_REACH = 4      # ... for future and hedge words


def modality_of(clause: Clause, match) -> tuple[bool, str, bool]:
    """(negated, modality, intent) from the words before the anchor; intent is "refused"
    ("tidak akan", "refused to" before the act), "future" ("akan", "will") or "agreed"
    ("sepakat", "agreed to"), else None."""
    mod = clause.modality
    start = match.first
    negated = _negated(clause.lowers[max(0, start - _NEGATION_REACH):start], mod, clause.modal_words)
    near = clause.lowers[max(0, start - _MODAL_REACH):start]
    future = "refused" if negated and _has_phrase(near, mod["refusal"]) else \
        "future" if _has_phrase(near, mod["future"]) else \
        "agreed" if _has_phrase(near, mod["agreement"]) else None
    head = clause.lowers[:start]
    negated = negated or _has_phrase(head, mod["denial"])
    if _has_phrase(head, mod["conditional"]):
        return negated, "conditional", future
    if _has_phrase(near, mod["hedge"]):
        return negated, "hypothetical", future
    return negated, "asserted", future


def _negated(before: list[str], mod: dict[str, tuple[str, ...]], modal: frozenset[str]) -> bool:
    """A negator right before the anchor, or separated from it only by other modal
    words ("tidak akan", "did not immediately" is not: "immediately" is not modal)."""
    words = list(before)
    while words:
        if _has_phrase(words[-3:], mod["negation"], at_end=True):
            return True
        if words[-1] not in modal:
            return False
        words.pop()
    return False


def _has_phrase(words: list[str], folded: tuple[str, ...], at_end: bool = False) -> bool:
    """Whether one of the phrases (folded, each with a leading space) is among the words,
    or ends them."""
    joined = " " + " ".join(words)
    if at_end:
        return joined.endswith(folded)
    joined += " "
    return any(p + " " in joined for p in folded)
