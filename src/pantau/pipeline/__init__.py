"""The pipeline: one explicit table of stages, run in order over one document.

Each stage is a class built with the `Options`; calling it on a `CodedDocument` adds the
layers it `assigns` after checking that the layers it `requires` were written.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from pantau.document import CodedDocument
from pantau.errors import PantauError
from pantau.pipeline.clean import Cleaner
from pantau.pipeline.coref import Coreference
from pantau.pipeline.dates import EventDates
from pantau.pipeline.events import EventCoder
from pantau.pipeline.langid import LanguageIdentifier
from pantau.pipeline.mentions import MentionFinder
from pantau.pipeline.places import EventPlaces
from pantau.pipeline.quotes import QuoteFinder
from pantau.pipeline.segment import Segmenter
from pantau.pipeline.tone import ToneScorer
from pantau.settings import Options, load_options

STAGES = {
    "clean": Cleaner,
    "language": LanguageIdentifier,
    "segment": Segmenter,
    "mentions": MentionFinder,
    "coref": Coreference,
    "quotes": QuoteFinder,
    "events": EventCoder,
    "dates": EventDates,
    "places": EventPlaces,
    "tone": ToneScorer,
}
DEFAULT_PIPELINE = tuple(STAGES)


class Pipeline:
    """Stages in order; `pipe` streams documents through them."""

    def __init__(self, names: Iterable[str] = DEFAULT_PIPELINE, options: Options | None = None):
        self.options = options or load_options()
        self.stages = [STAGES[name](self.options) for name in names]
        check_order(self.stages)

    @property
    def names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    def __call__(self, doc: CodedDocument) -> CodedDocument:
        for stage in self.stages:
            doc = stage(doc)
            doc.done.update(stage.assigns)
        return doc

    def pipe(self, docs: Iterable[CodedDocument]) -> Iterator[CodedDocument]:
        for doc in docs:
            yield self(doc)


def check_order(stages) -> None:
    """Fail early when a stage needs a layer that no earlier stage writes."""
    written: set[str] = {"text"}
    for stage in stages:
        missing = set(stage.requires) - written
        if missing:
            raise PantauError(f"stage {stage.name!r} needs {sorted(missing)}, "
                              f"which no earlier stage writes")
        written.update(stage.assigns)


_DEFAULT: Pipeline | None = None


def load_pipeline() -> Pipeline:
    """The default pipeline, built once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT
