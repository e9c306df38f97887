"""Streaming many documents through the pipeline, one failure at a time.

`records_from` turns command-line inputs into `Record`s; `code_records` codes them and
writes JSONL, reporting each bad record on the error stream with its origin and reason.
"""

from __future__ import annotations

import json
import sys
from typing import IO, Iterable, Iterator

from pantau.errors import PantauError
from pantau.sources import Record, make_document, read_file_bytes, read_jsonl, read_source


def records_from(inputs: Iterable[str], lang: str | None = None,
                 published: str | None = None) -> Iterator[Record]:
    """Records from paths and `-` (stdin: JSONL when it starts with '{', else one text)."""
    for name in inputs:
        if name == "-":
            yield from _stdin_records(lang, published)
        else:
            yield from read_source(name, lang, published)


def _stdin_records(lang, published) -> Iterator[Record]:
    stream = sys.stdin.buffer
    head = stream.peek(64)[:64] if hasattr(stream, "peek") else b""
    if head.lstrip().startswith(b"{"):
        yield from read_jsonl(stream, "<stdin>")
    else:
        yield read_file_bytes(stream.read(), "<stdin>", False, lang, published)


def code_records(records: Iterable[Record], out: IO[str], err: IO[str]) -> dict[str, int]:
    """Code every readable record to `out` as JSONL; returns counts of coded and failed."""
    from pantau.pipeline import load_pipeline

    pipeline = load_pipeline()
    counts = {"coded": 0, "failed": 0}
    for record in records:
        if record.error:
            _fail(err, record.origin, record.error, counts)
            continue
        try:
            doc = pipeline(make_document(record.data))
        except PantauError as exc:
            _fail(err, record.origin, str(exc), counts)
            continue
        except Exception as exc:  # a bug must not sink the batch: report it and go on
            _fail(err, record.origin, f"internal error {type(exc).__name__}: {exc}", counts)
            continue
        out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        counts["coded"] += 1
    return counts


def _fail(err: IO[str], origin: str, reason: str, counts: dict[str, int]) -> None:
    err.write(f"{origin}: {reason}\n")
    counts["failed"] += 1
