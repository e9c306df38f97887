"""Event patterns: parsing `verbs.yaml` and matching it over a sentence's tokens.

A pattern is a sequence of elements (`kecam`, `kunjung*`, `=phoned`, `a|b`, `...`). An element matches
a token when the token's lower-case form or its stem equals the word (or starts with it,
for `word*`). Patterns are indexed by their first element, so a sentence costs one dict
lookup per token plus the few patterns that can start there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from pantau.errors import PackError

GAP = None


@dataclass(frozen=True)
class Element:
    exact: frozenset[str]
    prefixes: tuple[str, ...]
    surface: frozenset[str] = frozenset()  # `=word`: this form only, never its stem

    def matches(self, lower: str, stem: str) -> bool:
        if lower in self.exact or stem in self.exact or lower in self.surface:
            return True
        return bool(self.prefixes) and (lower.startswith(self.prefixes) or stem.startswith(self.prefixes))


@dataclass(frozen=True)
class Pattern:
    id: str
    code: str
    text: str
    elements: tuple[Element | None, ...]
    specificity: int
    target: str = "auto"  # auto or none
    source: str = "auto"  # auto or target-first
    reciprocal: bool = False  # coded both ways ("exchanged fire", "baku tembak")


@dataclass(frozen=True)
class Match:
    pattern: Pattern
    tokens: tuple[int, ...]  # indexes (within the sentence) of the matched elements

    @property
    def first(self) -> int:
        return self.tokens[0]

    @property
    def last(self) -> int:
        return self.tokens[-1]


@dataclass
class PatternSet:
    lang: str
    patterns: list[Pattern] = field(default_factory=list)
    by_exact: dict[str, list[Pattern]] = field(default_factory=dict)
    by_prefix: dict[str, list[Pattern]] = field(default_factory=dict)
    by_surface: dict[str, list[Pattern]] = field(default_factory=dict)  # `=form`: the form only
    gap: int = 6
    _seen: dict = field(default_factory=dict, repr=False)

    def candidates(self, lower: str, stem: str) -> list[Pattern]:
        """Patterns whose first element matches a token (memoised per word form)."""
        key = (lower, stem)
        found = self._seen.get(key)
        if found is None:
            if len(self._seen) > 200_000:
                self._seen.clear()
            found = self._seen[key] = self._candidates(lower, stem)
        return found

    def _candidates(self, lower: str, stem: str) -> list[Pattern]:
        found = self.by_exact.get(lower, []) + (self.by_exact.get(stem, []) if stem != lower else [])
        found = found + [p for p in self.by_surface.get(lower, []) if p not in found]
        if self.by_prefix:
            for size in range(2, max(len(lower), len(stem)) + 1):
                found += self.by_prefix.get(lower[:size], [])
                if stem[:size] != lower[:size]:
                    found += self.by_prefix.get(stem[:size], [])
        return found

    def match(self, lowers: Sequence[str], stems: Sequence[str]) -> list[Match]:
        """Every pattern match in one sentence (overlaps resolved by `best_matches`)."""
        out: list[Match] = []
        for i, (lower, stem) in enumerate(zip(lowers, stems)):
            for pattern in self.candidates(lower, stem):
                hit = _match_from(pattern.elements, 1, i + 1, lowers, stems, self.gap)
                if hit is not None:
                    out.append(Match(pattern, (i, *hit)))
        return out


def best_matches(matches: list[Match]) -> list[Match]:
    """Keep the most specific match where matches share tokens; earlier wins ties."""
    ranked = sorted(matches, key=lambda m: (-m.pattern.specificity, m.first, m.last - m.first))
    taken: set[int] = set()
    kept = []
    for m in ranked:
        if taken.intersection(m.tokens):
            continue
        kept.append(m)
        taken.update(m.tokens)
    return sorted(kept, key=lambda m: m.first)


def _match_from(elements, e, t, lowers, stems, gap) -> tuple[int, ...] | None:
    """Match elements[e:] starting at token t; returns matched token indexes."""
    if e == len(elements):
        return ()
    element = elements[e]
    if element is GAP:
        nxt = elements[e + 1]
        for j in range(t, min(len(lowers), t + gap + 1)):
            if nxt.matches(lowers[j], stems[j]):
                rest = _match_from(elements, e + 2, j + 1, lowers, stems, gap)
                if rest is not None:
                    return (j, *rest)
        return None
    if t < len(lowers) and element.matches(lowers[t], stems[t]):
        rest = _match_from(elements, e + 1, t + 1, lowers, stems, gap)
        if rest is not None:
            return (t, *rest)
    return None


def compile_patterns(lang: str, raw: dict[str, Any], stem: Callable[[str], str],
                     codebook: dict) -> PatternSet:
    """Parse a `verbs.yaml` mapping (code -> list of patterns) into an indexed set."""
    if not isinstance(raw, dict):
        raise PackError(f"{lang}/verbs.yaml: expected a mapping of CAMEO code -> patterns")
    out = PatternSet(lang)
    for code, items in raw.items():
        code = str(code).strip()
        if code not in codebook:
            raise PackError(f"{lang}/verbs.yaml: {code!r} is not a CAMEO code in codebook.csv")
        for n, item in enumerate(items or [], start=1):
            spec = item if isinstance(item, dict) else {"pattern": item}
            text = str(spec.get("pattern", "")).strip()
            pattern_id = f"{lang}.verbs.{code}#{n}"
            elements = parse_pattern(text, pattern_id, stem)
            literal = sum(1 for el in elements if el is not GAP)
            pattern = Pattern(pattern_id, code, text, elements, literal,
                              target=str(spec.get("target", "auto")),
                              source=str(spec.get("source", "auto")),
                              reciprocal=bool(spec.get("reciprocal", False)))
            out.patterns.append(pattern)
            anchor = elements[0]
            for word in anchor.exact:
                out.by_exact.setdefault(word, []).append(pattern)
            for word in anchor.surface:
                out.by_surface.setdefault(word, []).append(pattern)
            for prefix in anchor.prefixes:
                out.by_prefix.setdefault(prefix, []).append(pattern)
    return out


def parse_pattern(text: str, pattern_id: str, stem: Callable[[str], str]) -> tuple:
    from pantau.packs import fold

    parts = fold(text).split()
    if not parts or parts[0] == "..." or parts[-1] == "...":
        raise PackError(f"{pattern_id}: a pattern needs words at both ends: {text!r}")
    elements: list[Element | None] = []
    for part in parts:
        if part == "...":
            if elements[-1] is GAP:
                raise PackError(f"{pattern_id}: two gaps in a row: {text!r}")
            elements.append(GAP)
            continue
        exact, prefixes, surface = set(), [], set()
        for alt in part.split("|"):
            if not alt or alt in ("=", "*"):
                raise PackError(f"{pattern_id}: empty alternative in {part!r}")
            if alt.startswith("="):
                surface.add(alt[1:])
            elif alt.endswith("*"):
                prefixes.append(alt[:-1])
            else:
                exact.add(alt)
                exact.add(stem(alt))
        elements.append(Element(frozenset(exact), tuple(prefixes), frozenset(surface)))
    return tuple(elements)
