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
    """A store holding the four article pages and the navigation page (a failure)."""
    store.ingest([DATA / "pages"], coder=coder)
    return store


def write_jsonl(path: Path, records: list) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n")
    return path
