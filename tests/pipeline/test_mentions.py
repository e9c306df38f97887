import pytest


def codes(doc):
    return [(a.text, a.code) for a in doc.actors if a.via != "coref"]


@pytest.mark.parametrize("text,expected", [
    ("Pejabat senior AS tiba di Jakarta.", ("Pejabat senior AS", "USAGOV")),
    ("Tentara Myanmar menembaki desa itu.", ("Tentara Myanmar", "MMRMIL")),
    ("Polisi Malaysia menangkap tiga orang.", ("Polisi Malaysia", "MYSCOP")),
    ("Kremlin menolak tuduhan itu.", ("Kremlin", "RUSGOV")),
    ("Gedung Putih belum berkomentar.", ("Gedung Putih", "USAGOV")),
    ("Korea Utara menembakkan rudal.", ("Korea Utara", "PRK")),
    ("Uni Eropa dan PBB menyerukan gencatan senjata.", ("Uni Eropa", "IGOEUREEC")),
])
def test_indonesian_actors(id_pipeline, text, expected):
    assert expected in codes(id_pipeline(text, published="2022-01-10"))


@pytest.mark.parametrize("text,expected", [
    ("Russian troops crossed the border.", ("Russian troops", "RUSMIL")),
    ("U.S. officials declined to comment.", ("U.S. officials", "USAGOV")),
    ("The White House said nothing.", ("White House", "USAGOV")),
    ("NATO met in Brussels.", ("NATO", "IGOWSTNAT")),
    ("Indonesian police arrested two men.", ("Indonesian police", "IDNCOP")),
])
def test_english_actors(en_pipeline, text, expected):
    assert expected in codes(en_pipeline(text, published="2022-01-10"))


def test_person_code_depends_on_the_date(en_pipeline):
    text = "Donald Trump spoke in Ohio."
    assert en_pipeline(text, published="2019-05-01").actors[0].code == "USAGOV"
    assert en_pipeline(text, published="2022-05-01").actors[0].code == "USAELI"


def test_titled_unknown_person_gets_the_role_code(id_pipeline):
    doc = id_pipeline("Juru bicara Kemlu Rinaldo Suwarsono mengatakan hal itu.")
    person = next(a for a in doc.actors if a.kind == "person")
    assert person.name == "Rinaldo Suwarsono"
    assert person.code == "IDNGOV"


def test_acronyms_must_be_upper_case(en_pipeline):
    doc = en_pipeline("Tell us who won, as the WHO said.")
    assert [a.code for a in doc.actors if a.via == "kb"] == ["IGOUNOHLHWHO"]


def test_pronoun_and_clitic_resolve_to_the_last_person(id_pipeline):
    doc = id_pipeline("Joe Biden tiba di Tokyo. Dia bertemu perdana menteri.", published="2022-05-22")
    dia = next(a for a in doc.actors if a.text == "Dia")
    assert dia.name == "Joe Biden" and dia.code == "USAGOV"


@pytest.mark.parametrize("lang,text", [
    ("id", "Presiden Joko Widodo tiba di Moskow. Setelah bertemu Vladimir Putin, ia terbang ke Jakarta."),
    ("en", "Joe Biden arrived in Tokyo. After meeting Fumio Kishida, he flew to Seoul."),
])
def test_pronoun_after_a_fronted_clause_is_the_main_subject(id_pipeline, en_pipeline, lang, text):
    doc = (id_pipeline if lang == "id" else en_pipeline)(text, published="2022-05-22")
    pronoun = next(a for a in doc.actors if a.kind == "pronoun")
    assert pronoun.name in ("Joko Widodo", "Joe Biden")


def test_role_word_ending_a_place_name_is_not_a_role(en_pipeline):
    doc = en_pipeline("Students gathered near Tiananmen Gate and the Grand Hotel on Monday.",
                      published="2024-01-15")
    assert [a.text for a in doc.actors if a.via == "role"] == ["Students"]


def test_a_region_named_after_a_country_is_no_actor(en_pipeline, id_pipeline):
    doc = en_pipeline("Venezuela expelled diplomats from seven Latin American countries.", published="2024-07-30")
    assert "USA" not in {m.code for m in doc.actors}
    doc = id_pipeline("Venezuela mengusir diplomat dari tujuh negara Amerika Latin.", published="2024-07-30")
    assert "USA" not in {m.code for m in doc.actors}
