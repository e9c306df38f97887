"""Importing TABARI/PETRARCH actor dictionaries into pantau's knowledge-base format.

A PETRARCH actor file has one actor per block: a name line (`VLADIMIR_PUTIN_`, optionally
with a code: `AFGHANISTAN_ [AFG]`), synonym lines starting with `+`, and dated code lines
(`[RUSGOV >000507]`, `[USAELI 600101-000101]`, `[USAELI]` for the default). Dates are
YYMMDD or YYYYMMDD. Actors with dated roles become people records; the others become named
records (like `igos.yaml`). Comments start with `#`.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import yaml

from pantau.errors import InputError

_CODE = re.compile(r"\[([A-Z]{3,})(?:\s+([<>]?)(\d{6,8})(?:-(\d{6,8}))?)?\s*\]")


@dataclass
class Block:
    name: str
    synonyms: list[str] = field(default_factory=list)
    codes: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)


def import_petrarch(path: str | Path) -> tuple[list[dict], list[dict]]:
    """(people records, named records) read from a PETRARCH actor file."""
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    people, named = [], []
    for block in read_blocks(text):
        record = to_record(block)
        if record is None:
            continue
        (people if "roles" in record else named).append(record)
    return people, named


def write_import(path: str | Path, out_dir: str | Path) -> tuple[Path, int, int]:
    """Write `people/<stem>.yaml` and `igos.yaml`-style `<stem>.names.yaml` under out_dir."""
    people, named = import_petrarch(path)
    out = Path(out_dir)
    (out / "people").mkdir(parents=True, exist_ok=True)
    stem = Path(path).stem.replace(".", "-").lower()
    target = out / "people" / f"{stem}.yaml"
    header = f"# imported from {Path(path).name} by pantau dict import-petrarch\n"
    target.write_text(header + yaml.safe_dump(people, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (out / f"{stem}.names.yaml").write_text(
        header + yaml.safe_dump(named, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target, len(people), len(named)


def read_blocks(text: str) -> Iterator[Block]:
    block: Block | None = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("+") and block:
            block.synonyms.append(stripped[1:].split("[")[0].strip())
        elif stripped.startswith("[") and block:
            block.codes.extend(_codes(stripped))
        elif not raw[:1].isspace():
            if block:
                yield block
            block = Block(stripped.split("[")[0].strip(), codes=_codes(stripped))
        elif block:
            block.codes.extend(_codes(stripped))
    if block:
        yield block


def to_record(block: Block) -> dict | None:
    names = [n for n in (_words(block.name), *map(_words, block.synonyms)) if n]
    if not names or not block.codes:
        return None
    dated = [c for c in block.codes if c[2]]
    if not dated:
        return {"code": block.codes[0][0], "kind": "body", "names": {"en": _unique(names)}}
    roles, default = [], None
    for code, op, start, end in block.codes:
        if not start:
            default = code
        elif op == ">":
            roles.append({"code": code, "start": _date(start)})
        elif op == "<":
            roles.append({"code": code, "start": "1900-01-01", "end": _date(start)})
        else:
            roles.append({"code": code, "start": _date(start), "end": _date(end) if end else None})
    record = {"name": names[0], "aliases": _unique(names[1:]),
              "country": roles[0]["code"][:3] if not roles[0]["code"].startswith("IGO") else None,
              "roles": [{k: v for k, v in r.items() if v is not None} for r in roles]}
    if default:
        record["default"] = default
    return {k: v for k, v in record.items() if v is not None}


def _codes(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(m.group(1), m.group(2) or "", m.group(3), m.group(4)) for m in _CODE.finditer(text)]


def _words(token: str) -> str:
    words = token.replace("_", " ").split()
    return " ".join(w if any(c.isdigit() for c in w) else w.title() if w.isupper() else w for w in words)


def _unique(items: list[str]) -> list[str]:
    seen, out = set(), []
    for item in items:
        if item.lower() not in seen:
            seen.add(item.lower())
            out.append(item)
    return out


def _date(value: str) -> str:
    if len(value) == 6:
        year = int(value[:2])
        value = f"{1900 + year if year > 30 else 2000 + year}{value[2:]}"
    month = max(1, min(12, int(value[4:6]) or 1))
    day = max(1, min(calendar.monthrange(int(value[:4]), month)[1], int(value[6:8]) or 1))
    return f"{value[:4]}-{month:02d}-{day:02d}"
