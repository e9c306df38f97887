import json
from pathlib import Path

import pytest

from pantau.document import ActorRef, CodedDocument, Event, Evidence, Quote, Speaker
from pantau.evaluate import evaluate, match_events, score_document

GOLD = Path(__file__).parent / "data" / "gold"


def _event(src, tgt, code, negated=False):
    ref = lambda c: ActorRef(c, None, c, 0, 1) if c else None
    return Event(ref(src), ref(tgt), code, code[:2], 1, 0.0, None, Evidence("x", 0, 1), "t#1", 0,
                 negated=negated)


def test_event_levels_and_missing_targets():
    doc = CodedDocument(text="x")
    doc.events = [_event("RUSGOV", "USA", "161"), _event("RUSGOV", "UKR", "016"),
                  _event("USAGOV", "TURGOV", "041", negated=True)]
    gold = {"events": [{"source": "RUS", "target": "USAGOV", "cameo": "160"},
                       {"source": "RUSGOV", "target": None, "cameo": "016"},
                       {"source": "USAGOV", "target": "TURGOV", "cameo": "041"}]}
    report = score_document(doc, gold).to_dict()["events"]
    assert report["root_country"]["tp"] == 2       # 16 root, RUS/USA at country level; 016 any target
    assert report["code_country"]["tp"] == 1       # 160 != 161
    assert report["code_full"]["tp"] == 1          # only the 016 with no gold target
    assert report["code_full"]["predicted"] == 2   # the negated call is not counted


def test_igo_codes_count_by_six_letters():
    tally = match_events({("IGOUNO", "RUS", "11")}, {("IGOUNO", "RUS", "11")})
    assert tally.tp == 1


def test_quotes_match_by_half_the_gold_tokens_and_speaker():
    doc = CodedDocument(text="x")
    doc.quotes = [Quote("Permintaan sudah dibuat, kata dia", 0, 1, True, "kata",
                        Speaker("Dmitry Peskov", "RUSGOV", "-nya", 0, 1), 0),
                  Quote("lain sekali", 0, 1, True, None, None, 0)]
    gold = {"quotes": [{"speaker": ["Dmitry Peskov", "Vladimir Putin"], "text": "Permintaan sudah dibuat,"}]}
    q = score_document(doc, gold).to_dict()["quotes"]
    assert q["detection"]["tp"] == 1 and q["detection"]["predicted"] == 2
    assert q["attribution_accuracy"] == 1.0


@pytest.mark.parametrize("gold", sorted(json.loads((GOLD / "floors.json").read_text())))
def test_scores_on_the_project_gold_stay_above_their_floors(gold):
    floors = json.loads((GOLD / "floors.json").read_text())[gold]
    results = evaluate(GOLD / gold)
    for path, floor in floors.items():
        value = results
        for key in path.split("."):
            value = value[key]
        assert value >= floor, f"{path} = {value} fell below its floor {floor}"
