import pytest

from pantau.pipeline.clean import Cleaner
from pantau.document import CodedDocument
from pantau.settings import load_options

SCRAPED_ID = """Gempa guncang Lombok, warga mengungsi | Berita Daerah

Gempa guncang Lombok, warga mengungsi |  Berita Daerah

Mataram: Gempa berkekuatan 5,8 mengguncang Lombok pada Selasa pagi.
Baca juga: Lima tips memilih sepatu lari untuk pemula
Warga yang memenangkan undian togel tahun lalu ikut mengungsi ke lapangan desa.
Bagikan artikel ini

Pengeluaran HK Data SGP Live Draw"""


@pytest.fixture(scope="module")
def cleaner():
    return Cleaner(load_options())


def clean(cleaner, text, title=None):
    return cleaner(CodedDocument(text=text, title=title))


def test_repeated_title_goes_and_becomes_the_title(cleaner):
    doc = clean(cleaner, SCRAPED_ID)
    assert doc.title == "Gempa guncang Lombok, warga mengungsi"
    assert doc.text.startswith("Mataram: Gempa")
    assert [r.kind for r in doc.removed].count("repeated_title") == 2


def test_related_links_share_lines_and_spam_go_body_stays(cleaner):
    doc = clean(cleaner, SCRAPED_ID)
    kinds = {r.kind for r in doc.removed}
    assert {"related_link", "spam"} <= kinds
    assert "Baca juga" not in doc.text
    assert "Pengeluaran HK" not in doc.text
    assert "Bagikan artikel ini" not in doc.text
    # a news sentence that mentions a lottery is article text
    assert "undian togel tahun lalu ikut mengungsi" in doc.text


@pytest.mark.parametrize("text,gone,kept", [
    ("Talks resume in Geneva | World\n\nTalks resume in Geneva | World\nDelegates met on Monday.\n"
     "Read more: Ten gadgets for your kitchen\nThey will meet again.\nBest online casino bonus - claim 200 free spins",
     ["Read more", "casino"], ["Delegates met on Monday.", "They will meet again."]),
    ("A court in Macau jailed a casino operator for illegal betting on Friday.",
     [], ["jailed a casino operator for illegal betting"]),
])
def test_english_pages(cleaner, text, gone, kept):
    doc = clean(cleaner, text)
    for item in gone:
        assert item not in doc.text
    for item in kept:
        assert item in doc.text


def test_known_title_is_removed_even_once(cleaner):
    doc = clean(cleaner, "Judul berita\n\nIsi berita pertama.", title="Judul berita")
    assert doc.text == "Isi berita pertama."


def test_plain_text_untouched(cleaner):
    text = "Satu kalimat saja tanpa judul."
    assert clean(cleaner, text).text == text


from hypothesis import given, settings, strategies as st

LINES = st.sampled_from([
    "Judul berita | Berita Dunia", "Baca juga: Lima tips hemat", "Pengeluaran HK",
    "Presiden bertemu menteri di Jakarta.", "Read more: Ten gadgets", "", "  ",
    "Best online casino bonus - 200 free spins", "The talks resumed on Monday.",
    "Warga memenangkan undian togel tahun lalu.", "<b>broken html", "\u00a0", "Share this article",
])


@settings(max_examples=80, deadline=None)
@given(st.lists(LINES, max_size=12), st.text(max_size=40))
def test_cleaning_never_crashes_and_is_idempotent(cleaner, lines, noise):
    text = "\n".join(lines) + noise
    once = clean(cleaner, text)
    twice = clean(cleaner, once.text, title=once.title)
    assert twice.text == once.text
    for kept in ("Presiden bertemu menteri di Jakarta.", "The talks resumed on Monday.",
                 "Warga memenangkan undian togel tahun lalu."):
        if lines.count(kept) == 1:  # a line repeated at the top is a title, by definition
            assert kept in once.text
