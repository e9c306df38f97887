from __future__ import annotations

import json
from pathlib import Path

import pytest

from fakes import fake_code
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


def write_jsonl(path: Path, records: list) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n")
    return path


DYAD_RECORDS = [
    ("2021-03-01", "a.example", 1, "Joe Biden criticized Vladimir Putin over the election."),
    ("2021-03-01", "b.example", 2, "Joe Biden criticized Vladimir Putin over the election."),
    ("2021-03-03", "a.example", 3, "Vladimir Putin praised Joe Biden for the call."),
    ("2021-03-10", "b.example", 4, "Vladimir Putin criticized Joe Biden in a speech."),
    ("2021-04-02", "a.example", 5, "Joe Biden met Vladimir Putin in Geneva."),
    ("2021-04-02", "c.example", 6, "Recep Tayyip Erdogan praised Vladimir Putin."),
]


@pytest.fixture
def dyad_store(store, coder, tmp_path):
    """RUS and USA over March and April 2021, one event reported by two outlets."""
    records = [{"text": text, "published": day, "source": site, "lang": "en",
                "url": f"https://{site}/{n}"} for day, site, n, text in DYAD_RECORDS]
    store.ingest([write_jsonl(tmp_path / "dyad.jsonl", records)], coder=coder)
    return store
