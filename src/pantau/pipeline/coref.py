"""Coreference: pronouns, speech clitics and bare roles linked to earlier actors.

Reads `actors`, `tokens`, `sentences`, `lang`. Writes `actors` (adds pronoun mentions and
fills in role mentions that had no country).

- A pronoun (dia, ia, beliau; he, she) or the `-nya` of a reporting verb (katanya) refers
  to the most recent person before it in the same sentence, else to the first person (the
  subject) of the nearest earlier sentence that has one; gendered pronouns skip persons
  of the other gender.
- An unknown name next to a reporting cue is a person, and a person named in full is
  later found by surname alone (`_coref_names`).
- "it"/"pihaknya" refer to the latest country or organisation; "kedua pemimpin" / "both
  sides" become two mentions, one for each of the last two actors.
- A role with no country ("juru bicaranya", "the spokesman") takes the country of the
  nearest earlier coded actor; a coded role that names a person's office ("pemimpin
  Rusia itu") takes the name of the latest person with that code.
"""

from __future__ import annotations

import functools
import re

from pantau.document import CodedDocument, Mention
from pantau.packs import fold, load_pack
from pantau.pipeline._coref_names import find_named_speakers, find_surname_repeats
from pantau.pipeline._gazetteer import lookup_place
from pantau.pipeline.places import find_dateline, place_regex
from pantau.settings import Options

_LOOKBACK = 3  # sentences
_PAIR_REACH = 5  # sentences back that "the two countries" looks for a joined pair
# Sectors of people on the ground (police, protesters, fishermen, reporters): with no
# country named they belong to the dateline's country.
_LOCAL = ("CVL", "COP", "MED", "AGR", "LAB", "BUS", "EDU", "HLH", "REF", "REL", "CRM")
_DOMESTIC = ("MIL", "REB")  # with no country named: the country the story is about
_OPPOSING = ("OPP",)  # with no country named: the government named after them in the sentence


class Coreference:
    name = "coref"
    requires = ("actors", "tokens", "sentences")
    assigns = ("actors",)

    def __init__(self, options: Options):
        self.languages = options.languages

    def __call__(self, doc: CodedDocument) -> CodedDocument:
        if doc.lang not in self.languages:
            return doc
        pack = load_pack(doc.lang)
        pronouns = find_pronouns(doc, pack)
        cues = {fold(c) for c in pack.cues.get("verbs", []) if " " not in c}
        named = doc.actors + find_named_speakers(doc, cues, doc.actors + pronouns)
        repeats = find_surname_repeats(doc, named + pronouns)
        mentions = sorted(named + repeats + pronouns, key=lambda m: m.start)
        pairs = find_pairs(doc, pack, mentions)
        pairs += find_plural_pairs(doc, pack, mentions, pairs)
        pairs += find_organisations(doc, pack, mentions)
        mentions = sorted([m for m in mentions if not any(p.start <= m.start < p.end for p in pairs)]
                          + pairs, key=lambda m: m.start)
        topic = topic_country(mentions)
        dateline = find_dateline(doc.text, pack.places)
        home = dateline.country if dateline else pack.meta.get("home_country")
        if dateline and topic and sum(1 for m in mentions if m.code and m.code[:3] == home) <= 1:
            home = topic  # "DUBAI - Iranian protesters ...": a story filed from elsewhere
        home_roles = {fold(w) for w in pack.meta.get("home_roles") or []}
        for i, mention in enumerate(mentions):
            if mention.via == "coref" and mention.code is None:
                resolve_pronoun(mention, mentions[:i], _after_fronted_clause(doc, mention, pack))
            elif home and mention.code is None and fold(mention.text) in home_roles:
                mention.code = home + (mention.sector or "")  # "pemerintah": the dateline's government
            elif mention.via in ("role", "title", "name") and mention.code is None or mention.via == "role":
                resolve_role(mention, mentions[:i], _demonstrative(doc, mention, pack),
                             _sentence_country(doc, mention, pack) or home, topic, mentions[i + 1:])
        doc.actors = mentions
        return doc


def find_pronouns(doc: CodedDocument, pack) -> list[Mention]:
    """Pronoun tokens, and the clitic of reporting verbs, as unresolved mentions."""
    words = {fold(w): "" for w in pack.pronouns.get("person", [])}
    words.update({fold(w): "m" for w in pack.pronouns.get("male", [])})
    words.update({fold(w): "f" for w in pack.pronouns.get("female", [])})
    neuter = {fold(w) for w in pack.pronouns.get("neuter", [])}
    cues = {fold(c) for c in pack.cues.get("verbs", [])}
    clitics = pack.clitics
    out = []
    taken = {(m.start, m.end) for m in doc.actors}
    for tok in doc.tokens:
        if (tok.lower in words or tok.lower in neuter) and (tok.start, tok.end) not in taken:
            kind = "pronoun" if tok.lower in words else "neuter"
            out.append(Mention(doc.text[tok.start:tok.end], tok.start, tok.end, None, None,
                               kind, tok.sentence, "coref", words.get(tok.lower) or None))
            continue
        for clitic in clitics:
            if tok.lower.endswith(clitic) and tok.lower[: -len(clitic)] in cues:
                start = tok.end - len(clitic)
                out.append(Mention("-" + doc.text[start:tok.end], start, tok.end, None, None,
                                   "pronoun", tok.sentence, "coref"))
    return out


def find_pairs(doc: CodedDocument, pack, before_all: list[Mention]) -> list[Mention]:
    """ "kedua pemimpin", "both sides": two mentions on one span, one for each of the last
    two actors of different countries."""
    phrases = sorted((fold(p) for p in pack.pronouns.get("pair", [])), key=len, reverse=True)
    if not phrases:
        return []
    out: list[Mention] = []
    joined = _joined_pairs(doc, pack, before_all)
    for m in _phrase_regex(tuple(phrases)).finditer(doc.folded()):
        sentence = doc.sentence_of(m.start())
        recent = [p for p in joined if p[1].end <= m.start() and p[1].sentence >= sentence - _PAIR_REACH]
        pair = list(recent[-1]) if recent else _last_two(before_all, m.start())
        for actor in pair:
            out.append(Mention(doc.text[m.start():m.end()], m.start(), m.end(), actor.code,
                               actor.name, "group", doc.sentence_of(m.start()), "coref"))
    return out


def _joined_pairs(doc: CodedDocument, pack, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """Two actors joined by a conjunction ("Saudi Arabia and Iran", "militer Sudan dan
    RSF"): what a later "the two countries" or "kedua pihak" most likely means."""
    conjunctions = {fold(w) for w in pack.meta.get("conjunctions") or []}
    coded = [m for m in mentions if m.code and m.via != "coref"]
    return [(a, b) for a, b in zip(coded, coded[1:])
            if a.code != b.code and fold(doc.text[a.end:b.start]).strip() in conjunctions]


def find_plural_pairs(doc: CodedDocument, pack, mentions: list[Mention], pairs: list[Mention]) -> list[Mention]:
    """ "they"/"them"/"mereka" right after a pair ("both leaders ... urged them") are the pair."""
    plural = {fold(w) for w in pack.pronouns.get("plural", [])}
    out = []
    for tok in doc.tokens:
        if tok.lower not in plural:
            continue
        recent = [p for p in pairs if p.end <= tok.start and p.sentence >= tok.sentence - 1]
        if not recent:
            continue
        last = [p for p in recent if (p.start, p.end) == (recent[-1].start, recent[-1].end)]
        out += [Mention(doc.text[tok.start:tok.end], tok.start, tok.end, p.code, p.name, "group",
                        tok.sentence, "coref") for p in last]
    return out


def find_organisations(doc: CodedDocument, pack, mentions: list[Mention]) -> list[Mention]:
    """ "the alliance", "the bloc": the latest international organisation named before."""
    phrases = [fold(p) for p in pack.pronouns.get("organisations", [])]
    if not phrases:
        return []
    igos = sorted((m for m in mentions if m.code and m.code.startswith("IGO") and m.kind != "pronoun"),
                  key=lambda m: m.end)
    out = []
    for m in _phrase_regex(tuple(phrases)).finditer(doc.folded()):
        before = [i for i in igos if i.end <= m.start()]
        if before:
            igo = before[-1]
            out.append(Mention(doc.text[m.start():m.end()], m.start(), m.end(), igo.code,
                               igo.name, "igo", doc.sentence_of(m.start()), "coref"))
    return out


@functools.lru_cache(maxsize=32)
def _phrase_regex(phrases: tuple[str, ...]) -> re.Pattern:
    """One word-bounded alternation, longest phrases first."""
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)")


def _last_two(mentions: list[Mention], offset: int) -> list[Mention]:
    """The last two actors of different countries before `offset`: people first ("both
    leaders"), else countries and organisations."""
    earlier = [m for m in mentions if m.end <= offset and m.code]
    for kinds in (("person",), ("person", "country", "igo")):
        found: list[Mention] = []
        for m in reversed([m for m in earlier if m.kind in kinds]):
            if all(m.code[:3] != f.code[:3] for f in found):
                found.append(m)
            if len(found) == 2:
                return found
    return []


def topic_country(mentions: list[Mention]) -> str | None:
    """The country named most often in the document (people count for their country)."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.code and m.via in ("kb", "title") and not m.code.startswith("IGO"):
            counts[m.code[:3]] = counts.get(m.code[:3], 0) + 1
    return max(counts, key=counts.get) if counts else None


def _sentence_country(doc: CodedDocument, mention: Mention, pack) -> str | None:
    """The country of the place named in the mention's sentence: the first after it
    ("pengunjuk rasa menyerbu ... di Baghdad", "rallied ... in Bangkok"), else the nearest
    before it."""
    regex = place_regex(doc.lang)
    if not doc.sentences or regex is None:
        return None
    sent = doc.sentences[mention.sentence]
    best = None
    for m in regex.finditer(doc.text, sent.start, sent.end):
        place = lookup_place(m.group(1).split()[0], pack.places) or lookup_place(m.group(1), pack.places)
        if place and place.country:
            distance = m.start() - mention.start if m.start() >= mention.start else 10_000 + mention.start - m.start()
            if best is None or distance < best[0]:
                best = (distance, place.country)
    return best[1] if best else None


def _after_fronted_clause(doc: CodedDocument, mention: Mention, pack) -> bool:
    """ "Setelah bertemu Putin, ia ...", "After meeting Putin, he ...": the pronoun is the
    subject of the main clause and does not point into the fronted one."""
    sent = doc.sentences[mention.sentence] if doc.sentences else None
    if sent is None:
        return False
    head = fold(doc.text[sent.start:mention.start]).split()
    breaks = {fold(w) for w in pack.meta.get("clause_breaks") or []}
    return bool(head) and head[0] in breaks and head[-1].endswith(",")


def resolve_pronoun(mention: Mention, before: list[Mention], fronted: bool = False) -> None:
    if mention.kind == "neuter":
        actor = next((m for m in reversed(before) if m.code and m.kind in ("country", "capital", "igo", "org", "body", "armed_group")
                      and m.sentence >= mention.sentence - 1), None)
        if actor:
            mention.code, mention.name = actor.code, actor.name
        return
    person = antecedent(mention, [m for m in before if m.sentence != mention.sentence] if fronted else before)
    if person:
        mention.code, mention.name = person.code, person.name
        mention.gender = mention.gender or person.gender


def antecedent(mention: Mention, before: list[Mention]) -> Mention | None:
    """The most salient earlier person compatible with the mention: the subject (first
    person) of its own sentence, else of the nearest earlier sentence that has one."""
    people = [m for m in before if m.kind == "person" and m.name and m.via != "role"
              and (not mention.gender or not m.gender or m.gender == mention.gender)]
    same = [m for m in people if m.sentence == mention.sentence]
    if same:
        return same[0]
    for back in range(1, _LOOKBACK + 1):
        earlier = [m for m in people if m.sentence == mention.sentence - back]
        if earlier:
            return earlier[0]
    return people[-1] if people else None


def _demonstrative(doc, mention: Mention, pack) -> bool:
    """ "pemimpin Rusia itu", "the spokesman": a role that points back at someone."""
    meta = pack.meta
    after = fold(doc.text[mention.end:mention.end + 12]).split()
    before = fold(doc.text[max(0, mention.start - 8):mention.start]).split()
    return bool(after and after[0].strip(".,") in {fold(w) for w in meta.get("demonstratives_after") or []}
                or before and before[-1] in {fold(w) for w in meta.get("demonstratives_before") or []})


def resolve_role(mention: Mention, before: list[Mention], points_back: bool = False,
                 home: str | None = None, topic: str | None = None,
                 after: list[Mention] = ()) -> None:
    """Give a role with no country one: people and crowds on the ground (police,
    protesters, fishermen) belong to the place or dateline's country; armed forces and
    rebels to the country the story is about; the opposition to the government it acts
    on in its sentence ("the opposition accused Yoon"); officials and the rest to the
    latest coded actor nearby."""
    if mention.code is None:
        sector = mention.sector if mention.sector != "-" else None
        if home and sector in _LOCAL:
            mention.code = home + sector
            return
        if topic and sector in _DOMESTIC:
            mention.code = topic + sector
            return
        opposed = next((m for m in after if m.sentence == mention.sentence and m.code
                        and m.code.endswith("GOV")), None) if sector in _OPPOSING else None
        if opposed is not None:
            mention.code = opposed.code[:3] + sector
            return
        reach = 0 if mention.via == "title" else _LOOKBACK
        coded = [m for m in before if m.code and m.kind != "pronoun"
                 and m.sentence >= mention.sentence - reach
                 and not (sector and m.code.startswith("IGO"))]  # an IGO has no "government"
        if coded:
            base = coded[-1].code[:3] if not coded[-1].code.startswith("IGO") else coded[-1].code
            mention.code = base if base.startswith("IGO") or not sector else base + sector
    if points_back and mention.kind == "person" and mention.name is None and mention.code:
        same = [m for m in before if m.kind == "person" and m.name and m.code == mention.code
                and m.sentence >= mention.sentence - 2 * _LOOKBACK]
        if same:
            mention.name = same[-1].name
