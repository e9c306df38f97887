"""Fixtures: a DuckDB store built from the fixture articles, served by a real uvicorn
server on 127.0.0.1 (one without a token, one with)."""

from __future__ import annotations

import httpx
import pytest

from livedb import TOKEN, build_store, serve_store


@pytest.fixture(scope="session")
def store_path(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("api") / "pantau.duckdb")


@pytest.fixture(scope="session")
def server(store_path):
    with serve_store(store_path) as live:
        yield live


@pytest.fixture(scope="session")
def token_server(store_path):
    with serve_store(store_path, token=TOKEN) as live:
        yield live


@pytest.fixture(scope="session")
def client(server):
    with httpx.Client(base_url=server.url, timeout=30) as c:
        yield c


@pytest.fixture(scope="session")
def token_client(token_server):
    with httpx.Client(base_url=token_server.url, timeout=30) as c:
        yield c


@pytest.fixture(scope="session")
def all_events(client):
    return client.get("/api/events", params={"limit": 500, "include_uncounted": True}).json()["items"]
