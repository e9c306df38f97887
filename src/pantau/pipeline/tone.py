"""Tone: a document score from -100 to +100, as GDELT's (positive minus negative words).

Reads `tokens`, `lang`. Writes `tone`: the share of tokens with a positive score in the
pack's `tone.csv` minus the share with a negative one, in percent; matched on the token's
form or its stem/lemma.
"""

from __future__ import annotations

from pantau.document import CodedDocument
from pantau.packs import load_pack
from pantau.settings import Options


class ToneScorer:
    name = "tone"
    requires = ("tokens",)
    assigns = ("tone",)

    def __init__(self, options: Options):
        self.languages = options.languages

    def __call__(self, doc: CodedDocument) -> CodedDocument:
        if doc.lang not in self.languages:
            doc.tone = None
            return doc
        doc.tone = score_tone(doc.tokens, load_pack(doc.lang).tone)
        return doc


def score_tone(tokens, lexicon: dict[str, float]) -> float:
    words = [t for t in tokens if t.lower.isalpha()]
    if not words or not lexicon:
        return 0.0
    positive = negative = 0
    for tok in words:
        score = lexicon.get(tok.lower, lexicon.get(tok.stem, 0.0))
        if score > 0:
            positive += 1
        elif score < 0:
            negative += 1
    return round(100.0 * (positive - negative) / len(words), 2)
