"""Query helpers the REST API uses: events, quotes, actors, article."""

from pantau.store import Filters


def test_events_filtered_and_paged(dyad_store):
    rows = dyad_store.events(Filters(actors=("RUS",)), limit=2)
    assert len(rows) == 2 and rows[0]["day"].isoformat() == "2021-03-01"
    assert {"url", "outlet", "evidence_verb", "story_id"} <= set(rows[0])
    rest = dyad_store.events(Filters(actors=("RUS",)), limit=10, offset=2)
    assert len(rest) == 4
    praise = dyad_store.events(Filters(codes=("051",), sources=("TUR",)))
    assert praise[0]["target_code"] == "RUSGOV"
    assert dyad_store.events(Filters(lang="id")) == []


def test_events_leave_out_negated_unless_asked(pages_store):
    counted = pages_store.events(limit=1000)
    everything = pages_store.events(Filters(counted=False), limit=1000)
    assert len(everything) == len(counted) + 1
    assert [e for e in everything if e["negated"]][0]["cameo"] == "041"


def test_quotes_by_speaker_and_code(pages_store):
    erdogan = pages_store.quotes(speaker="erdogan")
    assert erdogan and all(q["speaker_name"] == "Recep Tayyip Erdogan" for q in erdogan)
    assert {q["text"] for q in erdogan} >= {"very clever and elegant"}
    assert all(q["speaker_code"].startswith("RUS") for q in pages_store.quotes(code="RUS"))
    assert len(pages_store.quotes(limit=1)) == 1
    assert pages_store.quotes(since="2022-01-01") == []


def test_actors_ranked_by_mentions(pages_store):
    actors = pages_store.actors()
    assert actors[0]["mentions"] >= actors[-1]["mentions"]
    putin = [a for a in actors if a["name"] == "Vladimir Putin"][0]
    assert putin["code"] == "RUSGOV" and putin["articles"] == 3
    assert all(a["code"].startswith("TUR") for a in pages_store.actors(code="tur"))
