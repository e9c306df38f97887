"""Event routes against a live server: filters, sorting, paging, one event with its
evidence and article, the dyad series and the dashboard's aggregates."""

from __future__ import annotations

import pytest

from livedb import by_evidence


def events(client, **params):
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def triples(page):
    return {(e["source"]["code"], e["cameo"], (e["target"] or {}).get("code")) for e in page["items"]}


def test_lists_counted_events_newest_first(client):
    page = events(client)
    assert page["total"] == 10 and page["limit"] == 50 and page["offset"] == 0
    dates = [e["date"] for e in page["items"]]
    assert dates == sorted(dates, reverse=True)
    assert all(e["counted"] and not e["negated"] for e in page["items"])


def test_negated_events_only_on_request(client):
    assert events(client, q="did not meet")["total"] == 0
    page = events(client, q="did not meet", include_uncounted=True)
    assert page["total"] == 1
    assert page["items"][0]["negated"] is True and page["items"][0]["cameo"] == "044"


@pytest.mark.parametrize("params, expected", [
    ({"actor": "CHN"}, {("IDNGOV", "114", "CHNGOV"), ("IDNGOV", "125", "CHNGOV"),
                        ("CHNGOV", "016", None)}),
    ({"source": "USA"}, {("USAGOV", "111", "RUSGOV"), ("USA", "1312", "RUS")}),
    ({"target": "RUS"}, {("USAGOV", "111", "RUSGOV"), ("USA", "1312", "RUS")}),
    ({"dyad": "rus,usa"}, {("USAGOV", "111", "RUSGOV"), ("USA", "1312", "RUS"),
                           ("RUS", "161", "USAGOV")}),
    ({"cameo": "11,13"}, {("USAGOV", "111", "RUSGOV"), ("USA", "1312", "RUS"),
                          ("IDNGOV", "114", "CHNGOV")}),  # prefixes: 11 takes in 114
    ({"cameo": "111"}, {("USAGOV", "111", "RUSGOV")}),
    ({"root": "16"}, {("RUS", "161", "USAGOV")}),
    ({"quad": 4}, {("RUS", "161", "USAGOV")}),
    ({"plover": "agree"}, {("MYSGOV", "057", None)}),
    ({"since": "2024-05-13", "until": "2024-05-13"}, {("RUSGOV", "051", "TURGOV")}),
    ({"q": "KUNJUNGAN"}, {("IDNGOV", "043", "MYSGOV")}),
    ({"lang": "id", "cameo": "04"}, {("IDNGOV", "043", "MYSGOV")}),
])
def test_filters(client, params, expected):
    assert triples(events(client, **params)) == expected


@pytest.mark.parametrize("sort, key, reverse", [
    ("goldstein", "goldstein", False), ("-goldstein", "goldstein", True),
    ("date", "date", False), ("cameo", "cameo", False)])
def test_sorts(client, sort, key, reverse):
    values = [e[key] for e in events(client, sort=sort)["items"]]
    assert values == sorted(values, reverse=reverse)


def test_pages_cover_all_events_once(client):
    seen = []
    for offset in range(0, 12, 3):
        page = events(client, limit=3, offset=offset)
        assert page["total"] == 10
        seen += [e["id"] for e in page["items"]]
    assert len(seen) == 10 == len(set(seen))


@pytest.mark.parametrize("params", [
    {"limit": 501}, {"limit": 0}, {"offset": -1}, {"quad": 5}, {"since": "last week"},
    {"actor": "RUS;DROP TABLE events"}, {"cameo": "abc"}, {"sort": "evil"},
    {"dyad": "RUS"}, {"q": "x" * 201}])
def test_bad_parameters_are_422_json(client, params):
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    body = response.json()
    assert body["status"] == 422 and body["detail"].startswith("invalid request")
    assert body["errors"]


def test_sql_text_is_just_text(client):
    assert events(client, q="'; DROP TABLE events; --")["total"] == 0
    assert events(client)["total"] == 10


def test_one_event_with_evidence_and_article(client, all_events):
    listed = by_evidence(all_events, "criticized")
    response = client.get(f"/api/events/{listed['id']}")
    assert response.status_code == 200
    detail = response.json()
    event, article = detail["event"], detail["article"]
    assert event["id"] == listed["id"] and event["article_id"] == article["article_id"]
    text = article["text"]
    ev = event["evidence"]
    assert text[ev["start"]:ev["end"]] == ev["verb"] == "criticized"
    assert text[event["source"]["start"]:event["source"]["end"]] == "Joe Biden"
    assert detail["sentence_text"].startswith("WASHINGTON 🇺🇸: President Joe Biden criticized")
    assert listed["id"] in {e["id"] for e in article["events"]}


@pytest.mark.parametrize("event_id", ["nope", "a0000000000000000-0", "a1-x", "-1", "x" * 300])
def test_unknown_event_is_404(client, event_id):
    response = client.get(f"/api/events/{event_id}")
    assert response.status_code == 404
    assert response.json()["status"] == 404


def test_dyad_series_both_ways(client):
    body = client.get("/api/dyad", params={"a": "rus", "b": "usa", "by": "day"}).json()
    assert (body["a"], body["b"], body["by"]) == ("RUS", "USA", "day")
    rows = {(r["period"], r["source"]): r for r in body["series"]}
    assert rows[("2024-05-11", "USA")]["quad3"] == 1
    assert rows[("2024-05-14", "RUS")]["quad4"] == 1
    assert rows[("2024-05-14", "USA")]["goldstein_mean"] == -5.8
    assert rows[("2024-05-12", "RUS")]["events"] == 0  # quiet days are filled


def test_dyad_needs_codes(client):
    assert client.get("/api/dyad", params={"a": "RUS"}).status_code == 422
    assert client.get("/api/dyad", params={"a": "RUS", "b": "USA", "by": "year"}).status_code == 422


def test_volume_per_day(client):
    body = client.get("/api/volume").json()
    assert body["by"] == "day"
    series = {r["period"]: r for r in body["series"]}
    assert sorted(series) == ["2024-05-10", "2024-05-11", "2024-05-12", "2024-05-13", "2024-05-14"]
    assert sum(r["events"] for r in body["series"]) == 10
    assert series["2024-05-14"]["quad4"] == 1
    week = client.get("/api/volume", params={"by": "week", "actor": "RUS"}).json()["series"]
    assert sum(r["events"] for r in week) == 5


def test_top_dyads(client):
    top = client.get("/api/dyads").json()
    assert top[0] == {"a": "RUS", "b": "USA", "events": 3, "mentions": 3, "ab": 1, "ba": 2,
                      "goldstein_mean": pytest.approx(-3.933, abs=1e-3)}
    assert {(d["a"], d["b"]) for d in top} == {("RUS", "USA"), ("CHN", "IDN"), ("IDN", "MYS"),
                                               ("RUS", "TUR")}
    full = client.get("/api/dyads", params={"level": "full", "limit": 1}).json()
    assert len(full) == 1 and full[0]["a"].endswith("GOV")


def test_network(client):
    net = client.get("/api/network").json()
    edges = {(e["source"], e["target"]): e["events"] for e in net["edges"]}
    assert edges[("USA", "RUS")] == 2 and edges[("RUS", "USA")] == 1
    assert edges[("IDN", "CHN")] == 2
    nodes = {n["code"]: n["events"] for n in net["nodes"]}
    assert nodes["RUS"] == 4 and set(nodes) == {"RUS", "USA", "IDN", "CHN", "MYS", "TUR"}
