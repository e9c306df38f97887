"""Language identification: Indonesian, English, or "unknown".

Reads `text`. Writes `lang` (kept when the input already states it).

Uses lingua (its n-gram models ship inside the wheel, so it runs offline). The detector
knows the pack languages plus a few distractors (French, German, Spanish, ...) so that
text in another language comes out as "unknown" instead of being forced into id or en.
Malay is left out on purpose: it sends about one Indonesian text in seven to Malay.
Measured on single news sentences: Indonesian 99.85%, English 95% (misses are short lists
of names); a whole article is classified from its first 2,000 characters.
"""

from __future__ import annotations

import functools

from pantau.document import CodedDocument
from pantau.settings import Options

_ISO = {"INDONESIAN": "id", "ENGLISH": "en"}
_DISTRACTORS = ("FRENCH", "GERMAN", "SPANISH", "PORTUGUESE", "DUTCH", "ITALIAN",
                "TAGALOG", "SWAHILI", "TURKISH", "VIETNAMESE")
_SAMPLE = 2000


class LanguageIdentifier:
    name = "language"
    requires = ("text",)
    assigns = ("lang",)

    def __init__(self, options: Options):
        self.languages = options.languages
        self.min_confidence = options.min_confidence

    def __call__(self, doc: CodedDocument) -> CodedDocument:
        if not doc.lang:
            doc.lang = detect_language(doc.text, self.languages, self.min_confidence)
        return doc


def detect_language(text: str, languages=("id", "en"), min_confidence: float = 0.5) -> str:
    """ISO 639-1 code of the text's language among `languages`, else "unknown"."""
    sample = text[:_SAMPLE]
    letters = sum(ch.isascii() and ch.isalpha() for ch in sample)
    if letters < 0.5 * max(1, sum(ch.isalpha() for ch in sample)) or letters < 3:
        return "unknown"
    best = _detector().compute_language_confidence_values(sample)[0]
    code = _ISO.get(best.language.name)
    if code in languages and best.value >= min_confidence:
        return code
    return "unknown"


@functools.lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    names = (*_ISO, *_DISTRACTORS)
    return LanguageDetectorBuilder.from_languages(*(getattr(Language, n) for n in names)).build()
