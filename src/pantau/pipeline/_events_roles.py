"""Source, target, negation and modality of a matched event pattern.

Works on one sentence: its tokens, its coded actor mentions and the pack's word lists
(`pack.yaml`: passive, conjunctions, clause_breaks; `modality.yaml`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from pantau.document import Mention
from pantau.packs import fold

_NEGATION_REACH = 3   # tokens before the anchor searched for a negator
COERCIVE_SECTORS = ("COP", "JUD", "MIL", "SPY")  # state organs that act on their own people
_MODAL_REACH = 4      # ... for future and hedge words


@dataclass
class Roles:
    sources: list[Mention]
    target: Mention | None
    also: list[Mention] = field(default_factory=list)  # further targets: "A, B and C"
    subject: bool = False  # the source is the clause's subject (a later ", warning" shares it)
    mutual: bool = False   # the sources act on one another ("clashes between A and B")

    @property
    def targets(self) -> list[Mention]:
        return [self.target, *self.also] if self.target is not None else []


@functools.lru_cache(maxsize=None)
def _grammar_words(lang: str) -> dict:
    """The pack's grammar word lists (pack.yaml, modality.yaml), folded once per language."""
    from pantau.packs import load_pack

    pack = load_pack(lang)
    meta = pack.meta
    passive = meta.get("passive") or {}

    def words(values) -> frozenset[str]:
        return frozenset(fold(str(w)) for w in values or [])

    out = {
        "passive_prefixes": tuple(fold(p) for p in passive.get("prefixes") or []),
        "auxiliaries": words(passive.get("auxiliaries")),
        "agents": words(passive.get("agents")),
        "perfect": words(passive.get("perfect")),
        "participles": tuple(fold(w) for w in meta.get("participle_suffixes") or []),
        "nominals": [(kind, (tuple(spec.get("prefixes") or [""]), tuple(spec.get("suffixes") or [""]),
                             bool(spec.get("exact"))))
                     for kind, spec in (meta.get("nominals") or {}).items()],
    }
    for name, key in (("conjunctions", "conjunctions"), ("same_subject", "same_subject"),
                      ("including", "including"), ("place_words", "place_prepositions"),
                      ("breaks", "clause_breaks"), ("relatives", "relatives"),
                      ("determiners", "determiners"), ("place_nouns", "place_nouns"),
                      ("refer_back", "object_refers_back"), ("mutual", "mutual"),
                      ("complementizers", "complementizers"), ("between", "between")):
        out[name] = words(meta.get(key))
    out["light_verbs"] = words(meta.get("light_verbs"))
    out["serial_comma"] = bool(meta.get("serial_comma"))
    modal = [w for key in ("future", "hedge", "agreement") for p in pack.modality.get(key, []) for w in p.split()]
    out["verb_helpers"] = out["auxiliaries"] | out["perfect"] | words(modal)
    out["modal_words"] = frozenset(fold(w) for key in ("future", "hedge", "negation", "agreement")
                                   for p in pack.modality.get(key, []) for w in p.split())
    return out


class Clause:
    """A sentence's tokens with its mentions placed on token indexes."""

    def __init__(self, text: str, tokens, mentions: list[Mention], pack, window: int):
        self.text = text
        self.tokens = tokens
        self.pack = pack
        self.window = window
        self.lowers = [t.lower for t in tokens]
        starts = [t.start for t in tokens]
        self.anchors: list[int] = []  # first tokens of the sentence's matched patterns
        self.spans = []  # (first token, last token, mention)
        for m in mentions:
            first = _index_at(starts, m.start)
            last = max(first, _index_at(starts, m.end - 1))
            self.spans.append((first, last, m))
        self.__dict__.update(_grammar_words(pack.code))

    def left_of(self, index: int) -> list[tuple[int, int, Mention]]:
        """Mentions before the token within the window (asides not counted), leaving out
        those inside an aside that the token is not part of."""
        return [s for s in self.spans if s[1] < index and index - s[1] - self._aside_length(s[1], index) <= self.window
                and not any(o < s[0] < c and not o < index < c for o, c in self.asides)]

    def _aside_length(self, lo: int, hi: int) -> int:
        """Tokens of the asides between two tokens: they do not count towards the window."""
        return sum(c - o + 1 for o, c in self.asides if lo < o and c < hi)

    @functools.cached_property
    def asides(self) -> list[tuple[int, int]]:
        """(opening comma, closing comma) of asides after an actor that start with a
        participle or a relative pronoun: "Blinken, speaking at an ASEAN meeting, said"."""
        out = []
        commas = [i for i, w in enumerate(self.lowers) if w == ","]
        for open_, close in zip(commas, commas[1:]):
            if open_ + 1 >= close or not any(s[1] == open_ - 1 for s in self.spans):
                continue
            word = self.lowers[open_ + 1]
            if word in self.relatives or (self.participles and word.endswith(self.participles)):
                out.append((open_, close))
        return out

    def aside_of(self, first: int) -> tuple[int, int] | None:
        return next(((o, c) for o, c in self.asides if o < first < c), None)

    def right_of(self, index: int) -> list[tuple[int, int, Mention]]:
        return [s for s in self.spans if s[0] > index and s[0] - index <= self.window]

    def inside(self, first: int, last: int) -> list[tuple[int, int, Mention]]:
        """Mentions starting within the match, after its anchor ("expel 23 Russian diplomats")."""
        return [s for s in self.spans if first < s[0] <= last]

    def has_break(self, lo: int, hi: int) -> bool:
        """A clause boundary between tokens lo..hi; a relative pronoun right after the
        actor ("Turkey, which has accused ...") keeps that actor as the subject."""
        for i in range(lo, hi):
            word = self.lowers[i]
            if word in self.relatives and all(w == "," for w in self.lowers[lo:i]):
                continue
            if word in self.breaks or word in ";:":
                return True
            if word == "," and i + 1 < len(self.lowers) and self.lowers[i + 1] in self.conjunctions:
                return True  # ", and Washington accused ...": a new clause
        return False


def find_roles(clause: Clause, match, previous: Roles | None = None,
               places_are_parties: bool = False, mediates: bool = False) -> Roles | None:
    """Source(s) and target for a match, or None when no source can be found (see
    `_roles`). Actors joined after "antara"/"between" act on one another ("pertempuran
    antara A dan B"), or, for a mediation, are its targets ("menjembatani komunikasi antara
    kedua pemimpin")."""
    parties = _between(clause, match)
    if parties and not mediates:
        return Roles(parties, None, mutual=True)
    roles = _roles(clause, match, previous, places_are_parties)
    if parties and roles is not None:
        targets = [p for p in parties if p not in roles.sources]
        return Roles(roles.sources, targets[0], targets[1:], roles.subject) if targets else roles
    return roles


def _roles(clause: Clause, match, previous: Roles | None, places_are_parties: bool) -> Roles | None:
    """Source(s) and target for a match, or None when no source can be found. A verb
    joined to the previous one ("mengusir duta besar Swedia dan menarik ...") shares its
    source. A capital after a place preposition is a place, not a party, unless
    `places_are_parties` ("arrived in Tokyo")."""
    first, last = match.first, match.last
    places = not places_are_parties  # see _target
    if previous is not None and first and _continues(clause, first) and _nominal(clause, match) is None:
        after = [s for s in clause.right_of(last) if not clause.has_break(last + 1, s[0])]
        inside = clause.inside(first, last)
        target = _target(inside + after, next(s for s in clause.spans if s[2] is previous.sources[0]), clause, places)
        if match.pattern.target == "none":
            return Roles(previous.sources, None, subject=True)
        if target is None:  # "spoke with Kagame and urged a ceasefire": urged Kagame
            return Roles(previous.sources, previous.target, previous.also, subject=True)
        more = [t[2] for t in _with_following(clause, target) if t is not target]
        return Roles(previous.sources, target[2], more, subject=True)
    aside = clause.aside_of(first)
    if aside is not None and not any(aside[0] < a < first for a in clause.anchors):
        # the aside's first act: "Blinken, speaking at a meeting with Wang, said" (Blinken's)
        subject = next((s for s in clause.spans if s[1] == aside[0] - 1), None)
        inner = [s for s in clause.spans if first < s[0] < aside[1]]
        target = _target(inner, subject, clause, places)
        return Roles([subject[2]], target[2] if target else None)
    passive = _is_passive(clause, first) or any(_is_passive(clause, i) and clause.auxiliaries for i in match.tokens)
    agent = _agent_after(clause, last)
    if agent is None and clause.passive_prefixes and _is_passive(clause, last):
        # "diusir Malaysia", "dihadiri para menteri": the agent may follow with no "oleh"
        agent = next((s for s in clause.spans if s[0] == last + 1), None)
    nominal = "agent" if match.pattern.source == "target-first" else _nominal(clause, match)
    if agent is None and nominal == "patient":
        return None  # "the attack", "pembantaian": a noun with no agent is no coded act
    near = [s for s in clause.left_of(first) if not clause.has_break(s[1] + 1, first)]
    left = _skip_apposition(clause, first, [s for s in near if not _is_place(clause, s)])
    if previous is None and first and clause.lowers[first - 1] in clause.same_subject \
            and not any(s[1] == first - 2 and not _is_place(clause, s) for s in clause.spans):
        # "Blinken, speaking in Phnom Penh, said ... and urged Beijing": the verb joined to
        # an uncoded one shares the sentence's subject, however far back
        head = [s for s in clause.spans if s[1] < first and not clause.has_break(s[1] + 1, first)
                and not _is_place(clause, s) and not any(o < s[0] < c for o, c in clause.asides)]
        left = head[:1] or left
    inside = clause.inside(first, last)
    after = inside + [s for s in clause.right_of(last)
                      if s not in inside and not clause.has_break(last + 1, s[0])
                      and not (s[0] == last + 1 and s[2].via == "role"
                               and match.pattern.specificity > 1)]  # "kerja sama militer"
    actor_noun = next((s for s in clause.spans if s[0] <= first <= s[1]), None)
    if actor_noun is not None and agent is None and not passive:
        # the anchor names its own actor: "protesters ... against the government"
        source_span, left = actor_noun, []
        target_span = _target([s for s in after if s is not actor_noun], source_span, clause, places)
    elif nominal == "agent":  # "kunjungan Macron ke Jakarta": the actor after the noun acts
        genitive = next((s for s in after if s[0] == first + 1), None)
        if genitive is None and agent is None:
            return None
        source_span, left = genitive or agent, []
        target_span = _target(after, source_span, clause, places)
    elif passive:  # "X dikecam oleh Y", "X was condemned by Y"
        if agent is None:
            return None
        source_span = agent
        agents = _with_following(clause, agent)  # "dimediasi Qatar dan Mesir"
        target_span = left[-1] if left else _target([s for s in after if s not in agents], agent, clause, places)
    elif agent is not None and not left:  # "pencaplokan Krimea oleh Moskow"
        source_span = agent
        target_span = _target([s for s in after if s[0] < agent[0]], agent, clause, places)
    elif left:
        source_span = left[-1]
        target_span = _target(after, source_span, clause, places)
    elif after and not near and (_noun_kind(clause, clause.tokens[first]) or _included(clause, last)
                                 or _fronted(clause, last, after[0])):
        # "ancaman Presiden AS Donald Trump untuk ...", "70 negara menawarkan bantuan kepada
        # Turki, termasuk AS ...", "In a telephone call, X told Y": the actor follows (a
        # noun's, a list's, the main clause's after a fronted phrase); a verb's subject does not
        source_span = after[0]
        target_span = _target(after[1:], source_span, clause, places)
    else:
        return None
    included = _included(clause, last) if source_span[2].via == "role" or not left else []
    if included:  # "70 negara telah menawarkan bantuan kepada Turki, termasuk AS, UE ..."
        if left:
            target_span = _target([s for s in after if s not in included], source_span, clause, places)
        else:
            target_span = source_span if source_span not in included else None
        sources = included
    else:
        sources = _with_following(clause, agent) if passive and source_span is agent else \
            _with_conjuncts(clause, source_span)
        listed = _included(clause, last) if target_span is None or target_span[2].via == "role" else []
        if listed:  # "expelled diplomats from seven countries, including A, B and C"
            target_span = listed[0]
    if match.pattern.target == "none":
        target_span = None
    subject = bool(left) and source_span is left[-1]
    if target_span is None:
        return Roles([s[2] for s in sources], None, subject=subject)
    more = [t for t in _with_following(clause, target_span) if t is not target_span and t not in sources]
    return Roles([s[2] for s in sources], target_span[2], [t[2] for t in more], subject)


def _between(clause: Clause, match) -> list[Mention]:
    """The actors joined after "antara"/"between" that ends the match or follows it."""
    at = match.last if clause.lowers[match.last] in clause.between else match.last + 1
    if at >= len(clause.lowers) or clause.lowers[at] not in clause.between:
        return []
    start = next((s for s in clause.spans if at < s[0] <= at + 2), None)
    if start is None:
        return []
    joined = _with_following(clause, start)
    return [s[2] for s in joined] if len({s[2].code for s in joined}) > 1 else []


def _with_following(clause: Clause, span) -> list:
    """The target and the actors joined after it ("A, B dan C"; "both leaders" is two),
    short of one that a matched verb follows: the subject of a new clause."""
    out = [span] + [s for s in clause.spans if (s[0], s[1]) == (span[0], span[1]) and s is not span]
    current = span
    while True:
        nxt = [s for s in clause.spans if s[0] > current[1]]
        if not nxt:
            return out
        cand = min(nxt, key=lambda s: s[0])
        between = [w for w in clause.lowers[current[1] + 1:cand[0]] if w not in clause.determiners]
        if not between or len(between) > 2 or not all(w in clause.conjunctions or w == "," for w in between):
            return out
        if cand[1] + 1 in clause.anchors or (not clause.serial_comma and between[0] == ","
                                              and between[-1] in clause.conjunctions):
            return out  # "..., and Germany halted ...": a new clause's subject
        out.append(cand)
        current = cand


def _skip_apposition(clause: Clause, first: int, left: list) -> list:
    """ "Marco Rubio, a Cuban-American senator, accused ...": the subject is the actor
    before the apposition, not the one inside it."""
    at = first - 1
    while at > 0 and clause.lowers[at] in clause.verb_helpers:
        at -= 1
    if at < 1 or clause.lowers[at] != ",":
        return left
    opening = next((i for i in range(at - 1, -1, -1) if clause.lowers[i] == ","), None)
    if opening is None:
        return left
    before = [s for s in left if s[1] < opening]
    inside = [s for s in left if s[0] > opening]
    if before and inside and before[-1][1] == opening - 1:
        return before
    return left


def _included(clause: Clause, last: int) -> list:
    """The actors listed after "termasuk" / "including" later in the sentence."""
    at = next((i for i in range(last + 1, len(clause.lowers)) if clause.lowers[i] in clause.including), None)
    if at is None:
        return []
    listed, pos = [], at + 1
    for span in sorted(s for s in clause.spans if s[0] > at):
        gap = [w for w in clause.lowers[pos:span[0]] if w not in clause.determiners]
        if any(w != "," and w not in clause.conjunctions for w in gap):
            break
        listed.append(span)
        pos = span[1] + 1
    return listed


def _continues(clause: Clause, first: int) -> bool:
    """The verb continues the previous one's clause: "... dan menarik", "..., accusing"."""
    before = clause.lowers[first - 1]
    if before in clause.same_subject:
        return True
    anchor = clause.lowers[first]
    return before == "," and bool(clause.participles) and anchor.endswith(clause.participles)


def two_people(a: Mention, b: Mention) -> bool:
    """Two different named persons: not one actor even when their codes agree."""
    return a.kind == b.kind == "person" and bool(a.name and b.name) and a.name != b.name


def _target(candidates: list, source, clause: Clause, places: bool = True) -> tuple | None:
    """The first candidate that is not the source itself, nor the same actor under
    another name ("Rusia ... duta besarnya": RUSGOV and RUSGOV, RUS and RUSGOV), nor a
    possessive, nor (unless `places` is false) a place."""
    src = source[2]
    named = [s for s in candidates if s[2].via != "role"]
    if named:  # an actor named as such beats a bare role whose country was guessed
        candidates = named + [s for s in candidates if s[2].via == "role"]
    for span in candidates:
        m = span[2]
        if places and _is_place(clause, span):
            continue  # "met in Brussels": a place, not a party
        if m.via == "coref" and span[0] == span[1] and clause.lowers[span[0]] in clause.determiners:
            continue  # "sent their congratulations": a possessive, not a party
        if m is src or (m.code and src.code and m.code[:3] == src.code[:3]
                        and (m.code == src.code or len(m.code) == 3 or len(src.code) == 3)
                        and not two_people(m, src) and not _coerces(src, m)):
            continue
        return span
    return None


def _is_place(clause: Clause, span) -> bool:
    """A mention after a place preposition that names a place: a capital ("in Brussels"),
    or a country with a place noun ("in the South African capital", "di ibu kota Rusia")."""
    first, last, mention = span
    at, nouns = first - 1, 0
    while at >= 0 and (clause.lowers[at] in clause.place_nouns or clause.lowers[at] in clause.determiners):
        nouns += clause.lowers[at] in clause.place_nouns
        at -= 1
    if at < 0 or clause.lowers[at] not in clause.place_words:
        return False
    after = clause.lowers[last + 1] if last + 1 < len(clause.lowers) else ""
    return mention.kind == "capital" or nouns > 0 or after in clause.place_nouns


def refers_back(clause: Clause, match) -> str | None:
    """Whether the act's object is a thing named before ("welcomed the charges", "mengecam
    keputusan tersebut", "condemned the raid on the embassy"), so that its target is
    whoever did that thing: None when not (an actor before the noun, "the Russian attack",
    is its agent), else the root code the noun names ("the killing": 18) or ""."""
    lo, hi = match.first + 1, min(match.last + 4, len(clause.lowers))
    marker = next((i for i in range(lo, hi) if clause.lowers[i] in clause.refer_back), None)
    if marker is None and _is_passive(clause, match.first):  # "Pernyataan itu ditolak oleh Jakarta"
        lo, hi = max(0, match.first - 4), match.first
        marker = next((i for i in range(lo, hi) if clause.lowers[i] in clause.refer_back), None)
    if marker is None or any(lo <= s[0] <= marker + 1 for s in clause.spans):
        return None
    for i in (marker + 1, marker - 1):  # "the killing", "serangan itu"
        if lo <= i < len(clause.lowers) and clause.lowers[i] not in clause.refer_back:
            named = clause.pack.verbs.match([clause.lowers[i]], [clause.tokens[i].stem])
            if named:
                return named[0].pattern.code[:2]
    return ""


def is_mutual(clause: Clause, match) -> bool:
    """ "saling menuduh", "accused each other": the sources act on one another."""
    near = clause.lowers[max(0, match.first - 2):match.first] + clause.lowers[match.last + 1:match.last + 4]
    joined = " " + " ".join(near) + " "
    return any(f" {w} " in joined for w in clause.mutual)


def _coerces(source: Mention, target: Mention) -> bool:
    """The police, courts or army acting on a named person of their own country ("police
    arrested former Vice President Jorge Glas"): two actors, though one country."""
    return target.kind == "person" and bool(target.name) and (source.code or "")[3:6] in COERCIVE_SECTORS


def modality_of(clause: Clause, match) -> tuple[bool, str, bool]:
    """(negated, modality, intent) from the words before the anchor; intent is "refused"
    ("tidak akan", "refused to" before the act), "future" ("akan", "will") or "agreed"
    ("sepakat", "agreed to"), else None."""
    mod = clause.pack.modality
    start = match.first
    negated = _negated(clause.lowers[max(0, start - _NEGATION_REACH):start], mod, clause.modal_words)
    near = clause.lowers[max(0, start - _MODAL_REACH):start]
    future = "refused" if negated and _has_phrase(near, mod.get("refusal", [])) else \
        "future" if _has_phrase(near, mod.get("future", [])) else \
        "agreed" if _has_phrase(near, mod.get("agreement", [])) else None
    head = clause.lowers[:start]
    negated = negated or _has_phrase(head, mod.get("denial", []))
    if _has_phrase(head, mod.get("conditional", [])):
        return negated, "conditional", future
    if _has_phrase(near, mod.get("hedge", [])):
        return negated, "hypothetical", future
    return negated, "asserted", future


def _negated(before: list[str], mod: dict, modal: frozenset[str]) -> bool:
    """A negator right before the anchor, or separated from it only by other modal
    words ("tidak akan", "did not immediately" is not: "immediately" is not modal)."""
    words = list(before)
    while words:
        if _has_phrase(words[-3:], mod.get("negation", []), at_end=True):
            return True
        if words[-1] not in modal:
            return False
        words.pop()
    return False


@functools.lru_cache(maxsize=64)
def _folded(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(" " + fold(p) for p in phrases)


def _has_phrase(words: list[str], phrases: list[str], at_end: bool = False) -> bool:
    folded = _folded(tuple(phrases))
    joined = " " + " ".join(words)
    if at_end:
        return joined.endswith(folded)
    joined += " "
    return any(p + " " in joined for p in folded)


def _nominal(clause: Clause, match) -> str | None:
    """How a one-word pattern's noun takes its actors, from the pack's `nominals`:
    "patient" when the actor after it undergoes the act (pencaplokan Krimea, "the
    expulsion" after a determiner) so an agent (oleh, by) is needed; "agent" when the actor
    after it acts (kunjungan Macron, serangan Israel); None for a verb. A patient noun
    after a light verb ("melakukan pencaplokan") is the verb's act."""
    tok = clause.tokens[match.first]
    before = clause.lowers[match.first - 1] if match.first else ""
    if before in clause.light_verbs or (match.first > 1 and clause.lowers[match.first - 2] in clause.light_verbs):
        return None  # "melakukan pencaplokan", "carried out airstrikes"
    if match.pattern.specificity == 1 and before in clause.determiners:
        return "patient"
    kind = _noun_kind(clause, tok)
    return kind if kind == "patient" or match.pattern.specificity == 1 else None


def _fronted(clause: Clause, last: int, span) -> bool:
    """The match sits in a phrase fronted before the sentence's first comma, and the actor
    opens the main clause right after it ("In a telephone call on Wednesday, Jaishankar ...")."""
    comma = next((i for i, w in enumerate(clause.lowers) if w == ","), None)
    return comma is not None and last < comma and span[0] == comma + 1


def _noun_kind(clause: Clause, tok) -> str | None:
    """ "agent" or "patient" when the token has the affixes of one of the pack's `nominals`
    (kunjungan, pencaplokan), else None."""
    if tok.lower == tok.stem:
        return None
    for kind, affixes in clause.nominals:
        prefixes, suffixes, exact = affixes
        if exact and not any(tok.lower == tok.stem + x for x in suffixes):
            continue
        if any(tok.lower.startswith(p) for p in prefixes) and any(tok.lower.endswith(x) for x in suffixes):
            return "agent" if kind.startswith("agent") else kind
    return None


def _is_passive(clause: Clause, index: int) -> bool:
    tok = clause.tokens[index]
    if clause.passive_prefixes and tok.lower != tok.stem:
        if any(tok.lower.startswith(p) and tok.stem != tok.lower and
               tok.lower[len(p):].startswith(tok.stem[:2]) for p in clause.passive_prefixes):
            return True
    if clause.auxiliaries and tok.lower.endswith(("ed", "en")):
        prev = clause.lowers[max(0, index - 2):index]
        nxt = clause.lowers[index + 1:index + 2]
        # "was condemned", or a reduced relative: "a tanker seized by the Guards" (but not
        # a perfect: "he had spoken by telephone")
        if any(w in clause.perfect for w in prev):
            return any(w in clause.auxiliaries for w in clause.lowers[index - 1:index])
        return any(w in clause.auxiliaries for w in prev) or bool(nxt and nxt[0] in clause.agents)
    return False


def _agent_after(clause: Clause, last: int):
    """The actor right after an agent marker (oleh, by) following the match, unless another
    passive verb comes first and owns it ("signed ... after talks mediated by the AU")."""
    for i in range(last + 1, min(len(clause.lowers), last + clause.window)):
        if _is_passive(clause, i):
            return None
        if clause.lowers[i] in clause.agents:
            for span in clause.spans:
                if span[0] in (i + 1, i + 2):
                    return span
            return None
        if clause.lowers[i] in ".;":
            return None
    return None


def _with_conjuncts(clause: Clause, span) -> list:
    """The source and the actors joined to it by "dan"/"and"/"," just before it, or
    sharing its words ("kedua pemimpin" stands for two actors)."""
    together = [s for s in clause.spans if (s[0], s[1]) == (span[0], span[1]) and s is not span]
    if together:
        return [span, *together]
    out = [span]
    current = span
    while True:
        prev = [s for s in clause.spans if s[1] < current[0]]
        if not prev:
            break
        cand = prev[-1]
        between = [w for w in clause.lowers[cand[1] + 1:current[0]] if w not in clause.determiners]
        if between and all(w in clause.conjunctions or w == "," for w in between) and len(between) <= 2:
            out.insert(0, cand)
            current = cand
        else:
            break
    return out


def _index_at(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo
