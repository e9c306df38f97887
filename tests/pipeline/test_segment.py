import pytest
from hypothesis import given, settings, strategies as st

from pantau.packs import load_pack
from pantau.pipeline.segment import split_sentences, tokenize

ABBR = load_pack("id").abbreviations | load_pack("en").abbreviations


def sentences(text):
    return [text[s.start:s.end] for s in split_sentences(text, ABBR)]


@pytest.mark.parametrize("text,expected", [
    ("Kantor itu di Jl. Merdeka No. 5 Jakarta. Polisi datang pukul 10.30.",
     ["Kantor itu di Jl. Merdeka No. 5 Jakarta.", "Polisi datang pukul 10.30."]),
    ("Jend. Sudirman dihormati. Prof. Dr. Ani hadir.", ["Jend. Sudirman dihormati.", "Prof. Dr. Ani hadir."]),
    ("Mr. Smith met U.S. officials on Monday. They agreed.", ["Mr. Smith met U.S. officials on Monday.", "They agreed."]),
    ("kata juru bicaranya, Dmitry Peskov. .\nDalam wawancara itu dia menjawab.",
     ["kata juru bicaranya, Dmitry Peskov. .", "Dalam wawancara itu dia menjawab."]),
    ("“Kami siap,” katanya. “Kami akan datang.”", ["“Kami siap,” katanya.", "“Kami akan datang.”"]),
    ("He said: \"We are ready.\" Then he left.", ["He said: \"We are ready.\"", "Then he left."]),
    ("Harga naik 2.5 persen pada 19/3. Inflasi tetap.", ["Harga naik 2.5 persen pada 19/3.", "Inflasi tetap."]),
])
def test_split_sentences(text, expected):
    assert sentences(text) == expected


def test_tokens_have_offsets_and_stems():
    text = "Rusia mengecam pencaplokan itu."
    sents = split_sentences(text, ABBR)
    tokens = tokenize(text, sents, load_pack("id").stem)
    assert [text[t.start:t.end] for t in tokens] == ["Rusia", "mengecam", "pencaplokan", "itu", "."]
    assert tokens[1].stem == "kecam"
    assert tokens[2].stem == "caplok"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?\n“”\"AB1Jl")), max_size=80))
def test_sentences_are_ordered_non_empty_and_inside_the_text(text):
    spans = split_sentences(text, ABBR)
    last = 0
    for span in spans:
        assert last <= span.start < span.end <= len(text)
        assert text[span.start:span.end].strip()
        last = span.end
