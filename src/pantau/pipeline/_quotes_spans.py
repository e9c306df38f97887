"""Finding quoted spans in every style news uses.

Handles “…”, «…», „…“ / „…”, ‘…’, straight "…" (the same mark opening and closing),
quotes nested inside quotes (kept inside the outer one), and a paragraph that opens a
quote without closing it (the span ends with the paragraph; the next paragraph's quote
continues it).
"""

from __future__ import annotations

from dataclasses import dataclass

PAIRS = {"“": "”", "«": "»", "„": "“”", "‘": "’", '"': '"', "”": "”"}


@dataclass(frozen=True)
class QuoteSpan:
    open_start: int   # offset of the opening mark
    start: int        # first character inside
    end: int          # end of the text inside
    close_end: int    # offset just after the closing mark (== end at a paragraph end)


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Outermost quoted spans, in text order."""
    spans: list[QuoteSpan] = []
    pos = 0
    for paragraph in text.split("\n"):
        spans.extend(_spans_in(paragraph, pos))
        pos += len(paragraph) + 1
    return spans


def _spans_in(par: str, offset: int) -> list[QuoteSpan]:
    out = []
    i, n = 0, len(par)
    while i < n:
        ch = par[i]
        if ch in PAIRS and _opens(par, i):
            close = _find_close(par, i + 1, PAIRS[ch])
            if close is None:
                inner_end = len(par.rstrip())
                out.append(_span(par, offset, i, inner_end, inner_end))
                break
            out.append(_span(par, offset, i, close, close + 1))
            i = close + 1
            continue
        i += 1
    return [s for s in out if s.end > s.start]


def _span(par: str, offset: int, open_at: int, inner_end: int, close_end: int) -> QuoteSpan:
    start = open_at + 1
    while start < inner_end and par[start].isspace():
        start += 1
    end = inner_end
    while end > start and par[end - 1].isspace():
        end -= 1
    return QuoteSpan(offset + open_at, offset + start, offset + end, offset + close_end)


def _opens(par: str, i: int) -> bool:
    """An opening mark stands after a space, a bracket or a dash, or at the start."""
    ch = par[i]
    prev = par[i - 1] if i else " "
    if ch in "‘\"”":
        nxt = par[i + 1] if i + 1 < len(par) else " "
        return (prev.isspace() or prev in "([—–-:") and not nxt.isspace()
    return True


def _find_close(par: str, j: int, closers: str) -> int | None:
    depth_marks = {"‘": "’"} if closers != "’" else {}
    inner_open = None
    while j < len(par):
        ch = par[j]
        if inner_open and ch == inner_open and _closes(par, j):
            inner_open = None
        elif ch in depth_marks and _opens(par, j) and not inner_open:
            inner_open = depth_marks[ch]
        elif ch in closers and _closes(par, j):
            return j
        j += 1
    return None


def _closes(par: str, j: int) -> bool:
    """A closing mark is followed by a space, punctuation or the end of the paragraph."""
    nxt = par[j + 1] if j + 1 < len(par) else " "
    return not nxt.isalnum()
