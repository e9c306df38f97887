"""Whatever the input, the pipeline returns a valid document whose offsets index its text."""

from hypothesis import given, settings, strategies as st

WORDS = st.sampled_from([
    "Presiden", "Joko", "Widodo", "mengecam", "Rusia", "Putin", "kata", "said", "“", "”", '"',
    "Kremlin", "menolak", ".", ",", "\n", "Biden", "met", "the", "Erdoğan", "Baca juga:", "dia",
    "katanya", "pada", "hari", "Jumat", "on", "Friday", "expelled", "diplomats", "oleh", "by",
    "Gedung Putih", "AS", "U.S.", "Jl.", "Dr.", " .", "–", "🇮🇩", "Moskow:", "tidak", "not",
])


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, max_size=60), st.sampled_from(["id", "en", None]))
def test_any_text_codes_to_a_valid_document(pipeline, validate, words, lang):
    from pantau.sources import make_document

    doc = pipeline(make_document({"text": " ".join(words), "lang": lang, "published": "2021-03-19"}))
    validate(doc.to_dict())
