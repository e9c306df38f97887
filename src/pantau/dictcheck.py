"""`pantau dict check`: validate every data file and report problems with their place."""

from __future__ import annotations

import datetime as dt
import re

from pantau.errors import PackError
from pantau.packs import available_languages, knowledge_base, load_codebook, load_pack

_CODE = re.compile(r"^[A-Z]{3}([A-Z]{3})*$")


def check_all() -> tuple[list[str], list[str], list[str]]:
    """(problems, warnings, summary lines) over the codebook, the knowledge base and every
    pack. Problems break coding (bad codes, unreadable files); warnings are worth a look
    (one alias for two people in office at once, overlapping offices)."""
    problems: list[str] = []
    warnings: list[str] = []
    summary: list[str] = []
    codebook = load_codebook()
    summary.append(f"codebook: {len(codebook)} CAMEO codes")
    try:
        kb = knowledge_base()
    except PackError as exc:
        return [str(exc)], warnings, summary
    kinds: dict[str, int] = {}
    for actor in kb.actors:
        kinds[actor.kind] = kinds.get(actor.kind, 0) + 1
        problems += check_codes(actor)
        warnings += check_overlaps(actor)
    summary.append("knowledge base: " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())))
    warnings += check_aliases(kb)
    for lang in available_languages():
        try:
            pack = load_pack(lang)
        except PackError as exc:
            problems.append(str(exc))
            continue
        summary.append(f"pack {lang}: {len(pack.verbs.patterns)} event patterns, "
                       f"{len(pack.roles)} role words, {len(pack.cues.get('verbs', []))} speech cues")
    return problems, warnings, summary


def check_codes(actor) -> list[str]:
    codes = [actor.code] + [r.code for r in actor.roles]
    return [f"{actor.name}: bad code {c!r}" for c in codes if c and not _CODE.match(c)]


def check_overlaps(actor) -> list[str]:
    out = []
    roles = sorted(actor.roles, key=lambda r: r.start or dt.date.min)
    for a, b in zip(roles, roles[1:]):
        if a.end and b.start and b.start < a.end and a.code != b.code:
            out.append(f"{actor.name}: roles {a.code} and {b.code} overlap ({b.start} < {a.end})")
    return out


def check_aliases(kb) -> list[str]:
    """Aliases shared by two people who held office at the same time."""
    out = []
    for lang, table in kb.aliases.items():
        for alias, hits in table.items():
            people = [kb.actors[i] for i, _ in hits if kb.actors[i].kind == "person"]
            for i, a in enumerate(people):
                for b in people[i + 1:]:
                    if _overlap(a, b):
                        out.append(f"alias {alias!r} ({lang}) names both {a.name} and {b.name}")
    return out


def _overlap(a, b) -> bool:
    for ra in a.roles:
        for rb in b.roles:
            if (ra.start or dt.date.min) < (rb.end or dt.date.max) and \
               (rb.start or dt.date.min) < (ra.end or dt.date.max):
                return True
    return False
