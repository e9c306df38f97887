"""Segmentation: sentences and tokens with character offsets.

Reads `text`, `lang`. Writes `sentences`, `tokens`.

A line break always ends a sentence. Inside a line a sentence ends at `.`, `!` or `?`
(with any closing quotes or brackets) followed by space and an upper-case letter, a digit
or an opening quote, unless the word before the period is an abbreviation from the pack
(`Jl.`, `Jend.`, `Mr.`), an initial (`H.`), or the period is a stray ` .` left by machine
translation. Tokens carry their folded form and their stem (Indonesian) or lemma (English).
"""

from __future__ import annotations

import re

from pantau.document import CodedDocument, Sentence, Token
from pantau.errors import PackError
from pantau.packs import fold, load_pack
from pantau.settings import Options

TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"                 # U.S.  U.N.  a.n.
    r"|\d+(?:[.,:/]\d+)*"                  # 2.000  19/3  10:30
    r"|\w+(?:[-'’]\w+)*"                   # words, bekerja-sama, Putin's
    r"|[^\w\s]"                            # punctuation, one char each
)
_END = re.compile(r"[.!?]+[\"”’»)\]]*\s+")
_OPENERS = "\"“‘«([„'"
_WORD_BEFORE = re.compile(r"([\w.]+)$")


class Segmenter:
    name = "segment"
    requires = ("text", "lang")
    assigns = ("sentences", "tokens")

    def __init__(self, options: Options):
        self.languages = options.languages
        self.abbreviations = set().union(*(load_pack(l).abbreviations for l in options.languages))

    def __call__(self, doc: CodedDocument) -> CodedDocument:
        doc.sentences = split_sentences(doc.text, self.abbreviations)
        stem = _stemmer(doc.lang)
        doc.tokens = tokenize(doc.text, doc.sentences, stem)
        return doc


def _stemmer(lang: str | None):
    try:
        return load_pack(lang).stem if lang else None
    except PackError:
        return None


def split_sentences(text: str, abbreviations: set[str]) -> list[Sentence]:
    """Sentence spans of `text`, never empty, never crossing a line break."""
    out: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        cursor = start
        for m in _END.finditer(text, start, end):
            nxt = m.end()
            if nxt >= end or not _starts_sentence(text[nxt]):
                continue
            if _is_abbreviation(text, m.start(), abbreviations):
                continue
            _add(out, text, cursor, m.end())
            cursor = nxt
        _add(out, text, cursor, end)
    return out


def tokenize(text: str, sentences: list[Sentence], stem=None) -> list[Token]:
    """Tokens of every sentence. Capitalised words inside a sentence are names or titles:
    they keep their form instead of a stem (which also spares the stemmer most misses)."""
    tokens = []
    for index, sent in enumerate(sentences):
        first = True
        for m in TOKEN.finditer(text, sent.start, sent.end):
            word = m.group()
            lower = fold(word)
            named = not first and word[:1].isupper()
            tokens.append(Token(m.start(), m.end(), lower,
                                stem(lower) if stem and not named else lower, index))
            first = first and not word[:1].isalnum()
    return tokens


def _starts_sentence(ch: str) -> bool:
    return ch.isupper() or ch.isdigit() or ch in _OPENERS


def _is_abbreviation(text: str, dot: int, abbreviations: set[str]) -> bool:
    if text[dot] != ".":
        return False
    m = _WORD_BEFORE.search(text, max(0, dot - 30), dot)
    if not m:
        return True  # a stray " ." does not end anything by itself
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial
    return fold(word + ".") in abbreviations or fold(word.split(".")[-1] + ".") in abbreviations


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end))
