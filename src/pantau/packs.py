"""The one loader for language packs, the knowledge base and the codebook.

Everything is read from `pantau/data/` once, validated, compiled (automata, pattern
indexes) and cached. Nothing here knows any word of any language: it only reads files.
"""

from __future__ import annotations

import csv
import functools
import os
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from pantau.errors import PackError
from pantau.kb import KnowledgeBase, load_kb
from pantau.patterns import PatternSet, compile_patterns

DATA = Path(str(resources.files("pantau") / "data"))


# -- text normalisation shared by every matcher -------------------------------------------

def _fold_char(ch: str) -> str:
    low = ch.lower()
    if len(low) != 1:
        return ch
    base = unicodedata.normalize("NFD", low)[0]
    return base if base.isalnum() or not low.isalnum() else low


_FOLD = {i: _fold_char(chr(i)) for i in range(0x2400)}  # Latin, Greek, Cyrillic, punctuation
_FOLD.update({ord("’"): "'", ord("‘"): "'", ord("`"): "'", ord("ı"): "i", ord("İ"): "i"})


def fold(text: str) -> str:
    """Lower-case and strip diacritics, keeping the length (offsets stay valid)."""
    return text.translate(_FOLD)


# -- the codebook -----------------------------------------------------------------------------

@dataclass(frozen=True)
class CodebookEntry:
    code: str
    root: str
    name: str
    goldstein: float
    quad: int
    plover: str | None


@functools.lru_cache(maxsize=1)
def load_codebook() -> dict[str, CodebookEntry]:
    """CAMEO code -> entry, from `data/codebook.csv`."""
    rows = _read_csv(DATA / "codebook.csv")
    return {
        r["code"]: CodebookEntry(r["code"], r["root"], r["name"], float(r["goldstein"]),
                                 int(r["quad"]), r["plover"] or None)
        for r in rows
    }


# -- language packs ---------------------------------------------------------------------------

@dataclass
class LanguagePack:
    """One language's data: words, cues, patterns, all compiled."""

    code: str
    meta: dict[str, Any]
    roles: dict[str, tuple[str, str]]
    pronouns: dict[str, list[str]]
    cues: dict[str, list[str]]
    modality: dict[str, list[str]]
    dates: dict[str, Any]
    boilerplate: dict[str, list[str]]
    spam: list[str]
    abbreviations: set[str]
    not_actors: set[str]
    tone: dict[str, float]
    places: dict[str, str]
    verbs: PatternSet
    stem: Any = field(repr=False, default=None)

    @property
    def clitics(self) -> list[str]:
        return list(self.meta.get("clitics") or [])


def available_languages() -> list[str]:
    return sorted(p.name for p in (DATA / "lang").iterdir() if (p / "pack.yaml").exists())


@functools.lru_cache(maxsize=None)
def load_pack(lang: str) -> LanguagePack:
    """Load and compile the pack in `data/lang/<lang>/`."""
    folder = DATA / "lang" / lang
    if not (folder / "pack.yaml").exists():
        raise PackError(f"no language pack for {lang!r}: expected {folder}/pack.yaml "
                        f"(available: {', '.join(available_languages())})")
    meta = _read_yaml(folder / "pack.yaml") or {}
    stem = make_stemmer(lang, meta.get("stemmer"), meta.get("stem_exceptions"))
    roles = {fold(r["phrase"].strip()): (r["sector"].strip(), r["kind"].strip())
             for r in _read_csv(folder / "roles.csv") if r.get("phrase")}
    verbs_raw = _read_yaml(folder / "verbs.yaml") or {}
    return LanguagePack(
        code=lang,
        meta=meta,
        roles=roles,
        pronouns=_lists(_read_yaml(folder / "pronouns.yaml")),
        cues=_lists(_read_yaml(folder / "cues.yaml")),
        modality=_lists(_read_yaml(folder / "modality.yaml")),
        dates=_read_yaml(folder / "dates.yaml") or {},
        boilerplate=_lists(_read_yaml(folder / "boilerplate.yaml")),
        spam=_read_lines(folder / "spam.txt"),
        abbreviations={fold(a) for a in _read_lines(folder / "abbreviations.txt")},
        not_actors={fold(a) for a in _read_lines(folder / "not_actors.txt")},
        tone={fold(r["word"]): float(r["score"]) for r in _read_csv(folder / "tone.csv")
              if r.get("word") and r.get("score")},
        places={fold(r["name"]): r["geoname"] for r in _read_csv(folder / "places.csv")
                if r.get("name") and r.get("geoname")},
        verbs=compile_patterns(lang, verbs_raw, stem, load_codebook()),
        stem=stem,
    )


@functools.lru_cache(maxsize=1)
def name_particles() -> tuple[str, ...]:
    """Lower-case words inside people's names ("bin", "von", "al-"), from `kb/name_particles.txt`."""
    return tuple(_read_lines(DATA / "kb" / "name_particles.txt"))


@functools.lru_cache(maxsize=1)
def knowledge_base() -> KnowledgeBase:
    """The shipped knowledge base plus the folders named in $PANTAU_KB (os.pathsep-separated),
    where `pantau dict import-petrarch` writes."""
    extra = [Path(p) for p in os.environ.get("PANTAU_KB", "").split(os.pathsep) if p]
    return load_kb([DATA / "kb", *extra], fold)


def make_stemmer(lang: str, kind: str | None, exceptions: dict | None = None):
    """A cached word -> stem function for the pack's declared stemmer; the pack's
    `stem_exceptions` (irregular forms the stemmer misses: broke -> break) come first."""
    fixed = {fold(str(k)): fold(str(v)) for k, v in (exceptions or {}).items()}
    base = _base_stemmer(lang, kind)
    if not fixed:
        return base
    return lambda word: fixed.get(word) or base(word)


def _base_stemmer(lang: str, kind: str | None):
    if kind == "sastrawi":
        from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
        from Sastrawi.Stemmer.Stemmer import Stemmer
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        # Sastrawi keeps its 30k root words in a list (a linear scan per lookup): a set
        # makes stemming ~100x faster with the same results.
        dictionary = ArrayDictionary()
        dictionary.words = set(StemmerFactory().get_words())
        stemmer = Stemmer(dictionary)

        @functools.lru_cache(maxsize=200_000)
        def stem(word: str) -> str:
            if not word.isalpha() or len(word) < 4:
                return word
            return stemmer.stem(word) or word

        return stem
    if kind == "simplemma":
        import simplemma

        @functools.lru_cache(maxsize=200_000)
        def lemma(word: str) -> str:
            if not word.isalpha():
                return word
            return simplemma.lemmatize(word, lang=lang).lower()

        return lemma
    return lambda word: word


# -- file readers -----------------------------------------------------------------------------

def _read_yaml(path: Path) -> Any:
    if not path.exists():
        return None
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise PackError(f"{path}: not valid YAML: {exc}") from exc


def _read_csv(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines))


def _read_lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.lstrip().startswith("#")]


def _lists(data: Any) -> dict[str, list[str]]:
    """A YAML mapping of lists, with every value made a list of strings."""
    if not data:
        return {}
    if not isinstance(data, dict):
        raise PackError(f"expected a mapping of lists, got {type(data).__name__}")
    out = {}
    for key, value in data.items():
        items = value if isinstance(value, (list, tuple, dict)) else [value]
        if any(isinstance(v, bool) for v in items):
            raise PackError(f"list {key!r}: YAML read a bare yes/no/on/off as true/false: quote it")
        if isinstance(value, (list, tuple)):
            out[key] = [str(v) for v in value]
        elif isinstance(value, dict):
            out[key] = [str(v) for v in value]
        elif value is not None:
            out[key] = [str(value)]
    return out
