import pytest

from pantau.pipeline.langid import detect_language


@pytest.mark.parametrize("text,lang", [
    ("Menteri Luar Negeri Indonesia bertemu dengan mitranya dari Malaysia untuk membahas perbatasan.", "id"),
    ("Pemerintah akan mengirim bantuan kemanusiaan ke wilayah yang dilanda banjir.", "id"),
    ("The foreign minister met his Malaysian counterpart to discuss the border dispute.", "en"),
    ("Troops were sent to the region after the floods destroyed several bridges.", "en"),
    ("Le ministre des affaires étrangères a rencontré son homologue malaisien hier.", "unknown"),
    ("外務大臣は昨日マレーシアの外相と会談した。", "unknown"),
    ("", "unknown"),
])
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_stated_language_is_kept(id_pipeline):
    assert id_pipeline("The minister said so.").lang == "id"
