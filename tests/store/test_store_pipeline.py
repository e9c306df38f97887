"""The store with the real pipeline: real pages in, contract documents back out."""

from pathlib import Path

import pytest

from pantau.store import Store

CONTRACT = ("id", "lang", "published", "title", "url", "source", "text", "cleaning",
            "sentences", "actors", "events", "quotes", "tone")


@pytest.fixture(scope="module")
def real_store(tmp_path_factory):
    data = Path(__file__).parent.parent / "data" / "store"
    with Store(tmp_path_factory.mktemp("real") / "real.duckdb") as store:
        summary = store.ingest([data / "pages", data / "news.warc.gz"])
        yield store, summary


def test_pages_and_warc_are_coded_and_stored(real_store):
    store, summary = real_store
    assert (summary.new, summary.failed) == (7, 1)
    langs = dict(store.con.execute("SELECT lang, count(*) FROM articles GROUP BY lang").fetchall())
    assert langs == {"id": 4, "en": 3}
    assert store.counts()["sentences"] > 30


def test_stored_articles_satisfy_the_document_contract(real_store, validate):
    store, _ = real_store
    for (article_id,) in store.con.execute("SELECT id FROM articles").fetchall():
        data = store.article(article_id)
        doc = {k: data[k] for k in CONTRACT}
        doc["events"] = [{k: v for k, v in e.items() if k != "group"} for e in doc["events"]]
        assert validate(doc)


def test_the_same_wire_story_is_one_story(real_store):
    store, _ = real_store
    stories = store.con.execute(
        "SELECT count(DISTINCT story_id) FROM articles WHERE title LIKE '%Putin%Biden%' "
        "OR title LIKE 'Kremlin%'").fetchall()[0][0]
    assert stories == 1
