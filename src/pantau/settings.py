"""Defaults in one shipped file (`data/settings.toml`), options in one frozen object."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

SETTINGS = Path(__file__).parent / "data" / "settings.toml"


@dataclass(frozen=True)
class Options:
    languages: tuple[str, ...] = ("id", "en")
    min_confidence: float = 0.5
    max_chars: int = 2_000_000
    max_line_bytes: int = 8_000_000
    gap: int = 6
    window: int = 14
    reciprocal: frozenset[str] = frozenset()
    future_intent: dict[str, str] = field(default_factory=dict)
    agreed_done: tuple[str, ...] = ()
    refusal: dict[str, str] = field(default_factory=dict)
    home_target: dict[str, str] = field(default_factory=dict)
    abroad_sectors: tuple[str, ...] = ()
    converse: dict[str, str] = field(default_factory=dict)
    joint: tuple[str, ...] = ()
    place_is_party: tuple[str, ...] = ()
    mediation: tuple[str, ...] = ()
    reactive_roots: frozenset[str] = frozenset()
    answering_roots: frozenset[str] = frozenset()
    complement_roots: frozenset[str] = frozenset()
    needs_target: frozenset[str] = frozenset()
    min_quote_words: int = 3

    def but(self, **changes: Any) -> "Options":
        return replace(self, **changes)


@functools.lru_cache(maxsize=1)
def load_options(path: Path = SETTINGS) -> Options:
    """Read `settings.toml` into an `Options`."""
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    events = raw.get("events", {})
    return Options(
        languages=tuple(raw["language"]["languages"]),
        min_confidence=float(raw["language"]["min_confidence"]),
        max_chars=int(raw["input"]["max_chars"]),
        max_line_bytes=int(raw["input"]["max_line_bytes"]),
        gap=int(events.get("gap", 6)),
        window=int(events.get("window", 14)),
        reciprocal=frozenset(events.get("reciprocal", [])),
        future_intent=dict(events.get("future_intent", {})),
        agreed_done=tuple(events.get("agreed_done", [])),
        refusal=dict(events.get("refusal", {})),
        home_target=dict(events.get("home_target", {})),
        abroad_sectors=tuple(events.get("abroad_sectors", [])),
        converse=dict(events.get("converse", {})),
        joint=tuple(events.get("joint", [])),
        place_is_party=tuple(events.get("place_is_party", [])),
        mediation=tuple(events.get("mediation", [])),
        reactive_roots=frozenset(events.get("reactive_roots", [])),
        answering_roots=frozenset(events.get("answering_roots", [])),
        complement_roots=frozenset(events.get("complement_roots", [])),
        needs_target=frozenset(events.get("needs_target", [])),
        min_quote_words=int(raw.get("quotes", {}).get("min_words", 3)),
    )
