from fakes import write_jsonl
from pantau.document import CodedDocument
from pantau.errors import StoreError
from pantau.store import Store

PUTIN = "tawaran Presiden Vladimir Putin untuk berbicara melalui telepon"


def test_html_pages_are_stored_with_their_layers(pages_store):
    counts = pages_store.counts()
    assert counts["articles"] == 4
    assert counts["events"] > 0 and counts["quotes"] > 0
    assert counts["sentences"] > 0 and counts["actors"] > 0
    row = pages_store.con.execute(
        "SELECT title, published, lang, text FROM articles WHERE title LIKE 'Putin%'").fetchone()
    assert row[0] == "Putin Tawarkan Bicara Lewat Telepon dengan Biden"
    assert row[1] == "2021-03-19"
    assert PUTIN in row[3]
    assert "Baca juga" not in row[3] and "Hak cipta" not in row[3]
    assert "Terpopuler" not in row[3]


def test_english_page_keeps_body_and_drops_chrome(pages_store):
    text = pages_store.con.execute(
        "SELECT text FROM articles WHERE title LIKE 'Erdogan%'").fetchone()[0]
    assert "criticized U.S. President Joe Biden" in text
    assert "All rights reserved" not in text and "Subscribe" not in text


def test_reingest_is_a_noop(pages_store, coder, data_dir):
    before = pages_store.counts()
    summary = pages_store.ingest([data_dir / "pages"], coder=coder)
    assert summary.new == 0 and summary.stored == 4
    assert pages_store.counts() == before


def test_reingest_does_not_code_again(pages_store, data_dir):
    def must_not_run(doc):
        raise AssertionError("a stored article was coded again")
    summary = pages_store.ingest([data_dir / "pages"], coder=must_not_run)
    assert summary.stored == 4 and summary.failed == 0


def test_bad_records_are_recorded_and_the_run_goes_on(store, coder, tmp_path):
    path = write_jsonl(tmp_path / "mixed.jsonl", [
        {"id": "ok1", "text": "Presiden Joe Biden bertemu Vladimir Putin di Jenewa."},
        "{not json",
        {"id": "empty", "text": "   "},
        ["a", "list"],
        {"id": "boom", "text": "RAISE this one in the coder, please."},
        {"id": "ok2", "text": "Joko Widodo met Yoshihide Suga in Tokyo on Tuesday."},
    ])
    summary = store.ingest([path, tmp_path / "missing.jsonl"], coder=coder)
    assert (summary.new, summary.failed) == (2, 5)
    reasons = {f["origin"]: f["reason"] for f in store.failures()}
    assert "not a JSON object" in reasons[f"{path}:2"]
    assert "text is empty" in reasons[f"{path}:3"]
    assert "not a JSON object" in reasons[f"{path}:4"]
    assert "told to fail" in reasons[f"{path}:5"]
    assert "no such file" in reasons[str(tmp_path / "missing.jsonl")]
    store.ingest([path], coder=coder)
    assert len(store.failures()) == 5  # a re-run records no failure twice


def test_same_url_twice_in_one_run_is_stored_once(store, coder, tmp_path):
    rec = {"text": "Joko Widodo met Yoshihide Suga in Tokyo.", "url": "https://a.example/1"}
    edited = dict(rec, text=rec["text"] + " Updated.")
    path = write_jsonl(tmp_path / "twice.jsonl", [rec, edited])
    summary = store.ingest([path], coder=coder)
    assert (summary.new, summary.stored) == (1, 1)


def test_same_text_without_url_is_stored_once(store, coder, tmp_path):
    rec = {"text": "Joko  Widodo met Yoshihide Suga in Tokyo."}
    path = write_jsonl(tmp_path / "a.jsonl",
                       [rec, {"text": "Joko Widodo met Yoshihide Suga in Tokyo.\n"}])
    assert store.ingest([path], coder=coder).new == 1


def test_same_text_at_another_url_is_another_article(store, coder, tmp_path):
    text = "Joko Widodo met Yoshihide Suga in Tokyo on Tuesday for talks on maritime security."
    path = write_jsonl(tmp_path / "a.jsonl", [
        {"text": text, "url": "https://a.example/1", "source": "a.example"},
        {"text": text, "url": "https://b.example/9", "source": "b.example"}])
    assert store.ingest([path], coder=coder).new == 2


def test_summary_counts(store, coder, data_dir):
    seen = []
    summary = store.ingest([data_dir / "pages"], coder=coder, progress=seen.append)
    assert (summary.new, summary.stored, summary.failed) == (4, 0, 0)
    assert summary.events == store.counts()["events"]
    assert summary.quotes == store.counts()["quotes"]
    assert seen and seen[-1].seen == 4
    assert summary.to_dict()["rate"] > 0


def test_warc_is_ingested(store, coder, data_dir):
    summary = store.ingest([data_dir / "news.warc.gz"], coder=coder)
    assert (summary.new, summary.failed) == (3, 1)
    urls = {r[0] for r in store.con.execute("SELECT url FROM articles").fetchall()}
    assert "https://wartadunia.example/dunia/kremlin-tawaran-putin" in urls
    failure = store.failures()[0]
    assert "no article text" in failure["reason"]
    assert "news.warc.gz@" in failure["origin"] and "kabarnusa.example/indeks" in failure["origin"]
    assert store.ingest([data_dir / "news.warc.gz"], coder=coder).stored == 3


def test_documents_can_be_ingested_directly(store, coder):
    doc = CodedDocument(text="Recep Tayyip Erdogan praised Vladimir Putin.", id="d1",
                        published="2021-03-18")
    summary = store.ingest_records([doc], coder=coder)
    assert summary.new == 1
    article_id = store.con.execute("SELECT id FROM articles").fetchone()[0]
    stored = store.article(article_id)
    assert stored["id"] == "d1"
    assert stored["events"][0]["cameo"] == "051"


def test_article_round_trips_through_the_contract(pages_store):
    article_id = pages_store.con.execute(
        "SELECT id FROM articles WHERE title LIKE 'Erdogan%'").fetchone()[0]
    data = pages_store.article(article_id)
    doc = CodedDocument.from_dict({k: v for k, v in data.items()
                                   if k not in ("story", "article_id")} | {
        "events": [{k: v for k, v in e.items() if k != "group"} for e in data["events"]]})
    assert doc.events and doc.quotes
    for e in doc.events:
        assert doc.text[e.evidence.start:e.evidence.end] == e.evidence.verb
        assert doc.text[e.source.start:e.source.end] == e.source.text
    negated = [e for e in doc.events if e.negated]
    assert negated and negated[0].cameo == "041"
    assert pages_store.article("nope") is None


def test_a_failing_batch_is_retried_article_by_article(store, coder, tmp_path, monkeypatch):
    import pantau.store.ingest as ingest_mod
    real = ingest_mod.insert_articles

    def picky(con, batch):
        if len(batch) > 1 or "BAD" in batch[0].tables["articles"][0][8]:
            raise StoreError("simulated write error")
        return real(con, batch)

    monkeypatch.setattr(ingest_mod, "insert_articles", picky)
    path = write_jsonl(tmp_path / "b.jsonl", [
        {"text": "Joko Widodo met Yoshihide Suga in Tokyo."},
        {"text": "BAD Joe Biden met Vladimir Putin in Geneva."},
        {"text": "Recep Tayyip Erdogan praised Vladimir Putin."}])
    summary = store.ingest([path], coder=coder, batch_size=8)
    assert (summary.new, summary.failed) == (2, 1)
    assert store.counts()["articles"] == 2
    assert store.failures()[0]["stage"] == "store"


def test_batch_size_one_and_large_give_the_same_store(tmp_path, coder, data_dir):
    counts = []
    for size in (1, 64):
        with Store(tmp_path / f"s{size}.duckdb") as s:
            s.ingest([data_dir / "pages", data_dir / "news.warc.gz"], coder=coder,
                     batch_size=size)
            counts.append(s.counts())
    assert counts[0] == counts[1]
