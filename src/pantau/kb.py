"""The knowledge base: countries, international organisations and people.

Records are language-independent; their aliases are kept per language (`*` = every
language). A person's code depends on the article's date (`Actor.code_on`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import yaml

from pantau.errors import PackError

ANY = "*"
OFFICE_SECTORS = ("GOV", "MIL", "JUD", "LEG", "SPY")


@dataclass(frozen=True)
class Role:
    code: str
    role: str | None
    start: dt.date | None
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass
class Actor:
    """One knowledge-base record: a country, an organisation or a person."""

    key: str
    name: str
    kind: str  # country, igo, person
    code: str  # the code when nothing depends on the date
    country: str | None = None
    gender: str | None = None
    roles: list[Role] = field(default_factory=list)
    default: str | None = None

    def code_on(self, day: dt.date | None) -> str:
        """The actor's code on a date: the covering role, else a former official (ELI)."""
        if not self.roles:
            return self.code
        if day is None:
            return self.roles[-1].code
        covering = [r for r in self.roles if r.covers(day)]
        if covering:  # several offices at once: the government one speaks for the actor
            governing = [r for r in covering if r.code[3:6] == "GOV"]
            return (governing or covering)[-1].code
        past = [r for r in self.roles if r.end and r.end <= day]
        if any(r.code[3:6] in OFFICE_SECTORS for r in past) and self.country:
            return f"{self.country}ELI"
        return self.default or self.roles[0].code


@dataclass
class KnowledgeBase:
    actors: list[Actor]
    # lang -> folded alias -> list of (actor index, form); form is name/adjective/capital/seat
    aliases: dict[str, dict[str, list[tuple[int, str]]]]

    def lookup(self, lang: str, folded: str) -> list[tuple[Actor, str]]:
        hits = self.aliases.get(lang, {}).get(folded, []) + self.aliases.get(ANY, {}).get(folded, [])
        return [(self.actors[i], form) for i, form in hits]

    def alias_items(self, lang: str):
        """Every (folded alias, hits) usable in a language."""
        for scope in (ANY, lang):
            yield from self.aliases.get(scope, {}).items()

    def country(self, code: str) -> Actor | None:
        return self._countries().get(code)

    def _countries(self) -> dict[str, Actor]:
        cache = getattr(self, "_country_index", None)
        if cache is None:
            cache = {a.code: a for a in self.actors if a.kind == "country"}
            self._country_index = cache
        return cache


def load_kb(folders: list[Path], fold: Callable[[str], str]) -> KnowledgeBase:
    """Read `countries.yaml`, `igos.yaml`, `*.names.yaml` and `people/*.yaml` of each
    folder (the shipped one first, then the user's) into one index."""
    kb = KnowledgeBase(actors=[], aliases={})
    for folder in folders:
        for rec in _records(folder / "countries.yaml"):
            _add_country(kb, rec, fold)
        for path in [folder / "igos.yaml", *sorted(folder.glob("*.names.yaml"))]:
            for rec in _records(path):
                _add_named(kb, rec, rec.get("kind") or "igo", fold)
        people = folder / "people"
        for path in sorted(people.glob("*.yaml")) if people.exists() else []:
            for rec in _records(path):
                _add_person(kb, rec, fold, path)
    return kb


def _records(path: Path) -> list[dict]:
    if not path.exists():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        raise PackError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, list):
        raise PackError(f"{path}: expected a list of records")
    return data


def _index(kb: KnowledgeBase, lang: str, alias: str, idx: int, form: str, fold) -> None:
    key = fold(str(alias).strip())
    if not key:
        return
    bucket = kb.aliases.setdefault(lang, {}).setdefault(key, [])
    if (idx, form) not in bucket:
        bucket.append((idx, form))


def _add_country(kb: KnowledgeBase, rec: dict, fold) -> None:
    code = rec["code"]
    names = rec.get("names") or {}
    first = next((v[0] for v in names.values() if v), code)
    english = (names.get("en") or [first])[0]
    idx = len(kb.actors)
    kb.actors.append(Actor(key=code, name=english, kind="country", code=code, country=code))
    for form in ("names", "adjectives", "capitals", "seats"):
        for lang, aliases in (rec.get(form) or {}).items():
            for alias in aliases or []:
                _index(kb, lang, alias, idx, form[:-1] if form != "names" else "name", fold)


def _add_named(kb: KnowledgeBase, rec: dict, kind: str, fold) -> None:
    names = rec.get("names") or {}
    english = (names.get("en") or next((v for v in names.values() if v), [rec["code"]]))[0]
    idx = len(kb.actors)
    code = rec["code"]
    kb.actors.append(Actor(key=code + ":" + english, name=english, kind=kind, code=code,
                           country=code[:3] if not code.startswith("IGO") else None))
    for lang, aliases in names.items():
        for alias in aliases or []:
            _index(kb, lang, alias, idx, "name", fold)


def _add_person(kb: KnowledgeBase, rec: dict, fold, path: Path) -> None:
    try:
        roles = [Role(r["code"], r.get("role"), _date(r.get("start")), _date(r.get("end")))
                 for r in rec.get("roles") or []]
    except (KeyError, ValueError) as exc:
        raise PackError(f"{path}: person {rec.get('name')!r}: bad role: {exc}") from exc
    roles.sort(key=lambda r: r.start or dt.date.min)
    country = rec.get("country") or (roles[0].code[:3] if roles else None)
    code = roles[-1].code if roles else (rec.get("default") or country or "")
    idx = len(kb.actors)
    kb.actors.append(Actor(key=rec["name"], name=rec["name"], kind="person", code=code,
                           country=country, gender=rec.get("gender"), roles=roles,
                           default=rec.get("default")))
    aliases = rec.get("aliases") or []
    if isinstance(aliases, dict):
        for lang, items in aliases.items():
            for alias in items or []:
                _index(kb, lang if lang != "all" else ANY, alias, idx, "name", fold)
        aliases = []
    for alias in [rec["name"], *aliases]:
        _index(kb, ANY, alias, idx, "name", fold)


def _date(value) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value)
    if len(text) == 4:
        text += "-01-01"
    elif len(text) == 7:
        text += "-01"
    return dt.date.fromisoformat(text)
