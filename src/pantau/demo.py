"""`pantau demo`: code the sample articles shipped in the package and summarise them."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Callable

from pantau.document import CodedDocument

SAMPLES = "articles.jsonl"


def sample_records() -> list[dict]:
    text = (resources.files("pantau") / "samples" / SAMPLES).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def run_demo(output: Path, echo: Callable[[str], None] = print, serve: bool = False) -> list[CodedDocument]:
    """Code the samples, write them as JSONL to `output`, print a readable summary."""
    from pantau.pipeline import load_pipeline
    from pantau.sources import make_document

    pipeline = load_pipeline()
    docs = [pipeline(make_document(rec)) for rec in sample_records()]
    with output.open("w", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
    for doc in docs:
        echo(summarise(doc))
    echo(f"{len(docs)} articles coded -> {output}")
    if serve:
        _serve(output, echo)
    return docs


def summarise(doc: CodedDocument) -> str:
    lines = [f"== {doc.id} [{doc.lang}] {doc.title or ''}".rstrip()]
    if doc.removed:
        kinds = ", ".join(f"{r.kind}: {r.text[:40]}" for r in doc.removed)
        lines.append(f"   cleaned  {kinds}")
    for ev in doc.events:
        target = ev.target.code if ev.target else "-"
        flags = " (negated)" if ev.negated else "" if ev.modality == "asserted" else f" ({ev.modality})"
        lines.append(f"   event    {ev.source.code} —{ev.cameo}→ {target}  {ev.plover or ''}"
                     f"  {ev.date or ''}  “{ev.evidence.verb}”{flags}")
    for q in doc.quotes:
        who = q.speaker.name if q.speaker and q.speaker.name else "?"
        text = q.text if len(q.text) < 70 else q.text[:67] + "..."
        kind = "quote   " if q.direct else "reported"
        lines.append(f"   {kind} {who}: “{text}”")
    return "\n".join(lines)


def _serve(output: Path, echo) -> None:
    try:
        from pantau.cli_serve import serve_demo
    except ModuleNotFoundError:
        echo("the dashboard is not available in this installation (pip install 'pantau[serve]')")
        return
    serve_demo(output, echo)
