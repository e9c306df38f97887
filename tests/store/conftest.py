from __future__ import annotations

from pathlib import Path

import pytest

from fakes import DYAD_RECORDS, fake_code, write_jsonl  # noqa: F401 (re-exported for fixtures)
from pantau.store import Store

DATA = Path(__file__).parent.parent / "data" / "store"


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "test.duckdb") as s:
        yield s


@pytest.fixture
def coder():
    return fake_code


@pytest.fixture
def pages_store(store, coder):
    """A store holding the four article pages (two Indonesian, two English)."""
    store.ingest([DATA / "pages"], coder=coder)
    return store


@pytest.fixture
def dyad_store(store, coder, tmp_path):
    """RUS and USA over March and April 2021, one event reported by two outlets."""
    records = [{"text": text, "published": day, "source": site, "lang": "en",
                "url": f"https://{site}/{n}"} for day, site, n, text in DYAD_RECORDS]
    store.ingest([write_jsonl(tmp_path / "dyad.jsonl", records)], coder=coder)
    return store
