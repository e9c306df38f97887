"""Quotes: direct speech and who said it.

Reads `text`, `sentences`, `tokens`, `actors`, `lang`. Writes `quotes`.

Direct quotes (`direct: true`) and reported speech (`direct: false`, see
`_quotes_indirect`). Quoted spans are found with every quote style (see `_quotes_spans`). A span is speech when
a reporting cue stands next to it ("“…,” kata X", "X mengatakan, “…”", "X: “…”", "“…,”
he said") or when it reads as a sentence of its own; otherwise one- and two-word quoted
strings are scare quotes and are skipped. The speaker is the actor named at the cue (or the
clitic of `katanya`, resolved by coref); a quote with no cue continues the previous
speaker when it follows directly, else it belongs to the sentence's subject.
"""

from __future__ import annotations

import re

from pantau.document import CodedDocument, Mention, Quote, Speaker
from pantau.packs import fold, load_pack
from pantau.pipeline._quotes_indirect import find_indirect
from pantau.pipeline._quotes_spans import QuoteSpan, find_quote_spans
from pantau.settings import Options

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_CUE_WINDOW = 120     # characters after a closing quote searched for "kata X"
_SPEAKER_WINDOW = 80  # characters after the cue searched for the speaker
_BEFORE_WORDS = 8     # words allowed between "X mengatakan" and the opening quote
_NAME = re.compile(r"\s*,?\s*([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,3})")


class QuoteFinder:
    name = "quotes"
    requires = ("text", "sentences", "actors")
    assigns = ("quotes",)

    def __init__(self, options: Options):
        self.languages = options.languages
        self.min_words = options.min_quote_words

    def __call__(self, doc: CodedDocument) -> CodedDocument:
        if doc.lang not in self.languages:
            doc.quotes = []
            return doc
        cues = sorted({fold(c) for c in load_pack(doc.lang).cues.get("verbs", [])}, key=len, reverse=True)
        cue_re = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, cues)) + r")(?![\w-])") if cues else None
        quotes: list[Quote] = []
        folded = doc.folded()
        for span in find_quote_spans(doc.text):
            quote = attribute(doc, folded, span, cue_re, quotes, self.min_words)
            if quote:
                quotes.append(quote)
        doc.quotes = quotes
        doc.quotes = sorted(quotes + find_indirect(doc, load_pack(doc.lang), _best, _speaker),
                            key=lambda q: q.start)
        return doc


def attribute(doc, folded, span: QuoteSpan, cue_re, previous: list[Quote], min_words: int):
    """A Quote for one quoted span, or None for a scare quote."""
    words = len(_WORD.findall(doc.text[span.start:span.end]))
    if words == 0:
        return None
    sentence = doc.sentence_of(span.start)
    short = words < min_words
    cue, speaker = cue_after(doc, folded, span, cue_re, adjacent=short)
    if cue is None:
        cue, speaker = cue_before(doc, folded, span, cue_re, sentence, adjacent=short)
    if cue is None and not reads_as_speech(doc.text, span, words, min_words):
        return None
    if speaker is None and cue is None:
        speaker = subject(doc, span, sentence) or continuation(doc, span, previous)
    return Quote(doc.text[span.start:span.end], span.start, span.end, True, cue,
                 _speaker(speaker), sentence)


def cue_after(doc, folded, span: QuoteSpan, cue_re, adjacent: bool = False):
    """ "“…,” kata X" / "“…,” katanya" / "“…,” X said": the quote must end its clause."""
    if cue_re is None or not _ends_clause(doc.text, span):
        return None, None
    tail_start = span.close_end
    window = folded[tail_start:tail_start + _CUE_WINDOW]
    stop = min(_clause_stop(window), _sentence_end(doc, span) - tail_start)
    m = cue_re.search(window, 0, stop)
    if not m or (adjacent and len(window[:m.start()].split()) > 1):
        return None, None
    cue_start, cue_end = tail_start + m.start(), tail_start + m.end()
    limit = cue_end + _clause_stop(folded[cue_end:cue_end + _SPEAKER_WINDOW])
    between = [a for a in doc.actors if tail_start <= a.start < cue_start]
    after = _chain(doc, cue_start, cue_end, limit)
    speaker = (_best(between) or _name_at(doc, tail_start, cue_start) or _best(after)
               or _name_at(doc, cue_end, limit))
    return doc.text[cue_start:cue_end], speaker


def _ends_clause(text: str, span: QuoteSpan) -> bool:
    """Speech closes with punctuation inside the quote or right after it."""
    inner = text[span.start:span.end].rstrip()
    after = text[span.close_end:span.close_end + 2].lstrip()
    return inner[-1:] in ".,!?;:…" or after[:1] in ",.;:" or span.close_end == span.end


def _chain(doc, cue_start: int, cue_end: int, limit: int) -> list[Mention]:
    """The cue's clitic (katanya) or the mentions right after the cue, joined only by
    spaces and commas (appositions: "kata juru bicaranya, Dmitry Peskov")."""
    out, pos = [], cue_end
    for m in doc.actors:
        if cue_start <= m.start < cue_end:
            return [m]
        if m.start < pos or m.start >= limit:
            continue
        if doc.text[pos:m.start].strip(" ,") :
            break
        out.append(m)
        pos = m.end
    return out


def cue_before(doc, folded, span: QuoteSpan, cue_re, sentence: int, adjacent: bool = False):
    """ "X mengatakan, “…”" / "X: “…”" / "X menjawab “…”" """
    sent = doc.sentences[sentence] if doc.sentences else None
    begin = sent.start if sent else max(0, span.open_start - 200)
    head = folded[begin:span.open_start]
    complementizers = {fold(w) for w in load_pack(doc.lang).cues.get("complementizers", [])}
    cue = None
    found = list(cue_re.finditer(head)) if cue_re is not None else []
    if found:
        cue = found[-1]
    if cue is not None:
        gap = [w for w in head[cue.end():].split() if w.strip(",:") and w.strip(",:") not in complementizers]
        if len(gap) > (0 if adjacent else _BEFORE_WORDS):
            cue = None
    if cue is None:
        if head.rstrip().endswith(":"):  # "X said that ... the deal: “…”" is X's, else "X: “…”"
            stop = begin + found[-1].start() if found else span.open_start
            before = [a for a in doc.actors if begin <= a.start and a.end <= stop]
            return ":", _best(before) if found else _best(before[-1:])
        return None, None
    cue_start = begin + cue.start()
    subjects = [a for a in doc.actors if begin <= a.start and a.end <= cue_start]
    speaker = _best(subjects)
    return doc.text[cue_start:begin + cue.end()], speaker


def _name_at(doc, start: int, limit: int) -> Speaker | None:
    """An unknown capitalised name at `start` ("kata Sukamta", "“…,” Celik said")."""
    m = _NAME.match(doc.text, start)
    if not m or m.end(1) > limit:
        return None
    name = m.group(1).strip()
    return Speaker(name, None, name, m.start(1), m.start(1) + len(name))


def continuation(doc, span: QuoteSpan, previous: list[Quote]) -> Speaker | None:
    """A quote that directly follows another (same or next paragraph) continues it; so
    does a paragraph that opens with a quote after one left open (a quote running over
    several paragraphs)."""
    if not previous or previous[-1].speaker is None:
        return None
    gap = doc.text[previous[-1].end:span.open_start]
    if not gap.strip():
        return previous[-1].speaker
    if len(gap) > 120 or "\n\n" in gap:
        return None
    return previous[-1].speaker


def subject(doc, span: QuoteSpan, sentence: int) -> Mention | None:
    sent = doc.sentences[sentence] if doc.sentences else None
    if sent is None:
        return None
    before = [a for a in doc.actors if sent.start <= a.start < span.open_start and a.code]
    return before[0] if before else None


def reads_as_speech(text: str, span: QuoteSpan, words: int, min_words: int) -> bool:
    """Without a cue, a quoted string is speech when it is long or sentence-like."""
    if words < min_words:
        return False
    inner = text[span.start:span.end].rstrip()
    before = text[max(0, span.open_start - 2):span.open_start].strip()
    return inner[-1:] in ".,!?;" or before in ("", ":", ",") or words >= 8


def _speaker(m) -> Speaker | None:
    """A speaker from a mention: a person's canonical name, else the words that named it
    ("Gedung Putih", "the foreign ministry")."""
    if m is None or isinstance(m, Speaker):
        return m
    if m.kind == "pronoun":
        name = m.name
    else:
        name = m.name if m.kind == "person" and m.name else m.text
    return Speaker(name, m.code, m.text, m.start, m.end)


def _best(mentions: list[Mention]) -> Mention | None:
    """Prefer a person named in the text, then a resolved pronoun, then any coded actor."""
    ranks = (lambda m: m.kind == "person" and m.via in ("kb", "title"),
             lambda m: m.name is not None,
             lambda m: m.code is not None)
    for rank in ranks:
        for m in mentions:
            if rank(m):
                return m
    return None


def _sentence_end(doc, span: QuoteSpan) -> int:
    """End of the sentence holding the closing mark (the segmenter knows "U.S." and "Jl.")."""
    if not doc.sentences:
        return len(doc.text)
    return doc.sentences[doc.sentence_of(max(span.start, span.close_end - 1))].end


def _clause_stop(window: str) -> int:
    for i, ch in enumerate(window):
        if ch == "\n" or (ch in "!?“\"«" and i > 0):
            return i
    return len(window)
