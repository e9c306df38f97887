"""Reading documents: JSONL lines, plain text and HTML files, standard input.

Every reader yields `Record`s: a document dict (contract fields) or the reason it could not
be read, with where it came from, so a batch goes on past a bad line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterator

from pantau.document import CodedDocument
from pantau.errors import InputError
from pantau.settings import load_options

FIELDS = ("id", "text", "lang", "published", "title", "url", "source")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MIN_ARTICLE_CHARS = 40


@dataclass
class Record:
    origin: str                 # "file.jsonl:12", "page.html", "<stdin>"
    data: dict | None = None    # the document fields, when readable
    error: str | None = None    # why not, otherwise


def make_document(data: dict) -> CodedDocument:
    """A fresh CodedDocument from contract fields; checks `text`."""
    text = data.get("text")
    if not isinstance(text, str):
        raise InputError("the document has no 'text' string")
    limit = load_options().max_chars
    if len(text) > limit:
        raise InputError(f"the text has {len(text):,} characters, over the limit of {limit:,}")
    if "\x00" in text:
        raise InputError("the text holds NUL bytes: binary data, not an article")
    fields = {k: data.get(k) for k in FIELDS if k != "text"}
    fields = {k: (str(v) if v is not None else None) for k, v in fields.items()}
    return CodedDocument(text=text, **fields)


def read_source(path: str | Path, lang: str | None = None, published: str | None = None) -> Iterator[Record]:
    """Records from one path: `.jsonl` line by line, HTML, or a plain text file."""
    path = Path(path)
    name = str(path)
    if is_warc(name):
        yield from read_warc_source(path)
        return
    if is_feed(name):
        yield from read_feed_source(name)
        return
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        with path.open("rb") as handle:
            yield from read_jsonl(handle, name)
        return
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield Record(name, error=f"cannot read the file: {exc.strerror or exc}")
        return
    yield read_file_bytes(raw, name, path.suffix.lower() in HTML_SUFFIXES, lang, published)


def read_file_bytes(raw: bytes, name: str, is_html: bool, lang=None, published=None) -> Record:
    try:
        text = decode(raw)
    except InputError as exc:
        return Record(name, error=str(exc))
    if is_html or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        try:
            data = extract_html(text)
        except InputError as exc:
            return Record(name, error=str(exc))
    else:
        data = {"text": text}
    data.setdefault("id", Path(name).stem)
    if lang:
        data["lang"] = lang
    if published:
        data["published"] = published
    return Record(name, data=data)


def read_jsonl(handle: IO[bytes], name: str) -> Iterator[Record]:
    """One record per line; a bad line becomes an error record and reading goes on."""
    limit = load_options().max_line_bytes
    for number, line in enumerate(handle, start=1):
        origin = f"{name}:{number}"
        if not line.strip():
            continue
        if len(line) > limit:
            yield Record(origin, error=f"line of {len(line):,} bytes is over the limit of {limit:,}")
            continue
        try:
            data = json.loads(decode(line))
        except (InputError, ValueError) as exc:
            yield Record(origin, error=f"not a JSON object: {exc}")
            continue
        if not isinstance(data, dict):
            yield Record(origin, error="not a JSON object")
        elif not isinstance(data.get("text"), str):
            yield Record(origin, error="the object has no 'text' string")
        else:
            yield Record(origin, data=data)


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM), else UTF-16 with a BOM; binary data is refused."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    if b"\x00" in raw[:4096]:
        raise InputError("binary data (NUL bytes), not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(f"not UTF-8 text (byte {exc.start}): re-encode the file as UTF-8") from exc


def extract_html(html: str) -> dict:
    """Main text, title, date, site and URL of an HTML page (trafilatura)."""
    import trafilatura

    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                         favor_precision=True)
    if result is None:
        raise InputError("no article text found in the HTML page")
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = data.get("text") or ""
    if len(text.strip()) < MIN_ARTICLE_CHARS:
        raise InputError(f"no article text found in the HTML page (under {MIN_ARTICLE_CHARS} "
                         "characters of main text: a navigation or index page?)")
    return {"text": text, "title": data.get("title"), "published": data.get("date"),
            "url": data.get("url"), "source": data.get("sitename")}


# -- web archives, feeds, folders and URLs (used by `pantau ingest`) -------------------

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
FEED_SUFFIXES = (".rss", ".atom", ".rdf")


def is_warc(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


def is_feed(name: str) -> bool:
    return name.lower().endswith(FEED_SUFFIXES)


def is_url(location: str) -> bool:
    return location.startswith(("http://", "https://"))


def read_warc_source(path: str | Path) -> Iterator[Record]:
    from pantau.warc import read_warc

    yield from read_warc(path)


def read_feed_source(location: str, *, fetch: bool = True, delay: float = 1.0,
                     known=None) -> Iterator[Record]:
    from pantau.feeds import read_feed

    yield from read_feed(location, fetch=fetch, delay=delay, known=known)


def list_folder(folder: Path) -> list[Path]:
    """The files under a folder, sorted, hidden files and folders left out."""
    found = []
    for path in sorted(folder.rglob("*")):
        parts = path.relative_to(folder).parts
        if path.is_file() and not any(p.startswith(".") for p in parts):
            found.append(path)
    return found


def read_locations(locations, *, fetch: bool = True, delay: float = 1.0,
                   known=None) -> Iterator[Record]:
    """Records from paths, folders (recursively) and feed URLs, in the order given.
    `known(url)`, when given, tells which feed items need no fetching (already stored)."""
    for location in locations:
        yield from read_location(str(location), fetch=fetch, delay=delay, known=known)


def read_location(location: str, *, fetch: bool = True, delay: float = 1.0,
                  known=None) -> Iterator[Record]:
    path = Path(location)
    if is_url(location) or is_feed(location):
        yield from read_feed_source(location, fetch=fetch, delay=delay, known=known)
    elif path.is_dir():
        for child in list_folder(path):
            yield from read_location(str(child), fetch=fetch, delay=delay, known=known)
    elif not path.exists():
        yield Record(location, error="no such file or folder")
    else:
        yield from read_source(path)
