import datetime as dt

import pytest

from pantau.packs import fold, load_pack
from pantau.pipeline._dates_rules import DateRules

FRIDAY = dt.date(2021, 3, 19)


@pytest.mark.parametrize("lang,text,expected", [
    ("id", "Kremlin mengatakan pada hari Jumat", "2021-03-19"),
    ("id", "dalam wawancara yang disiarkan Rabu", "2021-03-17"),
    ("id", "Rabu pekan lalu", "2021-03-10"),
    ("id", "kemarin", "2021-03-18"),
    ("id", "dua hari lalu", "2021-03-17"),
    ("id", "10 tahun lalu", "2011-03-19"),
    ("id", "pada Januari lalu", "2021-01-01"),
    ("id", "pada 12 Juni 2019", "2019-06-12"),
    ("en", "on Wednesday", "2021-03-17"),
    ("en", "last month", "2021-02-19"),
    ("en", "three days ago", "2021-03-16"),
    ("en", "on March 3, 2020", "2020-03-03"),
    ("en", "yesterday", "2021-03-18"),
])
def test_dates_resolve_against_publication(lang, text, expected):
    found = DateRules(load_pack(lang).dates).find(fold(text))
    assert found, text
    start, end, resolve = found[0]
    assert resolve(FRIDAY).isoformat() == expected


def test_no_publication_date_leaves_relative_dates_open():
    (_, _, resolve), = DateRules(load_pack("id").dates).find(fold("kemarin"))
    assert resolve(None) is None


def test_event_gets_its_sentence_date(id_pipeline):
    doc = id_pipeline("Rusia mengecam Amerika Serikat pada hari Rabu.", published="2021-03-19")
    if doc.events:  # the event patterns decide whether this is an event; the date is ours
        assert doc.events[0].date == "2021-03-17"
        assert doc.events[0].date_text == "Rabu"
