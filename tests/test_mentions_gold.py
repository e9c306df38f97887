"""Mention precision and recall on the project's own annotated sentences (both languages).

A predicted mention counts when its text overlaps an expected mention's text and the codes
agree; pronoun and clitic mentions (coreference) are not scored here."""

import json
from pathlib import Path


GOLD = Path(__file__).parent / "data" / "gold" / "mentions.jsonl"
FLOORS = {"precision": 0.85, "recall": 0.9}


def score(coder_for):
    tp = predicted = expected = 0
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        doc = coder_for(case["lang"])(case["text"], published=case["published"])
        found = [(doc.text[a.start:a.end], a.code) for a in doc.actors
                 if a.kind not in ("pronoun", "neuter") and a.code]
        gold = [tuple(g) for g in case["actors"]]
        predicted += len(found)
        expected += len(gold)
        left = list(found)
        for text, code in gold:
            hit = next((f for f in left if f[1] == code and (f[0] in text or text in f[0])), None)
            if hit:
                left.remove(hit)
                tp += 1
    return tp / predicted, tp / expected


def test_mention_precision_and_recall(id_pipeline, en_pipeline):
    precision, recall = score(lambda lang: id_pipeline if lang == "id" else en_pipeline)
    print(f"mentions: precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= FLOORS["precision"] and recall >= FLOORS["recall"], (precision, recall)
