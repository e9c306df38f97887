"""Source and target of a matched event pattern, from the actor mentions of its sentence
(a `Clause`) and the pack's grammar word lists (`pack.yaml`: passive, conjunctions,
clause_breaks, ...).
"""

from __future__ import annotations

from pantau.document import Mention
from pantau.pipeline._events_clause import Clause, Roles

COERCIVE_SECTORS = ("COP", "JUD", "MIL", "SPY")  # state organs that act on their own people
_RELATIVE_REACH = 6  # tokens from a subject to "yang"/"that" after its object ("Putin pada Sabtu menandatangani dekret yang")


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
        return _joined_roles(clause, match, previous, places)
    aside = clause.aside_of(first)
    if aside is not None and not any(aside[0] < a < first for a in clause.anchors):
        # the aside's first act: "Blinken, speaking at a meeting with Wang, said" (Blinken's)
        subject = next((s for s in clause.spans if s[1] == aside[0] - 1), None)
        target = _target([s for s in clause.spans if first < s[0] < aside[1]], subject, clause, places)
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
    left = _subject_candidates(clause, first, near, previous)
    inside = clause.inside(first, last)
    after = inside + [s for s in clause.right_of(last)
                      if s not in inside and not clause.has_break(last + 1, s[0])
                      and not (s[0] == last + 1 and s[2].via == "role"
                               and match.pattern.specificity > 1)]  # "kerja sama militer"
    found = _source_and_target(clause, match, left, near, after, agent, nominal, passive, places)
    if found is None:
        return None
    source_span, target_span, left = found
    return _expand(clause, match, source_span, target_span, left, after, agent if passive else None, places)


def _joined_roles(clause: Clause, match, previous: Roles, places: bool) -> Roles:
    """A verb joined to the previous one shares its subject, and its target when it names
    none ("spoke with Kagame and urged a ceasefire": urged Kagame)."""
    first, last = match.first, match.last
    after = [s for s in clause.right_of(last) if not clause.has_break(last + 1, s[0])]
    source = next(s for s in clause.spans if s[2] is previous.sources[0])
    target = _target(clause.inside(first, last) + after, source, clause, places)
    if match.pattern.target == "none":
        return Roles(previous.sources, None, subject=True)
    if target is None:
        return Roles(previous.sources, previous.target, previous.also, subject=True)
    more = [t[2] for t in _with_following(clause, target) if t is not target]
    return Roles(previous.sources, target[2], more, subject=True)


def _subject_candidates(clause: Clause, first: int, near: list, previous: Roles | None) -> list:
    """The actors before the verb that may be its subject: no places, no aside's actor;
    for a verb joined to an uncoded one, the sentence's subject however far back
    ("Blinken, speaking in Phnom Penh, said ... and urged Beijing")."""
    left = _skip_apposition(clause, first, [s for s in near if not _is_place(clause, s)])
    if previous is None and first and clause.lowers[first - 1] in clause.same_subject \
            and not any(s[1] == first - 2 and not _is_place(clause, s) for s in clause.spans):
        head = [s for s in clause.spans if s[1] < first and not clause.has_break(s[1] + 1, first)
                and not _is_place(clause, s) and not any(o < s[0] < c for o, c in clause.asides)]
        left = head[:1] or left
    if not left and not _is_passive(clause, first):  # "Putin menandatangani dekret yang menjatuhkan sanksi"
        left = _relative_head_subject(clause, first)
    return left


def _relative_head_subject(clause: Clause, first: int) -> list:
    """For a verb in a relative clause on a thing ("dekret yang menjatuhkan ...", "a decree
    that imposes ..."), the subject of the clause the thing belongs to."""
    rel = next((i for i in range(first - 1, 0, -1) if clause.lowers[i] in clause.relatives), None)
    if rel is None or clause.has_break(rel + 1, first) or any(s[1] >= rel - 1 for s in clause.spans if s[1] < first):
        return []
    return [s for s in clause.left_of(rel) if not clause.has_break(s[1] + 1, rel - 1)
            and not _is_place(clause, s) and rel - s[1] <= _RELATIVE_REACH][-1:]


def _source_and_target(clause: Clause, match, left: list, near: list, after: list, agent, nominal,
                       passive: bool, places: bool) -> tuple | None:
    """(source span, target span, left) by the shape of the clause: an actor noun, a noun
    with its agent after, a passive, a nominal with "oleh"/"by", an active subject, or an
    actor that follows (a noun's, a list's, a fronted phrase's main clause)."""
    first, last = match.first, match.last
    actor_noun = next((s for s in clause.spans if s[0] <= first <= s[1]), None)
    if actor_noun is not None and agent is None and not passive:
        # the anchor names its own actor: "protesters ... against the government"
        return actor_noun, _target([s for s in after if s is not actor_noun], actor_noun, clause, places), []
    if nominal == "agent":  # "kunjungan Macron ke Jakarta": the actor after the noun acts
        genitive = next((s for s in after if s[0] == first + 1), None)
        if genitive is None and agent is None:
            return None
        source = genitive or agent
        return source, _target(after, source, clause, places), []
    if passive:  # "X dikecam oleh Y", "X was condemned by Y"
        if agent is None:
            return None
        agents = _with_following(clause, agent)  # "dimediasi Qatar dan Mesir"
        target = left[-1] if left else _target([s for s in after if s not in agents], agent, clause, places)
        return agent, target, left
    if agent is not None and not left:  # "pencaplokan Krimea oleh Moskow"
        return agent, _target([s for s in after if s[0] < agent[0]], agent, clause, places), left
    if left:
        return left[-1], _target(after, left[-1], clause, places), left
    if after and not near and (_noun_kind(clause, clause.tokens[first]) or _included(clause, last)
                               or _fronted(clause, last, after[0])):
        # "ancaman Presiden AS Donald Trump untuk ...", "70 negara menawarkan bantuan kepada
        # Turki, termasuk AS ...", "In a telephone call, X told Y": the actor follows; a
        # verb's subject does not
        return after[0], _target(after[1:], after[0], clause, places), left
    return None


def _expand(clause: Clause, match, source_span, target_span, left: list, after: list,
            passive_agent, places: bool) -> Roles:
    """The roles with every source and target: the listed ones after "termasuk"/"including"
    (as sources, or as targets when the object is a bare role), the joined ones ("A dan
    B", the agents of a passive)."""
    last = match.last
    included = _included(clause, last) if source_span[2].via == "role" or not left else []
    if included:  # "70 negara telah menawarkan bantuan kepada Turki, termasuk AS, UE ..."
        if left:
            target_span = _target([s for s in after if s not in included], source_span, clause, places)
        else:
            target_span = source_span if source_span not in included else None
        sources = included
    else:
        sources = _with_following(clause, passive_agent) if source_span is passive_agent else \
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
