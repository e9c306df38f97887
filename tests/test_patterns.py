"""The event pattern language (docs/language-packs.md) on its own."""

import pytest

from pantau.errors import PackError
from pantau.packs import load_codebook
from pantau.patterns import best_matches, compile_patterns

STEMS = {"condemned": "condemn", "phoned": "phone", "phones": "phone", "expelled": "expel"}


def stem(word):
    return STEMS.get(word, word)


def patterns(raw):
    return compile_patterns("en", raw, stem, load_codebook())


def run(pset, sentence):
    lowers = sentence.lower().split()
    return [(m.pattern.id, m.tokens) for m in best_matches(pset.match(lowers, [stem(w) for w in lowers]))]


def test_words_match_forms_and_stems_prefixes_and_alternatives():
    pset = patterns({"111": ["condemn"], "161": ["expel ... diplomat*|envoy"]})
    assert run(pset, "france condemned it") == [("en.verbs.111#1", (1,))]
    assert run(pset, "they expelled two russian diplomats") == [("en.verbs.161#1", (1, 4))]
    assert run(pset, "they expelled the envoy") == [("en.verbs.161#1", (1, 3))]


def test_gaps_are_bounded():
    pset = patterns({"161": ["expel ... diplomat*"]})
    assert run(pset, "expelled a b c d e f diplomats") == [("en.verbs.161#1", (0, 7))]
    assert run(pset, "expelled a b c d e f g diplomats") == []


def test_surface_only_elements_do_not_match_the_stem():
    pset = patterns({"041": ["=phoned"]})
    assert run(pset, "biden phoned erdogan") == [("en.verbs.041#1", (1,))]
    assert run(pset, "he sold phones") == []


def test_the_most_specific_overlapping_pattern_wins():
    pset = patterns({"114": ["summon ... ambassador"], "161": ["summon ... ambassador ... consultations"]})
    assert run(pset, "summon the ambassador for consultations") == [("en.verbs.161#1", (0, 2, 4))]


@pytest.mark.parametrize("raw", [{"999": ["x"]}, {"111": ["... condemn"]}, {"111": ["a ... ... b"]},
                                 {"111": ["a||b"]}])
def test_bad_patterns_are_named_errors(raw):
    with pytest.raises(PackError):
        patterns(raw)


def test_a_surface_form_at_the_start_matches_that_form_only():
    from pantau.patterns import compile_patterns
    from pantau.packs import load_codebook
    patterns = compile_patterns("en", {"190": ["=shelled"]}, lambda w: {"shelled": "shell"}.get(w, w),
                                load_codebook())
    assert patterns.match(["shelled"], ["shell"])
    assert not patterns.match(["shell"], ["shell"])
