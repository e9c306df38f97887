"""Feeds and `watch`, against a local HTTP server on 127.0.0.1 serving fixture feeds and
pages (no other network)."""

import hashlib
import sys
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "store"))
from fakes import fake_code  # noqa: E402

from pantau.errors import InputError  # noqa: E402
from pantau.feeds import USER_AGENT, parse_feed, parse_interval, read_feed  # noqa: E402
from pantau.store import Store  # noqa: E402

DATA = Path(__file__).parent / "data" / "store"
MODIFIED = formatdate(1616112000, usegmt=True)  # 2021-03-19


class Site:
    """What the server serves and what it was asked."""

    def __init__(self):
        self.base = ""
        self.requests: list[tuple[str, dict]] = []
        self.extra_items = ""

    def feed(self, name: str) -> bytes:
        text = (DATA / name).read_text(encoding="utf-8").replace("{{BASE}}", self.base)
        if self.extra_items:
            text = text.replace("</channel>", self.extra_items + "</channel>")
        return text.encode("utf-8")

    def paths(self, prefix: str) -> list[str]:
        return [p for p, _ in self.requests if p.startswith(prefix)]


def make_handler(site: Site):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send(self, status, body=b"", ctype="text/html; charset=utf-8", headers=()):
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for key, value in headers:
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            site.requests.append((self.path, dict(self.headers)))
            if self.path == "/robots.txt":
                return self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
            if self.path == "/slow":
                time.sleep(2)
                return self.send(200, b"late")
            if self.path.endswith(".rss"):
                body = site.feed(self.path.lstrip("/"))
                etag = '"' + hashlib.sha1(body).hexdigest()[:12] + '"'
                if self.headers.get("If-None-Match") == etag:
                    return self.send(304, headers=[("ETag", etag)])
                return self.send(200, body, "application/rss+xml", [("ETag", etag)])
            if self.path.endswith(".atom"):
                if self.headers.get("If-Modified-Since") == MODIFIED:
                    return self.send(304)
                return self.send(200, site.feed(self.path.lstrip("/")),
                                 "application/atom+xml", [("Last-Modified", MODIFIED)])
            page = DATA / self.path.lstrip("/")
            if self.path.startswith("/pages/") and page.is_file():
                return self.send(200, page.read_bytes())
            return self.send(404, b"<h1>not found</h1>")

    return Handler


@pytest.fixture
def site():
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(site))
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()


def test_parse_rss():
    items = parse_feed((DATA / "kabarnusa.rss").read_bytes(), None)
    assert len(items) == 3
    first = items[0]
    assert first.url == "{{BASE}}/pages/kabarnusa-putin-biden.html"
    assert first.published.startswith("2021-03-19T02:15:00")
    assert first.summary.startswith("Kremlin mengatakan tawaran Presiden Vladimir Putin")
    assert "<p>" not in first.summary
    assert items[2].summary is None


def test_parse_atom():
    items = parse_feed((DATA / "globalpost.atom").read_bytes(), None)
    assert [i.title for i in items][1] == "Indonesia and Japan agree to deepen maritime cooperation"
    assert items[0].url.endswith("/pages/globalpost-erdogan-biden.html")
    assert items[1].summary == "Joko Widodo met Yoshihide Suga in Tokyo."
    assert items[0].published == "2021-03-18T16:40:00Z"


@pytest.mark.parametrize("data, message", [
    (b"<rss><channel><item>", "well-formed"),
    (b"<html><body>hi</body></html>", "not an RSS or Atom feed"),
])
def test_bad_feeds_are_input_errors(data, message):
    with pytest.raises(InputError, match=message):
        parse_feed(data)


@pytest.mark.parametrize("text, seconds", [("15m", 900), ("30s", 30), ("2h", 7200),
                                           ("1d", 86400), ("90", 90), ("0.5m", 30)])
def test_parse_interval(text, seconds):
    assert parse_interval(text) == seconds


def test_parse_interval_refuses_nonsense():
    with pytest.raises(InputError):
        parse_interval("often")


def test_read_feed_fetches_pages_or_falls_back_to_summaries(site):
    records = list(read_feed(site.base + "/kabarnusa.rss", delay=0))
    page, summary, failed = records
    assert "Dmitry Peskov" in page.data["text"]  # the whole page, not the summary
    assert "Baca juga" not in page.data["text"]
    assert page.data["url"] == site.base + "/pages/kabarnusa-putin-biden.html"
    assert summary.data["text"].startswith("Jokowi Bertemu Suga di Tokyo.\nPresiden Joko Widodo")
    assert summary.data["published"].startswith("2021-03-30")
    assert failed.error.startswith("no summary and") and "404" in failed.error
    agents = {h.get("User-Agent") for _, h in site.requests}
    assert agents == {USER_AGENT}


def test_feed_file_without_fetching_uses_summaries(tmp_path):
    feed = tmp_path / "feed.rss"
    feed.write_text((DATA / "kabarnusa.rss").read_text().replace("{{BASE}}", "http://127.0.0.1:9"))
    records = list(read_feed(str(feed), fetch=False))
    assert [r.error is None for r in records] == [True, True, False]
    assert "tawaran Presiden Vladimir Putin" in records[0].data["text"]


def test_unreachable_pages_fall_back_to_summaries(tmp_path):
    feed = tmp_path / "feed.rss"
    feed.write_text((DATA / "kabarnusa.rss").read_text().replace("{{BASE}}", "http://127.0.0.1:9"))
    records = list(read_feed(str(feed), delay=0, timeout=2))
    assert records[0].data["text"].startswith("Putin Tawarkan")
    assert "cannot fetch" in records[2].error


def test_robots_txt_is_obeyed(site):
    site.extra_items = (f"<item><title>Rahasia</title><link>{site.base}/private/x.html</link>"
                        "<description>Ringkasan berita rahasia tentang Putin.</description></item>")
    records = list(read_feed(site.base + "/kabarnusa.rss", delay=0))
    assert records[-1].data["text"].startswith("Rahasia")
    assert site.paths("/private/") == []


def test_slow_server_times_out(site):
    from pantau.feeds import fetch_url
    with pytest.raises(InputError, match="cannot fetch"):
        fetch_url(site.base + "/slow", timeout=0.3)


def test_watch_fetches_only_what_is_new(site, tmp_path):
    rss, atom = site.base + "/kabarnusa.rss", site.base + "/globalpost.atom"
    reports = []
    with Store(tmp_path / "w.duckdb") as store:
        rounds = store.watch([rss, atom], every=0, polls=2, coder=fake_code, delay=0,
                             report=lambda feed, outcome: reports.append((feed, outcome)),
                             sleep=lambda s: None)
        assert rounds == 2
        assert store.counts()["articles"] == 4  # 2 pages + 1 summary + 2 pages, 1 failure
        first_pages = sorted(site.paths("/pages/"))
        assert len(first_pages) == 5  # each item's page asked for once
        feed_requests = [h for p, h in site.requests if p in ("/kabarnusa.rss", "/globalpost.atom")]
        assert len(feed_requests) == 4
        assert "If-None-Match" in feed_requests[2] and "If-Modified-Since" in feed_requests[3]
        assert [o.new for _, o in reports] == [2, 2, 0, 0]

        site.extra_items = (f"<item><title>Baru</title><link>{site.base}"
                            "/pages/warta-putin-biden.html</link>"
                            "<pubDate>Sat, 20 Mar 2021 01:00:00 GMT</pubDate></item>")
        store.watch([rss], every=0, polls=1, coder=fake_code, delay=0, sleep=lambda s: None)
        assert sorted(site.paths("/pages/")) == sorted(
            first_pages + ["/pages/warta-putin-biden.html"])
        assert store.counts()["articles"] == 5
        etag, _ = store.feed_state(rss)
        assert etag


def test_watch_records_an_unreachable_feed_and_goes_on(site, tmp_path):
    with Store(tmp_path / "w.duckdb") as store:
        store.watch(["http://127.0.0.1:9/feed.rss", site.base + "/globalpost.atom"], every=0,
                    polls=1, coder=fake_code, delay=0, timeout=2, sleep=lambda s: None)
        assert store.counts()["articles"] == 2
        assert store.failures()[0]["origin"] == "http://127.0.0.1:9/feed.rss"


def test_store_ingests_a_feed_url(site, tmp_path):
    with Store(tmp_path / "i.duckdb") as store:
        summary = store.ingest([site.base + "/globalpost.atom"], coder=fake_code, delay=0)
        assert summary.new == 2
        pages = len(site.paths("/pages/"))
        assert store.ingest([site.base + "/globalpost.atom"], coder=fake_code,
                            delay=0).stored == 2
        assert len(site.paths("/pages/")) == pages  # stored pages are not fetched again


def test_watch_command(site, tmp_path, monkeypatch):
    from click.testing import CliRunner

    import pantau.store as store_pkg
    from pantau.cli_store import watch

    monkeypatch.setattr(store_pkg, "default_coder", lambda: fake_code)
    db = tmp_path / "cli.duckdb"
    result = CliRunner().invoke(watch, [site.base + "/globalpost.atom", "--every", "1s",
                                        "--polls", "2", "--delay", "0", "--db", str(db)])
    assert result.exit_code == 0, result.output
    lines = [l for l in result.output.splitlines() if "globalpost.atom" in l]
    assert "2 new" in lines[0] and "0 new" in lines[1]
