"""Reported (indirect) speech: "X mengatakan (bahwa) ...", "menurut X, ...", "X said (that) ...".

Only sentences without any quotation marks are read. The reported clause runs from after the
cue (and its complementizer, if one follows within a few words) to the end of the
sentence; the speaker is the subject before the cue, or the actor after "menurut" /
"according to".
"""

from __future__ import annotations

import re

from pantau.document import Quote
from pantau.packs import fold
from pantau.pipeline._quotes_spans import find_quote_spans

_MIN_WORDS = 4
_COMPLEMENTIZER_REACH = 6   # words between the cue and "bahwa"/"that"
_WORD = re.compile(r"\w+")


def find_indirect(doc, pack, best, to_speaker) -> list[Quote]:
    cues = {fold(c) for c in pack.cues.get("verbs", []) if " " not in c}
    according = [fold(c) for c in pack.cues.get("according_to", [])]
    complementizers = {fold(c) for c in pack.cues.get("complementizers", [])}
    quoted = [(q.open_start, q.close_end) for q in find_quote_spans(doc.text)]
    out = []
    for index, sent in enumerate(doc.sentences):
        if any(s < sent.end and sent.start < e for s, e in quoted):
            continue
        tokens = [t for t in doc.tokens if t.sentence == index]
        mentions = [m for m in doc.actors if m.sentence == index and m.code]
        quote = (_according_to(doc, tokens, mentions, according, best, to_speaker, index)
                 or _reported(doc, tokens, mentions, cues, complementizers, best, to_speaker, index))
        if quote:
            out.append(quote)
    return out


def _reported(doc, tokens, mentions, cues, complementizers, best, to_speaker, index):
    for i, tok in enumerate(tokens):
        if tok.lower not in cues:
            continue
        subject = best([m for m in mentions if m.end <= tok.start])
        if subject is None:
            return None
        start = i + 1
        for j in range(i + 1, min(len(tokens), i + 1 + _COMPLEMENTIZER_REACH)):
            if tokens[j].lower in complementizers:
                start = j + 1
                break
        return _clause(doc, tokens, start, tok, subject, to_speaker, index)
    return None


def _according_to(doc, tokens, mentions, phrases, best, to_speaker, index):
    lowers = " ".join(t.lower for t in tokens)
    for phrase in phrases:
        if not lowers.startswith(phrase + " "):
            continue
        width = len(phrase.split())
        comma = next((k for k in range(width, len(tokens)) if tokens[k].lower == ","), None)
        if comma is None:
            return None
        speaker = best([m for m in mentions if tokens[width].start <= m.start < tokens[comma].start])
        if speaker is None:
            return None
        return _clause(doc, tokens, comma + 1, tokens[0], speaker, to_speaker, index, cue_end=width)
    return None


def _clause(doc, tokens, start, cue_tok, speaker, to_speaker, index, cue_end=None):
    body = [t for t in tokens[start:] if t.lower not in ",:"] if start < len(tokens) else []
    while body and not _WORD.match(body[-1].lower):
        body.pop()
    if len(body) < _MIN_WORDS:
        return None
    first, last = body[0].start, body[-1].end
    cue = doc.text[cue_tok.start:tokens[cue_end - 1].end] if cue_end else doc.text[cue_tok.start:cue_tok.end]
    return Quote(doc.text[first:last], first, last, False, cue, to_speaker(speaker), index)
