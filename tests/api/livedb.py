"""Test helpers shared by tests/api and tests/web: a DuckDB store built by ingesting the
fixture articles, and a real uvicorn server on 127.0.0.1 (a free port) serving it."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import uvicorn

from coder import fixture_code
from pantau.api import create_app
from pantau.store import Store

DATA = Path(__file__).parent / "data"
ARTICLES = DATA / "articles.jsonl"
TOKEN = "test-token-3f9a"  # the token of the test server that has one


def build_store(path: Path, sources=(ARTICLES,)) -> Path:
    """A store file at `path` holding the fixture articles."""
    with Store(path) as store:
        summary = store.ingest([str(s) for s in sources], coder=fixture_code)
    assert summary.failed == 0, summary.to_dict()
    return path


class LiveServer:
    """uvicorn in a thread, on a socket bound before start (no port race)."""

    def __init__(self, app):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run,
                                       kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


def serve_store(path: Path, token: str | None = None) -> LiveServer:
    return LiveServer(create_app(path, token=token))


def by_evidence(events: list[dict], verb: str) -> dict:
    """The first event whose evidence is `verb`."""
    found = [e for e in events if e["evidence"]["verb"] == verb]
    assert found, f"no event with evidence {verb!r}"
    return found[0]
