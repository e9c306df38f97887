import pytest


def quotes(doc):
    return [(q.text, q.speaker.name if q.speaker else None) for q in doc.quotes]


@pytest.mark.parametrize("text,expected", [
    ("“Kami tidak akan mundur dari perairan itu,” kata Joe Biden.",
     [("Kami tidak akan mundur dari perairan itu,", "Joe Biden")]),
    ("Joe Biden mengatakan, “Kami siap membantu sekutu kami.”",
     [("Kami siap membantu sekutu kami.", "Joe Biden")]),
    ("Joe Biden tiba pagi ini. “Kami datang untuk mendengar,” katanya kepada wartawan.",
     [("Kami datang untuk mendengar,", "Joe Biden")]),
    ("“Ini langkah pertama,” kata Joe Biden. “Masih banyak yang harus dikerjakan.”",
     [("Ini langkah pertama,", "Joe Biden"), ("Masih banyak yang harus dikerjakan.", "Joe Biden")]),
    ("Biden menyebut pernyataan itu “omong kosong” dalam pidatonya.", []),
])
def test_indonesian_quotes(id_pipeline, text, expected):
    assert quotes(id_pipeline(text, published="2022-05-22")) == expected


@pytest.mark.parametrize("text,expected", [
    ('"We will not back down," Joe Biden said on Monday.',
     [("We will not back down,", "Joe Biden")]),
    ('"We will not back down," said Joe Biden, speaking in Warsaw.',
     [("We will not back down,", "Joe Biden")]),
    ("Joe Biden told reporters: “The alliance is stronger than ever.”",
     [("The alliance is stronger than ever.", "Joe Biden")]),
    ("Joe Biden arrived late. “It is a good day,” he said. “And a long one.”",
     [("It is a good day,", "Joe Biden"), ("And a long one.", "Joe Biden")]),
    ("He called the plan a 'nonstarter' on Monday.", []),
])
def test_english_quotes(en_pipeline, text, expected):
    assert quotes(en_pipeline(text, published="2022-05-22")) == expected


def test_quote_offsets_index_the_text(id_pipeline):
    doc = id_pipeline("“Kami siap,” kata Joe Biden.")
    (q,) = doc.quotes
    assert doc.text[q.start:q.end] == q.text
    assert doc.text[q.speaker.start:q.speaker.end] == q.speaker.text


@pytest.mark.parametrize("lang,text,expected", [
    ("id", "Menurut Joe Biden, kedua negara akan memperkuat kerja sama energi.",
     ("kedua negara akan memperkuat kerja sama energi", "Joe Biden", "Menurut")),
    ("id", "Joe Biden mengatakan bahwa pasukan AS akan tetap di Eropa.",
     ("pasukan AS akan tetap di Eropa", "Joe Biden", "mengatakan")),
    ("en", "The White House said on Monday that the talks would resume in Geneva.",
     ("the talks would resume in Geneva", "White House", "said")),
])
def test_reported_speech_is_an_indirect_quote(id_pipeline, en_pipeline, lang, text, expected):
    doc = (id_pipeline if lang == "id" else en_pipeline)(text, published="2022-05-22")
    (q,) = doc.quotes
    assert not q.direct
    assert (q.text, q.speaker.name, q.cue) == expected


def test_quote_running_over_two_paragraphs_keeps_its_speaker(en_pipeline):
    text = ('Joe Biden said: "We will rebuild the alliance and we will do it together.\n\n'
            '"Nobody should doubt our resolve in the years ahead."')
    doc = en_pipeline(text, published="2022-05-22")
    assert [q.speaker.name for q in doc.quotes if q.direct] == ["Joe Biden", "Joe Biden"]


def test_a_quote_after_a_colon_belongs_to_the_speaker_of_the_sentence(en_pipeline):
    doc = en_pipeline('Azerbaijani President Ilham Aliyev said in a televised address that Armenia had been '
                      'forced to accept the deal: "The iron fist has done its work."', published="2020-11-10")
    (quote,) = [q for q in doc.quotes if q.direct]
    assert quote.speaker.name == "Ilham Aliyev"
