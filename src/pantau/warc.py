"""Web pages and web archives as input records.

`extract_page` turns one HTML page into a record (main text, title, date, site and URL,
with trafilatura). `read_warc` reads a WARC or WARC.gz file as Common Crawl's news crawl
publishes it and yields one `Record` per HTML response; a page with no main text yields an
error record, so the run records it and goes on.
"""

from __future__ import annotations

import os
from typing import Iterator
from urllib.parse import urlsplit

from pantau.errors import InputError
from pantau.sources import Record

MIN_TEXT = 40  # characters: less than this is a navigation page, not an article


def site_of(url: str | None) -> str | None:
    """The site an article came from: its host name without `www.`."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else (host or None)


def extract_page(html: bytes | str, url: str | None = None, *,
                 published: str | None = None) -> dict:
    """One HTML page as document fields; raises InputError when it holds no article."""
    from trafilatura import bare_extraction

    try:
        page = bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                               include_tables=False)
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise InputError(f"cannot parse the page: {exc}") from exc
    text = (page.text or "").strip() if page is not None else ""
    if len(text) < MIN_TEXT:
        raise InputError("no article text found in the page (navigation or empty page?)")
    title = page.title
    if title and text.startswith(title):
        text = text[len(title):].lstrip()
    page_url = url or page.url
    return {
        "text": text,
        "title": title,
        "published": page.date or published,
        "url": page_url,
        "source": site_of(page_url) or page.sitename,
    }


def is_html_response(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if record.http_headers.get_statuscode() != "200":
        return False
    ctype = record.http_headers.get_header("Content-Type") or "text/html"
    return "html" in ctype.lower()


def read_warc(path: str | os.PathLike) -> Iterator[Record]:
    """Records from the HTML responses of a WARC/WARC.gz file (compression detected)."""
    import zlib

    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    seen = 0
    try:
        check_header(path)
        with open(path, "rb") as fh:
            records = ArchiveIterator(fh)
            for record in records:
                seen += 1
                if not is_html_response(record):
                    continue
                body, error = read_body(record)
                origin = f"{path}@{records.get_record_offset()}"
                yield warc_record(record, body, origin) if error is None else \
                    Record(origin, error=error)
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError, InputError) as exc:
        yield Record(str(path), error=f"not a readable WARC file ({seen} records read): {exc}")
        return
    except OSError as exc:
        yield Record(str(path), error=f"cannot read the file: {exc}")
        return
    if seen == 0:
        yield Record(str(path), error="not a readable WARC file: no records in it")


def check_header(path: str | os.PathLike) -> None:
    """Refuse a file that does not open like a WARC (or ARC) file, gzipped or not."""
    import gzip

    with open(path, "rb") as fh:
        head = fh.read(2)
    opener = gzip.open if head == b"\x1f\x8b" else open
    with opener(path, "rb") as fh:
        start = fh.read(16)
    if not start.startswith((b"WARC/", b"filedesc://")):
        raise InputError("it does not start with a WARC header")


def read_body(record) -> tuple[bytes, str | None]:
    """The decoded HTTP body (read before asking the iterator for the offset)."""
    try:
        return record.content_stream().read(), None
    except Exception as exc:  # a truncated or badly encoded body: record it, go on
        return b"", f"cannot read the record: {exc}"


def warc_record(record, body: bytes, origin: str) -> Record:
    url = record.rec_headers.get_header("WARC-Target-URI")
    crawled = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
    origin = f"{origin} {url or ''}".strip()
    try:
        return Record(origin, data=extract_page(body, url, published=crawled))
    except InputError as exc:
        return Record(origin, error=str(exc))
