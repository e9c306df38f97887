"""Document routes against a live server: health, quotes, speakers, actors, one article
with its spans, and POST /api/code (token, size limit, the contract JSON)."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

import pantau
from livedb import TOKEN


def test_health(client):
    body = client.get("/api/health").json()
    assert body["status"] == "ok" and body["version"] == pantau.__version__
    assert body["store"] == "pantau.duckdb" and body["auth"] is False
    assert body["counts"]["articles"] == 5 and body["counts"]["events"] == 11


def test_health_says_when_a_token_is_needed(token_client):
    assert token_client.get("/api/health").json()["auth"] is True


def test_quotes_by_speaker_actor_and_text(client):
    biden = client.get("/api/quotes", params={"speaker": "biden"}).json()
    assert biden["total"] == 1
    quote = biden["items"][0]
    assert quote["text"] == "He has no soul at all,"
    assert quote["speaker"]["name"] == "Joe Biden" and quote["title"] == "Biden criticizes Putin"
    idn = client.get("/api/quotes", params={"actor": "IDN"}).json()["items"]
    assert {q["speaker"]["name"] for q in idn} == {"Lalu Muhammad Iqbal", "Joko Widodo"}
    found = client.get("/api/quotes", params={"q": "HUKUM LAUT"}).json()["items"]
    assert [q["speaker"]["name"] for q in found] == ["Lalu Muhammad Iqbal"]
    assert client.get("/api/quotes", params={"limit": 2}).json()["total"] == 5


def test_quote_offsets_index_the_article(client):
    for quote in client.get("/api/quotes").json()["items"]:
        article = client.get(f"/api/articles/{quote['article_id']}").json()
        assert article["text"][quote["start"]:quote["end"]] == quote["text"]


def test_speakers(client):
    speakers = client.get("/api/speakers").json()
    assert {s["name"] for s in speakers} == {"Dmitry Peskov", "Joe Biden", "Joko Widodo",
                                             "Lalu Muhammad Iqbal", "Recep Tayyip Erdogan"}
    assert all(s["quotes"] == 1 for s in speakers)
    assert [s["name"] for s in client.get("/api/speakers", params={"name": "pesk"}).json()] == [
        "Dmitry Peskov"]


def test_top_actors(client):
    actors = client.get("/api/actors", params={"limit": 3}).json()
    assert len(actors) == 3
    assert actors[0]["mentions"] >= actors[1]["mentions"] >= actors[2]["mentions"]
    rus = client.get("/api/actors", params={"code": "rus"}).json()
    assert {a["code"] for a in rus} == {"RUS", "RUSGOV"}


def test_article_spans_index_its_text(client, all_events):
    article_id = all_events[0]["article_id"]
    article = client.get(f"/api/articles/{article_id}").json()
    text = article["text"]
    for actor in article["actors"]:
        assert text[actor["start"]:actor["end"]] == actor["text"]
    for event in article["events"]:
        assert event["id"].startswith(article_id + "-")
        assert text[event["evidence"]["start"]:event["evidence"]["end"]] == event["evidence"]["verb"]
    assert article["story"]["articles"] == [article_id]


def test_xss_article_comes_back_as_data(client):
    page = client.get("/api/events", params={"q": "praised"}).json()
    article = client.get(f"/api/articles/{page['items'][0]['article_id']}").json()
    assert "<script>alert(1)</script>" in article["text"]
    assert article["title"].startswith("<img src=x onerror=alert(2)>")
    response = client.get(f"/api/articles/{article['article_id']}")
    assert response.headers["content-type"] == "application/json"


def test_unknown_article_is_404(client):
    response = client.get("/api/articles/missing")
    assert response.status_code == 404
    assert response.json() == {"status": 404, "detail": "no article 'missing' in the store"}


def test_code_returns_the_contract(client):
    text = "Joe Biden criticized Vladimir Putin on Friday."
    response = client.post("/api/code", json={"text": text, "lang": "en",
                                              "published": "2021-03-19", "id": "t1"})
    assert response.status_code == 200, response.text
    body = response.json()
    expected = pantau.code(text, lang="en", published="2021-03-19", id="t1").to_dict()
    assert body == json.loads(json.dumps(expected))
    schema = json.loads((resources.files("pantau") / "schema" / "document.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(body)


@pytest.mark.parametrize("payload", [
    {}, {"text": ""}, {"text": "x", "lang": "english"}, {"text": "x", "published": "soon"},
    {"text": "x", "extra": 1}, {"text": "x" * 100_001}])
def test_code_rejects_bad_input(client, payload):
    response = client.post("/api/code", json=payload)
    assert response.status_code == 422
    assert response.json()["status"] == 422


def test_code_rejects_a_large_body(client):
    big = json.dumps({"text": "a" * 1_100_000})
    response = client.post("/api/code", content=big, headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert "over 1,048,576 bytes" in response.json()["detail"]


def test_code_rejects_a_large_streamed_body(client):
    def chunks():
        for _ in range(20):
            yield b"a" * 100_000

    response = client.post("/api/code", content=chunks(),
                           headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_code_needs_the_token_when_set(token_client):
    body = {"text": "Joe Biden criticized Vladimir Putin."}
    missing = token_client.post("/api/code", json=body)
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    assert "Bearer" in missing.json()["detail"]
    wrong = token_client.post("/api/code", json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    right = token_client.post("/api/code", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert right.status_code == 200 and right.json()["text"] == body["text"]


def test_reads_need_no_token(token_client):
    assert token_client.get("/api/events").status_code == 200
