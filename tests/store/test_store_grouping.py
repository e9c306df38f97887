"""Same story, many outlets: near-duplicate articles share a story; repeated events are
one grouped event with GDELT-style mention, source and article counts."""

from fakes import write_jsonl
from pantau.store import dedupe

WIRE = ("Turkish President Recep Tayyip Erdogan on Thursday criticized Joe Biden over his "
        "remarks on Russia. Erdogan praised Vladimir Putin for a calm and measured answer, "
        "and said leaders should keep their disagreements within the limits of diplomacy. "
        "Officials in Ankara said the president would raise the matter with Washington "
        "during talks on Syria and the eastern Mediterranean next month.")


def story_of(store, url):
    return store.con.execute("SELECT story_id FROM articles WHERE url = ?", [url]).fetchone()[0]


def test_similarity_of_light_edits_is_high_and_of_other_text_low():
    edited = WIRE.replace("on Thursday", "on Thursday evening").replace("calm", "cool")
    a, b = dedupe.make_minhash(WIRE), dedupe.make_minhash(edited)
    other = dedupe.make_minhash("Joko Widodo met Yoshihide Suga in Tokyo to sign an "
                                "agreement on maritime security and vaccine supplies.")
    assert dedupe.estimate_similarity(a, b) >= 0.5
    assert dedupe.estimate_similarity(a, other) < 0.2
    assert dedupe.make_minhash(WIRE) == a  # stable across calls and processes
    assert len(dedupe.make_bands(a)) == dedupe.BANDS


def test_wire_story_on_three_sites_is_one_story(store, coder, tmp_path):
    edited = WIRE.replace("on Thursday", "on Thursday evening").replace("calm", "cool")
    path = write_jsonl(tmp_path / "wire.jsonl", [
        {"text": WIRE, "url": "https://a.example/1", "source": "a.example",
         "published": "2021-03-18"},
        {"text": "ANKARA (Reuters) - " + edited, "url": "https://b.example/2",
         "source": "b.example", "published": "2021-03-18"},
        {"text": WIRE, "url": "https://c.example/3", "source": "c.example",
         "published": "2021-03-18"},
        {"text": "Joko Widodo met Yoshihide Suga in Tokyo on Tuesday to sign an agreement "
                 "on maritime security and vaccine supplies for the region.",
         "url": "https://a.example/4", "source": "a.example", "published": "2021-03-30"},
    ])
    store.ingest([path], coder=coder, batch_size=2)
    first = story_of(store, "https://a.example/1")
    assert story_of(store, "https://b.example/2") == first
    assert story_of(store, "https://c.example/3") == first
    assert story_of(store, "https://a.example/4") != first
    article = store.article(store.con.execute(
        "SELECT id FROM articles WHERE url = 'https://c.example/3'").fetchone()[0])
    assert len(article["story"]["articles"]) == 3


def test_stories_group_across_runs(store, coder, tmp_path):
    one = write_jsonl(tmp_path / "one.jsonl", [{"text": WIRE, "url": "https://a.example/1"}])
    two = write_jsonl(tmp_path / "two.jsonl", [{"text": WIRE + " More to come.",
                                                "url": "https://z.example/9"}])
    store.ingest([one], coder=coder)
    store.ingest([two], coder=coder)
    assert story_of(store, "https://z.example/9") == story_of(store, "https://a.example/1")


def test_repeated_events_are_grouped_with_counts(store, coder, tmp_path):
    records = [
        {"text": WIRE, "url": "https://a.example/1", "source": "a.example",
         "published": "2021-03-18"},
        {"text": WIRE + " Praise indeed.", "url": "https://a.example/2", "source": "a.example",
         "published": "2021-03-18"},
        {"text": "Erdogan praised Vladimir Putin again. "
                 "Later Erdogan praised Vladimir Putin once more.",
         "url": "https://b.example/3", "source": "b.example", "published": "2021-03-18"},
        {"text": "Erdogan praised Vladimir Putin.", "url": "https://b.example/4",
         "source": "b.example", "published": "2021-03-25"},
    ]
    store.ingest([write_jsonl(tmp_path / "g.jsonl", records)], coder=coder)
    groups = store.con.execute(
        "SELECT day, num_mentions, num_sources, num_articles FROM event_groups "
        "WHERE source_code = 'TURGOV' AND target_code = 'RUSGOV' AND cameo = '051' "
        "ORDER BY day").fetchall()
    assert [(g[1], g[2], g[3]) for g in groups] == [(4, 2, 3), (1, 1, 1)]
    assert str(groups[0][0]) == "2021-03-18"


def test_negated_events_are_stored_but_not_grouped(pages_store):
    negated = pages_store.con.execute(
        "SELECT count(*) FROM events WHERE negated AND NOT counted AND group_key IS NULL")
    assert negated.fetchone()[0] == 1
    in_groups = pages_store.con.execute("SELECT count(*) FROM event_groups WHERE cameo = '041'")
    assert in_groups.fetchone()[0] == 0
