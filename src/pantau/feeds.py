"""RSS and Atom feeds: reading them, fetching their pages politely, watching them.

`read_feed` yields one input record per feed item: the item's page when it can be had
(main text extracted with trafilatura), else the item's own summary. `watch_feeds` polls
feeds on a schedule, asking only for what changed (ETag / Last-Modified) and skipping
URLs it has seen; the store keeps that state, so a restarted watcher picks up where it was.
"""

from __future__ import annotations

import email.utils
import re
import time
import urllib.error
import urllib.request
import urllib.robotparser
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Callable, Iterator
from urllib.parse import urljoin, urlsplit

from pantau.errors import InputError
from pantau.sources import Record
from pantau.warc import extract_page, site_of

USER_AGENT = "pantau/0.1 (open event-data monitor; +https://pypi.org/project/pantau/)"
TIMEOUT = 20.0
MAX_BYTES = 10 * 1024 * 1024


@dataclass
class FeedItem:
    url: str | None
    title: str | None
    published: str | None
    summary: str | None


@dataclass
class Response:
    url: str
    status: int
    body: bytes
    etag: str | None
    last_modified: str | None


def local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def child_text(node, *names: str) -> str | None:
    for child in node:
        if local_name(child.tag) in names and (child.text or "").strip():
            return child.text.strip()
    return None


def item_link(node, base: str | None) -> str | None:
    """An item's link: RSS <link>text</link>, Atom <link rel="alternate" href=...>."""
    for child in node:
        if local_name(child.tag) != "link":
            continue
        href = child.get("href")
        if href and child.get("rel", "alternate") == "alternate":
            return urljoin(base or "", href.strip())
        if not href and (child.text or "").strip():
            return urljoin(base or "", child.text.strip())
    guid = child_text(node, "guid", "id")
    return guid if guid and guid.startswith("http") else None


def parse_date(value: str | None) -> str | None:
    """An RFC 822 (RSS) or ISO 8601 (Atom) date as an ISO string."""
    if not value:
        return None
    if re.match(r"\d{4}-\d{2}-\d{2}", value):
        return value.strip()
    try:
        return email.utils.parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError):
        return None


def html_to_text(fragment: str | None) -> str | None:
    if not fragment:
        return None
    import lxml.html

    try:
        text = lxml.html.fromstring(fragment).text_content()
    except Exception:  # not markup at all: keep the string as it is
        text = fragment
    return " ".join(text.split()) or None


def parse_feed(data: bytes, base: str | None = None) -> list[FeedItem]:
    """Items of an RSS 2.0, RSS 1.0 (RDF) or Atom feed; raises InputError otherwise."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError(f"not a well-formed feed: {exc}") from exc
    if local_name(root.tag) not in ("rss", "feed", "rdf"):
        raise InputError(f"not an RSS or Atom feed (root element <{local_name(root.tag)}>)")
    nodes = [n for n in root.iter() if local_name(n.tag) in ("item", "entry")]
    return [FeedItem(
        url=item_link(n, base),
        title=html_to_text(child_text(n, "title")),
        published=parse_date(child_text(n, "pubdate", "published", "updated", "date")),
        summary=html_to_text(child_text(n, "encoded", "content", "description", "summary")),
    ) for n in nodes]


def fetch_url(url: str, *, etag: str | None = None, last_modified: str | None = None,
              timeout: float = TIMEOUT) -> Response:
    """GET a URL with pantau's user agent, conditionally when validators are given."""
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:
            body = resp.read(MAX_BYTES + 1)
            if len(body) > MAX_BYTES:
                raise InputError(f"{url}: larger than {MAX_BYTES} bytes, skipped")
            return Response(resp.geturl(), resp.status, body, resp.headers.get("ETag"),
                            resp.headers.get("Last-Modified"))
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return Response(url, 304, b"", etag, last_modified)
        raise InputError(f"{url}: HTTP {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
        raise InputError(f"{url}: cannot fetch ({getattr(exc, 'reason', exc)})") from exc


class Robots:
    """robots.txt per host, read once; a host whose robots.txt cannot be had allows all."""

    def __init__(self, timeout: float = TIMEOUT):
        self.timeout = timeout
        self.parsers: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self.parsers:
            self.parsers[host] = self.read(host + "/robots.txt")
        parser = self.parsers[host]
        return parser is None or parser.can_fetch(USER_AGENT, url)

    def read(self, robots_url: str):
        try:
            body = fetch_url(robots_url, timeout=self.timeout).body
        except InputError:
            return None
        parser = urllib.robotparser.RobotFileParser(robots_url)
        parser.parse(body.decode("utf-8", "replace").splitlines())
        return parser


def item_record(item: FeedItem, feed: str, *, fetch: bool, robots: Robots | None,
                timeout: float) -> Record:
    """The item's page as a record, or its summary when the page cannot be had."""
    origin = item.url or f"{feed}#{item.title}"
    reason = "page not fetched"
    if fetch and item.url and (robots is None or robots.allowed(item.url)):
        try:
            page = fetch_url(item.url, timeout=timeout)
            data = extract_page(page.body, item.url, published=item.published)
            data["title"] = data.get("title") or item.title
            return Record(origin, data=data)
        except InputError as exc:
            reason = str(exc)
    elif fetch and item.url:
        reason = "robots.txt disallows the page"
    if item.summary:
        text = item.summary if not item.title else f"{item.title}.\n{item.summary}"
        return Record(origin, data={"text": text, "title": item.title,
                                    "published": item.published, "url": item.url,
                                    "source": site_of(item.url) or site_of(feed)})
    return Record(origin, error=f"no summary and {reason}")


def known_record(item: FeedItem) -> Record:
    """A stand-in for an item whose URL the store already holds: never fetched again, the
    store recognises it by its URL and counts it as stored."""
    return Record(item.url, data={"text": item.summary or item.title or item.url,
                                  "url": item.url, "title": item.title})


def feed_records(items: list[FeedItem], feed: str, *, fetch: bool = True,
                 delay: float = 1.0, timeout: float = TIMEOUT,
                 known: Callable[[str], bool] | None = None) -> Iterator[Record]:
    """Records for feed items, pausing `delay` seconds between page requests; items whose
    URL `known` says is stored are not fetched."""
    robots = Robots(timeout) if fetch else None
    fetched = 0
    for item in items:
        if known and item.url and known(item.url):
            yield known_record(item)
            continue
        if fetch and fetched and delay:
            time.sleep(delay)
        fetched += 1
        yield item_record(item, feed, fetch=fetch, robots=robots, timeout=timeout)


def read_feed(location: str, *, fetch: bool = True, delay: float = 1.0,
              timeout: float = TIMEOUT,
              known: Callable[[str], bool] | None = None) -> Iterator[Record]:
    """Records from a feed file or feed URL; a feed that cannot be read is one failure."""
    try:
        if location.startswith(("http://", "https://")):
            data = fetch_url(location, timeout=timeout).body
        else:
            with open(location, "rb") as fh:
                data = fh.read()
        items = parse_feed(data, location if "://" in location else None)
    except (InputError, OSError) as exc:
        yield Record(location, error=str(exc))
        return
    yield from feed_records(items, location, fetch=fetch, delay=delay, timeout=timeout,
                            known=known)


def parse_interval(text: str) -> float:
    """'15m', '30s', '2h', '1d' or plain seconds, as seconds."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", str(text).lower())
    if not match:
        raise InputError(f"cannot read the interval {text!r}: use e.g. 30s, 15m, 2h")
    value = float(match.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[match.group(2)]
    if value <= 0:
        raise InputError("the interval must be positive")
    return value


def poll_feed(store, feed: str, *, fetch: bool = True, delay: float = 1.0,
              timeout: float = TIMEOUT) -> tuple[list[Record], list[str]]:
    """New records of one feed since the last poll, and the URLs they came from."""
    etag, last_modified = store.feed_state(feed)
    response = fetch_url(feed, etag=etag, last_modified=last_modified, timeout=timeout)
    if response.status == 304:
        store.save_feed_state(feed, etag, last_modified, 304)
        return [], []
    items = parse_feed(response.body, feed)
    fresh = set(store.unseen([i.url for i in items if i.url]))
    new_items = [i for i in items if i.url in fresh]
    records = list(feed_records(new_items, feed, fetch=fetch, delay=delay, timeout=timeout))
    store.save_feed_state(feed, response.etag, response.last_modified, response.status)
    return records, [i.url for i in new_items]


def watch_feeds(store, feeds: list[str], every: float, *, polls: int | None = None,
                fetch: bool = True, delay: float = 1.0, timeout: float = TIMEOUT,
                ingest_options: dict | None = None,
                report: Callable[[str, object], None] | None = None,
                sleep: Callable[[float], None] = time.sleep) -> int:
    """Poll every feed each `every` seconds (`polls` rounds, forever when None)."""
    rounds = 0
    while polls is None or rounds < polls:
        started = time.monotonic()
        for feed in feeds:
            try:
                records, urls = poll_feed(store, feed, fetch=fetch, delay=delay,
                                          timeout=timeout)
            except InputError as exc:
                store.record_failure(feed, str(exc), stage="watch")
                if report:
                    report(feed, exc)
                continue
            summary = store.ingest_records(records, **(ingest_options or {}))
            store.mark_seen(urls, feed)
            if report:
                report(feed, summary)
        rounds += 1
        if polls is None or rounds < polls:
            sleep(max(0.0, every - (time.monotonic() - started)))
    return rounds
