"""Scoring coded documents against a gold file (format in DESIGN.md).

Events are compared as sets of (source, target, code) per document at three levels:
root code with country-level actors, full code with country-level actors, and full code
with full actors. A gold event without a target matches on source and code. Predicted
events that are negated or not asserted are left out. Quotes: a predicted direct quote
matches a gold quote when it holds at least half of the gold quote's tokens; attribution
is speaker agreement on matched quotes (a gold speaker may list several acceptable names).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from pantau.document import CodedDocument
from pantau.packs import fold

LEVELS = ("root_country", "code_country", "code_full")
_TOKEN = re.compile(r"\w+")


@dataclass
class Tally:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: "Tally") -> None:
        self.tp += other.tp
        self.predicted += other.predicted
        self.gold += other.gold

    def scores(self) -> dict[str, float]:
        p = self.tp / self.predicted if self.predicted else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                "tp": self.tp, "predicted": self.predicted, "gold": self.gold}


@dataclass
class Report:
    events: dict[str, Tally] = field(default_factory=lambda: {lv: Tally() for lv in LEVELS})
    quotes: Tally = field(default_factory=Tally)          # detection
    attributed: Tally = field(default_factory=Tally)      # end to end
    documents: int = 0

    def add(self, other: "Report") -> None:
        for level in LEVELS:
            self.events[level].add(other.events[level])
        self.quotes.add(other.quotes)
        self.attributed.add(other.attributed)
        self.documents += other.documents

    def to_dict(self) -> dict:
        matched = self.quotes.tp
        return {
            "documents": self.documents,
            "events": {lv: t.scores() for lv, t in self.events.items()},
            "quotes": {
                "detection": self.quotes.scores(),
                "attribution_accuracy": round(self.attributed.tp / matched, 3) if matched else 0.0,
                "end_to_end": self.attributed.scores(),
            },
        }


def evaluate(gold_path: str | Path, code=None) -> dict[str, dict]:
    """Code every gold document and score it; returns {"all": ..., "<lang>": ...}."""
    if code is None:
        from pantau import code
    reports: dict[str, Report] = {"all": Report()}
    for gold in read_gold(gold_path):
        meta = {k: gold.get(k) for k in ("id", "title", "url", "source")}
        doc = code(gold["text"], lang=gold.get("lang"), published=gold.get("published"), **meta)
        report = score_document(doc, gold)
        reports["all"].add(report)
        reports.setdefault(gold.get("lang") or doc.lang or "unknown", Report()).add(report)
    return {name: r.to_dict() for name, r in reports.items()}


def read_gold(path: str | Path) -> Iterable[dict]:
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def score_document(doc: CodedDocument, gold: dict) -> Report:
    report = Report(documents=1)
    predicted = [(e.source.code, e.target.code if e.target else None, e.cameo)
                 for e in doc.events if e.counted]
    expected = [(g["source"], g.get("target"), g["cameo"]) for g in gold.get("events", [])]
    for level in LEVELS:
        report.events[level] = match_events({_at(e, level) for e in predicted},
                                            {_at(e, level) for e in expected})
    report.quotes, report.attributed = match_quotes(
        [q for q in doc.quotes if q.direct], gold.get("quotes", []))
    return report


def match_events(predicted: set, expected: set) -> Tally:
    tally = Tally(predicted=len(predicted), gold=len(expected))
    left = set(predicted)
    for src, tgt, code in sorted(expected, key=lambda e: e[1] is None):
        hit = (src, tgt, code) if (src, tgt, code) in left else None
        if hit is None and tgt is None:
            hit = next((p for p in left if p[0] == src and p[2] == code), None)
        if hit is not None:
            left.discard(hit)
            tally.tp += 1
    return tally


def match_quotes(predicted, expected: list[dict]) -> tuple[Tally, Tally]:
    detection = Tally(predicted=len(predicted), gold=len(expected))
    attributed = Tally(predicted=len(predicted), gold=len(expected))
    used: set[int] = set()
    for gold in expected:
        gold_tokens = Counter(_tokens(gold["text"]))
        need = sum(gold_tokens.values()) / 2
        for i, quote in enumerate(predicted):
            if i in used:
                continue
            shared = sum((gold_tokens & Counter(_tokens(quote.text))).values())
            if shared and shared >= need:
                used.add(i)
                detection.tp += 1
                if _same_speaker(quote.speaker.name if quote.speaker else None, gold.get("speaker")):
                    attributed.tp += 1
                break
    return detection, attributed


def _same_speaker(predicted: str | None, gold) -> bool:
    if not predicted or not gold:
        return False
    names = gold if isinstance(gold, list) else [gold]
    return fold(predicted).strip() in {fold(n).strip() for n in names}


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(fold(text))


def _at(event: tuple, level: str) -> tuple:
    src, tgt, code = event
    if level == "code_full":
        return event
    code = code[:2] if level == "root_country" else code
    return (_country(src), _country(tgt), code)


def _country(code: str | None) -> str | None:
    if code is None:
        return None
    return code[:6] if code.startswith("IGO") else code[:3]


def format_table(results: dict[str, dict]) -> str:
    """A plain-text table of the scores, one row per language."""
    head = (f"{'':6} {'docs':>4}  {'ev root/ctry P R F1':>21}  {'ev code/ctry F1':>15}  "
            f"{'ev code/full F1':>15}  {'quotes det F1':>13}  {'attr acc':>8}  {'quotes e2e F1':>13}")
    rows = [head, "-" * len(head)]
    for name, r in results.items():
        ev = r["events"]
        q = r["quotes"]
        l1 = ev["root_country"]
        rows.append(
            f"{name:6} {r['documents']:>4}  {l1['precision']:>6.3f} {l1['recall']:>6.3f} {l1['f1']:>6.3f}"
            f"  {ev['code_country']['f1']:>15.3f}  {ev['code_full']['f1']:>15.3f}"
            f"  {q['detection']['f1']:>13.3f}  {q['attribution_accuracy']:>8.3f}"
            f"  {q['end_to_end']['f1']:>13.3f}")
    return "\n".join(rows)
