"""pantau: open, explainable event data from world news, in Indonesian and English.

>>> import pantau
>>> doc = pantau.code("Rusia mengecam Amerika Serikat pada hari Jumat.", published="2021-03-19")
>>> [(e.source.code, e.cameo, e.target.code) for e in doc.events]
[('RUSGOV', '111', 'USA')]
"""

from __future__ import annotations

from pantau.document import CodedDocument
from pantau.errors import InputError, PackError, PantauError, StoreError

__version__ = "0.1.0"
__all__ = ["code", "CodedDocument", "PantauError", "InputError", "PackError", "StoreError"]


def code(text: str, lang: str | None = None, published: str | None = None, **meta) -> CodedDocument:
    """Clean, read and code one article; returns the coded document.

    `meta` may carry `id`, `title`, `url` and `source`, kept on the document.
    """
    from pantau.pipeline import load_pipeline
    from pantau.sources import make_document

    return load_pipeline()(make_document({"text": text, "lang": lang, "published": published, **meta}))
