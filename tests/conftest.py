import json
from importlib import resources

import jsonschema
import pytest

from pantau.pipeline import load_pipeline
from pantau.sources import make_document


@pytest.fixture(scope="session")
def pipeline():
    return load_pipeline()


def _coder(lang):
    def code(text, published=None, **meta):
        return load_pipeline()(make_document({"text": text, "lang": lang, "published": published, **meta}))
    return code


@pytest.fixture(scope="session")
def id_pipeline():
    """Code Indonesian text: id_pipeline(text, published=None)."""
    return _coder("id")


@pytest.fixture(scope="session")
def en_pipeline():
    """Code English text: en_pipeline(text, published=None)."""
    return _coder("en")


@pytest.fixture(scope="session")
def validate():
    schema = json.loads((resources.files("pantau") / "schema" / "document.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)

    def check(doc_dict):
        validator.validate(doc_dict)
        text = doc_dict["text"]
        for layer in ("sentences", "actors", "quotes"):
            for item in doc_dict[layer]:
                assert 0 <= item["start"] <= item["end"] <= len(text)
                if "text" in item and layer != "quotes" and not item["text"].startswith("-"):
                    assert text[item["start"]:item["end"]] == item["text"]
        for q in doc_dict["quotes"]:
            assert text[q["start"]:q["end"]] == q["text"]
        for ev in doc_dict["events"]:
            assert text[ev["evidence"]["start"]:ev["evidence"]["end"]] == ev["evidence"]["verb"]
            for side in ("source", "target"):
                ref = ev[side]
                if ref:
                    assert text[ref["start"]:ref["end"]] == ref["text"]
        return True

    return check


@pytest.fixture
def db_path(tmp_path):
    """A fresh DuckDB file path in the test's temporary folder."""
    return tmp_path / "pantau.duckdb"
