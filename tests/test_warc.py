"""WARC/WARC.gz reading on a small archive built from our own pages (make_warc.py)."""

import gzip
from pathlib import Path

import pytest

from pantau.errors import InputError
from pantau.sources import read_location, read_source
from pantau.warc import extract_page, read_warc, site_of

DATA = Path(__file__).parent / "data" / "store"
WARC = DATA / "news.warc.gz"


def test_warc_yields_one_record_per_html_response():
    records = list(read_warc(WARC))
    assert len(records) == 4  # the redirect, the 404 and the PNG are no articles
    ok = [r for r in records if r.error is None]
    assert [r.data["url"] for r in ok] == [
        "https://www.kabarnusa.example/internasional/2021/03/19/putin-biden",
        "https://wartadunia.example/dunia/kremlin-tawaran-putin",
        "https://www.theglobalpost.example/world/erdogan-biden-putin",
    ]
    id_page = ok[0].data
    assert id_page["title"] == "Putin Tawarkan Bicara Lewat Telepon dengan Biden"
    assert id_page["published"] == "2021-03-19"
    assert id_page["source"] == "kabarnusa.example"
    assert "tawaran Presiden Vladimir Putin untuk berbicara melalui telepon" in id_page["text"]
    assert "Baca juga" not in id_page["text"] and "Beranda" not in id_page["text"]
    en_page = ok[2].data
    assert "Erdogan praised Putin's response" in en_page["text"]
    assert "All rights reserved" not in en_page["text"]
    assert en_page["published"] == "2021-03-18"


def test_navigation_page_is_an_error_with_its_offset_and_url():
    bad = [r for r in read_warc(WARC) if r.error]
    assert len(bad) == 1
    assert "no article text" in bad[0].error
    assert bad[0].origin.startswith(f"{WARC}@") and bad[0].origin.endswith("/indeks")


def test_uncompressed_warc_reads_the_same(tmp_path):
    plain = tmp_path / "news.warc"
    plain.write_bytes(gzip.decompress(WARC.read_bytes()))
    assert [r.data for r in read_warc(plain)] == [r.data for r in read_warc(WARC)]


def test_broken_warc_is_one_error_record(tmp_path):
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(b"this is not a web archive at all\n" * 3)
    records = list(read_warc(bad))
    assert len(records) == 1 and records[0].error


def test_sources_dispatch_to_warc_and_folders():
    assert len(list(read_source(WARC))) == 4
    names = [r.origin for r in read_location(str(DATA / "pages"))]
    assert len(names) == 4 and all(n.endswith(".html") for n in names)


def test_extract_page_refuses_empty_pages():
    with pytest.raises(InputError, match="no article text"):
        extract_page(b"<html><body><nav>Beranda</nav></body></html>", "https://x.example/")


@pytest.mark.parametrize("url, site", [("https://www.kompas.com/a", "kompas.com"),
                                       ("http://news.example:8080/x", "news.example"),
                                       (None, None)])
def test_site_of(url, site):
    assert site_of(url) == site
