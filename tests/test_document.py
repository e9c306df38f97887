import json

from pantau.demo import sample_records
from pantau.document import CodedDocument
from pantau.pipeline import load_pipeline
from pantau.sources import make_document


def test_samples_validate_against_the_schema_and_round_trip(validate):
    pipeline = load_pipeline()
    for record in sample_records():
        doc = pipeline(make_document(record))
        data = doc.to_dict()
        validate(data)
        again = CodedDocument.from_dict(json.loads(json.dumps(data))).to_dict()
        assert again == data


def test_empty_and_whitespace_documents_code_to_nothing(validate):
    pipeline = load_pipeline()
    for text in ("", "   \n\n  "):
        doc = pipeline(make_document({"text": text}))
        validate(doc.to_dict())
        assert doc.events == [] and doc.quotes == [] and doc.lang == "unknown"
