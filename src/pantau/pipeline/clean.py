"""Cleaning: strip what scrapers leave around an article.

Reads `text` (raw). Writes `text` (cleaned), `title` and `removed`: a title line repeated
at the top (with or without a ` | Section` suffix), related-link, share and advert lines,
and lines made only of SEO spam phrases. Body sentences are never cut: a line goes only
when all of it is boilerplate or spam. The word lists come from every loaded pack.
"""

from __future__ import annotations

import re

import ahocorasick

from pantau.document import CodedDocument, Removal
from pantau.packs import fold, load_pack
from pantau.settings import Options

_NON_SPACE = re.compile(r"\s+")
_SPACE = re.compile(r"\s+")
_LEFTOVER = re.compile(r"[\W\d_]*")


class Cleaner:
    name = "clean"
    requires = ("text",)
    assigns = ("text", "title", "removed")

    def __init__(self, options: Options):
        packs = [load_pack(lang) for lang in options.languages]
        by_kind: dict[str, set[str]] = {}
        for pack in packs:
            for kind, items in pack.boilerplate.items():
                by_kind.setdefault(kind, set()).update(fold(p).strip() for p in items if p.strip())
        # one anchored regex per kind: a line starts with a listed prefix, then a non-word
        # character or the end (or the prefix itself ends in punctuation)
        self.prefixes = [(re.compile("|".join(rf"{re.escape(p)}(?:(?<=\W)|(?!\w))"
                                              for p in sorted(words, key=len, reverse=True))), kind)
                         for kind, words in by_kind.items()]
        self.spam = SpamMatcher({fold(s) for pack in packs for s in pack.spam})

    def __call__(self, doc: CodedDocument) -> CodedDocument:
        lines = doc.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        kept, removed = [], []
        title = doc.title
        found_title, lines, title_removed = strip_repeated_title(lines, title, self.classify)
        removed += title_removed
        for line in lines:
            kind = self.classify(line)
            if kind:
                removed.append(Removal(kind, line.strip()))
            else:
                kept.append(line.rstrip())
        doc.text = join_paragraphs(kept)
        doc.title = title or found_title
        doc.removed = removed
        return doc

    def classify(self, line: str) -> str | None:
        """The kind of boilerplate a whole line is, or None for article text."""
        stripped = fold(line.strip())
        if not stripped:
            return None
        for regex, kind in self.prefixes:
            if regex.match(stripped):
                return kind
        if self.spam.is_spam(stripped):
            return "spam"
        return None


class SpamMatcher:
    """Spam phrases in one Aho-Corasick automaton, matched on word boundaries."""

    def __init__(self, phrases: set[str]):
        self.automaton = ahocorasick.Automaton()
        for phrase in phrases:
            if phrase.strip():
                self.automaton.add_word(phrase, len(phrase))
        if len(self.automaton):
            self.automaton.make_automaton()

    def spans(self, line: str) -> list[tuple[int, int]]:
        if not len(self.automaton):
            return []
        found = []
        for end, length in self.automaton.iter(line):
            start, stop = end - length + 1, end + 1
            if (start == 0 or not line[start - 1].isalnum()) and (stop == len(line) or not line[stop].isalnum()):
                found.append((start, stop))
        return found

    def is_spam(self, line: str) -> bool:
        """A line made only of spam phrases, or a short one mostly (half its letters)
        spam that does not end like a sentence."""
        spans = self.spans(line)
        if not spans:
            return False
        mask = bytearray(len(line))
        for start, stop in spans:
            mask[start:stop] = b"\x01" * (stop - start)
        rest = "".join(" " if mask[i] else ch for i, ch in enumerate(line))
        if _LEFTOVER.fullmatch(rest):
            return True
        covered = sum(1 for i, ch in enumerate(line) if mask[i] and not ch.isspace())
        letters = len(_NON_SPACE.sub("", line))
        return covered >= 0.5 * letters and len(line.split()) <= 25 and not line.rstrip().endswith((".", "!", "?"))


def strip_repeated_title(lines: list[str], title: str | None, boilerplate=lambda line: None):
    """Remove title lines at the top (boilerplate lines between them do not stop the
    search); returns (title, remaining lines, removals)."""
    head = [i for i, ln in enumerate(lines[:12]) if ln.strip() and not boilerplate(ln)]
    if not head:
        return None, lines, []
    first = _norm(lines[head[0]])
    wanted = {_norm(title), _norm(_drop_suffix(title))} if title else set()
    if not wanted:
        repeats = [i for i in head[1:] if _same_title(first, _norm(lines[i]))]
        if not repeats:
            return None, lines, []
        wanted = {first, _norm(_drop_suffix(lines[head[0]]))}
    drop = []
    for i in head:
        if _norm(lines[i]) in wanted or _norm(_drop_suffix(lines[i])) in wanted:
            drop.append(i)
        else:
            break
    if not drop:
        return None, lines, []
    found = _SPACE.sub(" ", _drop_suffix(lines[drop[0]]).strip())
    removals = [Removal("repeated_title", _SPACE.sub(" ", lines[i].strip())) for i in drop]
    return found, [ln for i, ln in enumerate(lines) if i not in set(drop)], removals


def join_paragraphs(lines: list[str]) -> str:
    """Join kept lines, collapsing runs of blank lines to one."""
    text = "\n".join(lines).strip()
    return re.sub(r"\n\s*\n+", "\n\n", text)


def _same_title(a: str, b: str) -> bool:
    return a == b or _norm(_drop_suffix(a)) == _norm(_drop_suffix(b))


def _drop_suffix(line: str | None) -> str:
    if not line:
        return ""
    if "|" in line:
        return line.rsplit("|", 1)[0].strip()
    return line.strip()


def _norm(line: str | None) -> str:
    return _SPACE.sub(" ", fold(line or "")).strip()
