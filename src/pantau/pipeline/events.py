"""Events: who did what to whom, coded in CAMEO with PLOVER, Goldstein and quad class.

Reads `tokens`, `sentences`, `actors`, `lang`. Writes `events`.

For every sentence the pack's verb patterns are matched over token forms and stems (see
`pantau.patterns`); overlapping matches keep the most specific. Each match takes a source
and a target from the actor mentions around it (`_events_roles`), a negation or modality
flag from the words before its anchor, and becomes one event (two for reciprocal codes).
Then, over the whole document: acts with no target answer earlier acts (`answer_latest`),
mediations reach both parties of a deal (`mediated`), protests and police coercion with no
target are aimed at home (`at_home`), implied converses are added, acts that need a target
and found none are dropped, and restatements are merged. The settings behind each step are
in `data/settings.toml` ([events]).
"""

from __future__ import annotations

import functools
from dataclasses import replace

from pantau.document import ActorRef, CodedDocument, Event, Evidence, Mention
from pantau.packs import load_codebook, load_pack
from pantau.patterns import best_matches
from pantau.pipeline._events_clause import Clause, Roles
from pantau.pipeline._events_modality import modality_of
from pantau.pipeline._events_roles import COERCIVE_SECTORS, find_roles, is_mutual, refers_back, two_people
from pantau.settings import Options

# Roots whose source, when a bare country, stands for its government (verbal and
# diplomatic acts); material acts keep the plain country (DESIGN.md conventions).
_VERBAL_ROOTS = {"01", "02", "03", "04", "05", "10", "11", "12", "13", "16"}


class EventCoder:
    name = "events"
    requires = ("tokens", "sentences", "actors")
    assigns = ("events",)

    def __init__(self, options: Options):
        self.options = options
        self.codebook = load_codebook()

    def __call__(self, doc: CodedDocument) -> CodedDocument:
        if doc.lang not in self.options.languages:
            doc.events = []
            return doc
        pack = load_pack(doc.lang)
        by_sentence: dict[int, list] = {}
        for tok in doc.tokens:
            by_sentence.setdefault(tok.sentence, []).append(tok)
        coded = [m for m in doc.actors if m.code]
        quoted = [(q.start, q.end) for q in doc.quotes if q.direct]
        events: list[Event] = []
        referring: dict[int, str] = {}  # events whose object is a thing done before: its root
        for index, tokens in by_sentence.items():
            mentions = [m for m in coded if m.sentence == index]
            if mentions:
                clause = Clause(doc.text, tokens, mentions, pack, self.options.window)
                events += self.code_sentence(doc, clause, index, quoted, referring)
        no_target = _no_target_rules(pack.code)
        events = self.answer_latest(events, no_target, referring)
        crowds = {(m.start, m.end) for m in doc.actors if m.sector == "-"}  # a country's people
        events = self.add_converses(self.at_home(self.mediated(events), crowds))
        events = [e for e in events if e.target is not None or e.root not in self.options.needs_target]
        doc.events = merge_duplicates(events)
        return doc

    def code_sentence(self, doc, clause: Clause, index: int, quoted: list, referring: dict) -> list[Event]:
        """The events of one sentence's matches, in order: a verb joined to an earlier one
        shares its subject (`previous`); what an appeal or accusation asks for is skipped."""
        events: list[Event] = []
        previous = prior = None  # the subject's roles; the last match's roles and match
        matches = best_matches(clause.pack.verbs.match(clause.lowers, [t.stem for t in clause.tokens]))
        clause.anchors = [m.first for m in matches]
        for match in matches:
            anchor = clause.tokens[match.first].start
            if any(start <= anchor < end for start, end in quoted):
                continue  # words inside a quote are the speaker's, not reported acts
            code = match.pattern.code
            roles = find_roles(clause, match, previous, code.startswith(self.options.place_is_party),
                               code.startswith(self.options.mediation))
            if roles is None:
                continue
            if prior is not None and self.in_complement(clause, match, roles, *prior):
                previous = roles  # "... that the companies apologize and pay": both asked
                continue  # "accused Rwanda of waging war": what is asked or alleged did not happen
            thing = refers_back(clause, match) if code[:2] in self.options.answering_roots else None
            if thing and thing in self.codebook and self.codebook[thing].quad == 4:
                roles = Roles(roles.sources, None, subject=roles.subject)  # "condemned the strikes on Yemen"
            coded_events = self.code_match(doc, clause, match, roles, index)
            events.extend(coded_events)
            if roles.subject:  # a passive or nominal in between is no subject to share
                previous = roles
            prior = (roles, match)
            if thing is not None and roles.target is None:
                referring.update({id(e): thing for e in coded_events})
        return events

    def in_complement(self, clause: Clause, match, roles, prior_roles, prior_match) -> bool:
        """Whether the match is what the previous match asks for or alleges: its source is
        that match's target ("accused Rwanda of waging war"), it is an infinitive ("called on
        Rwanda to pull out and on the M23 to halt its offensive"), or it is joined right after
        a pattern that took the complement in ("demanding that X apologize and pay")."""
        if prior_match.pattern.code[:2] not in self.options.complement_roots or prior_roles.target is None:
            return False
        before = clause.lowers[match.first - 1] if match.first else ""
        return prior_roles.target in roles.sources or before in clause.complementizers or (
            prior_match.last == match.first - 2 and before in clause.same_subject)

    def answer_latest(self, events: list[Event], no_target: set[str], referring: dict[int, str]) -> list[Event]:
        """An act with no target takes the target of the same kind of act by another actor
        in this or the two sentences before ("Britain and Canada announced matching
        sanctions"), or answers an earlier act of another actor, whose source becomes its
        target. An act on a thing named before answers the latest act of the
        kind the thing names ("condemned the killing": 18-20); a thing of no known kind
        ("welcomed the charges"), the latest act in this or the two sentences before (for a
        conflict reaction a conflict act first). A reaction
        ("Jepang mengecam peluncuran itu") answers the latest material conflict in the four
        sentences before, else the latest verbal conflict in this or the previous sentence."""
        for i, ev in enumerate(events):
            if ev.target is not None or ev.rule in no_target:
                continue
            thing = referring.get(id(ev))
            reactive, refers = ev.root in self.options.reactive_roots, thing == ""
            earlier = [e for e in events[:i] if e.source.code[:3] != ev.source.code[:3]
                       and e.sentence <= ev.sentence and e.evidence.start != ev.evidence.start]
            alike = [e for e in earlier if e.root == ev.root and e.target is not None
                     and e.sentence >= ev.sentence - 2 and e.target.code[:3] != ev.source.code[:3]]
            if alike:  # "Britain and Canada announced matching sanctions": on the same target
                ev.target = alike[-1].target
                continue
            named = [e for e in earlier if thing and e.root == thing]
            if named:
                ev.target = named[-1].source
                continue
            if not (reactive or thing is not None):
                continue
            acts = [e for e in earlier if e.quad == 4 and e.sentence >= ev.sentence - 4] if reactive else []
            recent = [e for e in earlier if e.sentence >= ev.sentence - (2 if refers else 1)
                      and (refers or e.quad == 3)]
            if refers and ev.quad > 2:  # a conflict reaction answers a conflict act first
                recent = [e for e in recent if e.quad > 2] or recent
            if acts or recent:
                ev.target = (acts or recent)[-1].source
        return events

    def at_home(self, events: list[Event], crowds: set[tuple[int, int]]) -> list[Event]:
        """With no target named, a protest by a country's own people ("warga Palestina",
        "Iranians") is aimed at its government, and coercion by its police at its people (settings `home_target`;
        armed forces act abroad as often): an implied target, with empty text, at the
        evidence."""
        for ev in events:
            sector = self.options.home_target.get(ev.root)
            actor = ev.source.code[3:]
            named_only = ev.evidence.start >= ev.source.start and ev.evidence.end <= ev.source.end  # "Protesters"
            people = not actor and (ev.source.start, ev.source.end) in crowds  # "warga Palestina berunjuk rasa"
            if ev.target is None and sector and (len(actor) == 3 or people) and actor != sector and not named_only \
                    and actor not in self.options.abroad_sectors and not ev.source.code.startswith("IGO"):
                at = ev.evidence.start
                ev.target = ActorRef(ev.source.code[:3] + sector, None, "", at, at)
        return events

    def mediated(self, events: list[Event]) -> list[Event]:
        """A mediation ("a deal brokered by China") is aimed at both parties of the nearest
        joint or reciprocal act, in the two sentences before to the next, when it names
        none of its own or only one of them."""
        out = []
        for ev in events:
            if not ev.cameo.startswith(self.options.mediation):
                out.append(ev)
                continue
            deals = [e for e in events if e.target is not None and abs(e.sentence - ev.sentence - 0.5) <= 2
                     and (e.cameo.startswith(self.options.joint) or e.cameo[:3] in self.options.reciprocal)
                     and ev.source.code[:3] not in (e.source.code[:3], e.target.code[:3])]
            if not deals:
                out.append(ev)
                continue
            deal = min(deals, key=lambda e: (abs(e.sentence - ev.sentence), -e.sentence))
            if ev.target is not None and ev.target.code[:3] not in (deal.source.code[:3], deal.target.code[:3]):
                out.append(ev)
                continue
            out += [replace(ev, target=party, restated=[]) for party in (deal.source, deal.target)]
        return out

    def add_converses(self, events: list[Event]) -> list[Event]:
        """The converse of acts that imply one (a host's 043 implies the visitor's 042)."""
        out = []
        for ev in events:
            out.append(ev)
            code = self.options.converse.get(ev.cameo)
            if code and ev.target is not None:
                entry = self.codebook[code]
                out.append(replace(ev, source=ev.target, target=ev.source, cameo=code, root=entry.root,
                                   quad=entry.quad, goldstein=entry.goldstein, plover=entry.plover,
                                   restated=[]))
        return out

    @functools.lru_cache(maxsize=None)
    def government_targets(self, lang: str) -> bool:
        """Whether a bare country as the target of a verbal act is its government (the
        pack's `government_targets`; sources always are)."""
        return bool(load_pack(lang).meta.get("government_targets"))

    def code_match(self, doc, clause: "Clause", match, roles, sentence: int) -> list[Event]:
        """The events of one match with its roles: one per source and target."""
        negated, modality, intent = modality_of(clause, match)
        code = match.pattern.code
        if intent and modality == "asserted" and not (intent == "agreed" and code.startswith(self.options.agreed_done)):
            code = self.options.future_intent.get(code[:2], code)
        start = clause.tokens[match.first].start
        end = clause.tokens[match.last].end
        evidence = Evidence(doc.text[start:end], start, end)
        coded = [(code, negated)]
        refusal = self.options.refusal.get(match.pattern.code[:2])
        if intent == "refused" and modality == "asserted" and refusal:
            coded.append((refusal, False))  # "tidak akan membuka hubungan": the refusal is an act
        mutual = roles.mutual or is_mutual(clause, match)
        out = []
        for code, negated in coded:
            out += self.events_of(code, roles, match, evidence, sentence, negated, modality, doc.lang, mutual)
        return out

    def events_of(self, code: str, roles, match, evidence: Evidence, sentence: int,
                  negated: bool, modality: str, lang: str, mutual: bool = False) -> list[Event]:
        entry = self.codebook[code]
        out = []
        reciprocal = code[:3] in self.options.reciprocal or match.pattern.reciprocal or mutual
        joint = reciprocal or code.startswith(self.options.joint)
        for src, tgt in event_pairs(roles, reciprocal, joint):
            src_ref = _ref(src, entry.root in _VERBAL_ROOTS)
            tgt_ref = _ref(tgt, self.government_targets(lang) and entry.root in _VERBAL_ROOTS) \
                if tgt is not None else None
            if tgt_ref is not None and _same_actor(src_ref.code, tgt_ref.code, tgt) \
                    and not two_people(src, tgt):
                if len(roles.targets) > 1:
                    continue  # "kedua negara" holds the source itself: the other one is the target
                tgt_ref = None
            out.append(Event(src_ref, tgt_ref, code, entry.root, entry.quad, entry.goldstein,
                             entry.plover, evidence, match.pattern.id, sentence,
                             negated=negated, modality=modality))
        return out


@functools.lru_cache(maxsize=None)
def _no_target_rules(lang: str) -> frozenset[str]:
    return frozenset(p.id for p in load_pack(lang).verbs.patterns if p.target == "none")


def event_pairs(roles, reciprocal: bool, joint: bool = True) -> list[tuple]:
    """(source, target) pairs: one per source and target; both ways for reciprocal acts;
    between the joined sources themselves when they act jointly ("A and B agreed to
    restore relations in a deal brokered by C", "kedua pemimpin sepakat ..."); other acts
    stay one per source."""
    sources, targets = roles.sources, roles.targets
    if targets and len(sources) > 1 and all(t.via == "role" for t in targets):
        targets = []  # "A and B agreed to restore a military pact": a bare role is no party
    if len(sources) > 1 and (reciprocal or joint):
        return [(a, b) for a in sources for b in sources if a is not b]
    if not targets:
        return [(s, None) for s in sources]
    pairs = [(s, t) for s in sources for t in targets]
    if reciprocal:
        pairs += [(t, s) for s in sources for t in targets]
    return pairs


def _same_actor(a: str, b: str, target: Mention | None = None) -> bool:
    """The same actor, or a country and its own government ("USA" and "USAGOV"); a
    country's people ("18 Saudi nationals") are not, nor a named person its police or
    courts act on ("arrested former Vice President Jorge Glas")."""
    if a == b:
        return True
    if a[:3] != b[:3] or a.startswith("IGO") or (len(a) != 3 and len(b) != 3):
        return False
    return not (target is not None and (target.sector == "-" or target.kind == "person" and target.name
                                        and a[3:6] in COERCIVE_SECTORS))


def _ref(mention: Mention, as_government: bool) -> ActorRef:
    code = mention.code
    if as_government and len(code) == 3 and mention.kind == "country":
        code += "GOV"
    return ActorRef(code, mention.name, mention.text, mention.start, mention.end)


def merge_duplicates(events: list[Event]) -> list[Event]:
    """One event per (source, target, code, flags) in a document; restatements keep their
    evidence in `restated`."""
    seen: dict[tuple, Event] = {}
    out = []
    for ev in events:
        key = (ev.source.code, ev.target.code if ev.target else None, ev.cameo,
               ev.negated, ev.modality)
        first = seen.get(key)
        if first is None:
            seen[key] = ev
            out.append(ev)
        elif ev.evidence.start != first.evidence.start and \
                all(r.start != ev.evidence.start for r in first.restated):
            first.restated.append(ev.evidence)
    return out
