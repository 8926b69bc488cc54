"""Stage 4: the people — signatories (and for whom they signed) and witnesses.

For each reported signing: the person mentions of its sentences (doc.spans["persons"], read by
reading/persons.py) that the rules of patterns/slots/roles.yml give a role, kept only when they
are surely persons (a title, a degree or honorific, a name
the article gives a title elsewhere, or — full mode only — the NER model), named from elsewhere
in the article when the signing sentence gives only the office, and merged across mentions.
Speakers and attendees are neither signatories nor witnesses.
"""
from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from .context import Context
from .gazetteer import lookup
from .people import Person
from .person_words import acronyms, name_words, offices, person_lexicon, title_key
from .slots import fill

ROLE_RULES = "roles.yml"
ROLE_SLOTS = ("signatories", "witnesses", "speakers")  # not-linguistic: the slot names roles.yml fills
PRONOUN_SLOT = "signer_pronoun"  # not-linguistic: roles.yml's slot for a pronoun standing for the signer
SPEAKER = "speaker"   # not-linguistic: the value of a pronoun row whose antecedent is the one speaking


def _expanded(title: str | None, short_forms: dict) -> set:
    key = title_key(title)
    for w in list(key):
        if w in short_forms:
            key.discard(w)
            key |= title_key(" ".join(short_forms[w]))
    return key


def _head(title: str | None) -> str:
    key = [w for w in re.findall(r"[A-Za-z]+", (title or "").lower()) if w not in offices()["acting"]]
    return key[0] if key else ""


def resolve(person: Person, directory, short_forms: dict) -> None:
    """Give a person named only by office the name the article gives that office elsewhere."""
    if person.name or not person.title or person.title[:1].islower():
        return  # a title in lower case ("kepala desa") is a common noun, not one office
    key = _expanded(person.title, short_forms)
    if len(key) < 2:
        # an office named by its head alone ("disaksikan oleh Rektor") is the one person the
        # article names with that office, when it names exactly one
        holders = {d.name for d in directory() if d.name and _head(d.title) == _head(person.title)}
        if len(key) == 1 and len(holders) == 1 and _head(person.title) in offices()["single_holder"]:
            person.name = holders.pop()
        return
    for d in sorted(directory(), key=lambda d: abs(d.start - person.start)):
        if not d.name or _head(d.title) != _head(person.title):
            continue
        fuller = _expanded(d.title, short_forms)
        # the fuller title may add the kind of office, a short form or a region ("Kepala DPMPD
        # Kaltim" / "Kepala Dinas ... (DPMPD) Provinsi Kaltim"), not another institution's word
        # ("Rektor Universitas Riau" is not "Rektor Universitas Islam Riau")
        if key <= fuller and all(w in offices()["office_words"] or w in short_forms or lookup(w) for w in fuller - key):
            person.name = d.name
            return


def fuller_name(person: Person, persons: list[Person]) -> None:
    """A person named by one word ("Dubes Suryadi", "kata Harun") gets the fuller name the
    article gives the same person elsewhere ("Suryadi Pratama"): the one longer name whose
    first or last word it is, when there is exactly one. PERSONS: the article's person
    mentions' `._.person`."""
    if not person.name or " " in person.name:
        return
    word = person.name.lower()
    fuller = {q.name for q in persons if q.name and " " in q.name
              and word in (q.name.lower().split()[0], q.name.lower().split()[-1])}
    if len(fuller) == 1:
        person.name = fuller.pop()


def _same(a: Person, b: Person) -> bool:
    if a.name and b.name:
        wa, wb = set(a.name.lower().split()), set(b.name.lower().split())
        # "La Ode Abdul Munafi" and "La Ode Ahmad Saidi": titles of birth or nobility many share
        shared = wa & wb - _name_titles()
        return len(shared) >= min(2, len(wa), len(wb)) and bool(shared)
    return not a.name and not b.name and title_key(a.title) == title_key(b.title)


@lru_cache(maxsize=1)
def _name_titles() -> frozenset:
    lex = person_lexicon()
    return frozenset({w.lower() for w in lex["name_titles"]} | lex["balinese_name_words"] | {"i"})


def _merge(persons: list[Person]) -> list[Person]:
    out: list[Person] = []
    for p in persons:
        twin = next((o for o in out if _same(o, p)), None)
        if twin is None:
            out.append(p)
        elif p.title and len(title_key(p.title)) > len(title_key(twin.title)):
            twin.title = p.title  # the fuller wording of the office ("Rektor UNS Surakarta" over "Rektor")
    return out


# A "sentence" this short (a degree's letters after a stray full stop) is not one.
FRAGMENT_TOKENS = 2


class _Lazy:
    """A value computed on first call: most articles never need the NER model at all."""

    def __init__(self, compute):
        self._compute, self._value = compute, None

    def __call__(self):
        if self._value is None:
            self._value = self._compute()
        return self._value


# How many sentences after a signing sentence may name its witnesses without naming the
# signing again ("... menandatangani MoU. Kegiatan ini turut disaksikan oleh ...").
WITNESS_REACH = 2


def _with_witness_lines(ctx: Context, sentence_ids: list[int], signing_ids: set[int]) -> list[int]:
    """The signing sentences, plus the sentences that give their witnesses: one with a witness
    cue at most WITNESS_REACH sentences after a signing sentence (fragments a stray stop leaves
    behind, "Ph.D.Med.Sc.", do not count), or anywhere when it names a signing itself
    ("Turut menyaksikan penandatanganan MoU ini ...", "Acara tersebut disaksikan ...") and no other
    record claims it."""
    out = list(sentence_ids)
    recalled = {m.span for m in ctx.mentioned}  # a planned or earlier signing's witnesses are not these
    for j, sent in enumerate(ctx.sents):
        if j in out or j in ctx.headings or not ctx.rules("WITNESS", sent) or (sent.start, sent.end) in recalled:
            continue
        k, steps = j - 1, 0
        while k >= 0 and steps < WITNESS_REACH and k not in sentence_ids:
            steps += len(ctx.sents[k].span) > FRAGMENT_TOKENS
            k -= 1
        near = k >= 0 and k in sentence_ids and steps < WITNESS_REACH
        names_signing = (ctx.rules("SIGN", sent) or ctx.rules("EVENT_REF", sent)) and j not in signing_ids
        if near or names_signing:
            out.append(j)
    return sorted(out)


def _with_continuations(ctx: Context, sentence_ids: list[int]) -> list[int]:
    """The sentences plus the one right after a signing sentence that goes on with it
    ("... ditandatangani oleh X. Sementara pihak mitra diwakili Y."): a `continues` rule fires."""
    after = [i + 1 for i in sentence_ids if i + 1 < len(ctx.sents) and i + 1 not in sentence_ids
             and i + 1 not in ctx.headings]
    spans = [ctx.sents[j].span for j in after]
    going_on = {ctx.sentence_of(f.cue.start_char).i for f in fill(ctx.doc, spans, ROLE_RULES) if f.slot == "continues"}
    return sorted(set(sentence_ids) | going_on)


def _ner_persons(ctx: Context, sentence_ids: list[int]) -> list[tuple[int, int]]:
    """Person spans the statistical model finds in the signing sentences (full mode only)."""
    if ctx.fast:
        return []
    from . import ner

    sents = [ctx.sents[i] for i in sentence_ids]
    out = []
    for sent, ents in zip(sents, ner.entities_many([s.text for s in sents])):
        out += [(sent.start + a, sent.start + b) for a, b, label in ents if label == "PER"]
    return out


def _is_person(p: Person, directory, ner_spans, orgs: list) -> bool:
    """Rules leave an untitled, unmarked capitalised run undecided ("Focal Point", "Unsam"):
    it is a person when the article gives it a title elsewhere, or when the NER model says so and
    one of its words is a given name. A name inside an institution's name ("James Whitfield
    University") is no person."""
    if p.name and set(p.name.split()) & person_lexicon()["org_words"]:
        return False
    s, e = p.name_span or (p.start, p.end)
    if any(o.start_char <= s and e <= o.end_char for o in orgs):
        return False
    if p.title or p.marked:
        return True
    if any(d.name and _same(p, d) for d in directory()):
        return True
    # the model alone is trusted only with a full name holding a given name: one capitalised
    # word ("Undana") is as often an institution's short name, and on articles the rules were
    # not written on the model alone took "Tri Dharma Perguruan Tinggi" for a person
    words = (p.name or "").lower().split()
    if len(words) < 2 or not set(words) & name_words():
        return False
    return any(a < e and s < b for a, b in ner_spans())


def _speaker(ctx: Context, sent, token: int):
    """The person who says what a pronoun at TOKEN stands in: the last one named before the
    speech verb ("X di Jayapura, Senin, mengatakan perjanjian itu diteken olehnya") that comes
    before TOKEN in its sentence SENT; None when no one is named there."""
    speech = [sp.start for sp in ctx.rules("SPEECH", sent) if sp.start < token]
    if not speech:
        return None
    named = [m for m in ctx.doc.spans.get("persons", [])
             if sent.span.start <= m.start and m.end <= speech[0] and m._.person.name]
    return named[-1] if named else None


def _antecedent(ctx: Context, token: int, speaker: bool = False):
    """The person a pronoun at TOKEN refers to: with SPEAKER, the one who says the clause it
    stands in (_speaker); else the last one named (a name, with or without an office) in the
    sentence before its own, the headline aside; None when that sentence names none."""
    sent = ctx.sentence_of(ctx.doc[token].idx)
    if sent is not None and speaker:
        return _speaker(ctx, sent, token)
    if sent is None or sent.i == 0 or sent.i - 1 in ctx.headings:
        return None
    before = ctx.sents[sent.i - 1].span
    named = [m for m in ctx.doc.spans.get("persons", []) if before.start <= m.start and m.end <= before.end and m._.person.name]
    return named[-1] if named else None


def roles(ctx: Context, ev, sentence_ids: list[int]) -> tuple[list[Person], list[Person]]:
    """Signers and witnesses of one signing, by the rules of patterns/slots/roles.yml. A person
    two rules take goes to the higher priority (a witness clause outranks a signer's window, a
    speaker outranks both and is neither)."""
    fills = fill(ctx.doc, [ctx.sents[i].span for i in sentence_ids], ROLE_RULES)
    claims: dict[tuple[int, int], tuple[int, object, object]] = {}
    for f in fills:
        if f.slot not in ROLE_SLOTS:
            continue
        for m in f.mentions:
            key = (m.start_char, m.end_char)
            if key not in claims or f.priority > claims[key][0]:
                claims[key] = (f.priority, f, m)
    people = {key: dataclasses.replace(m._.person, rule=f.rule) for key, (_, f, m) in claims.items()}
    signers = {k for k, (_, f, _) in claims.items() if f.slot == "signatories"}
    for f in fills:
        if f.slot == PRONOUN_SLOT and (found := _antecedent(ctx, f.cue.start, f.value == SPEAKER)) is not None:
            key = (found.start_char, found.end_char)
            if key not in people:
                people[key] = dataclasses.replace(found._.person, rule=f.rule)
                claims[key] = (f.priority, f, found)
                signers.add(key)
    for f in fills:
        if f.slot == "on_behalf_of":
            # "A yang diwakili oleh B": the principal stands left; "B, atas nama A": right
            taken = {(m.start_char, m.end_char): m for m in f.mentions}
            if len(taken) != 2:
                continue
            left, right = taken
            principal, signer = (right, left) if f.value == "principal_right" else (left, right)
            # the one signed for may have no role of their own ("Sementara Rektor X, yang sedang
            # di Jakarta, diwakili oleh Y": only Y's signing is told), when surely a person
            represented = people[principal] if principal in people else taken[principal]._.person
            sure = principal in people or represented.title or represented.marked
            if signer in signers and sure and (represented.name or represented.title):
                # the one signed for may be named only by office ("atas nama Bupati Kampar"): their
                # name is resolved below, with everyone else's
                people[signer].principal = represented
                ev.explain("on_behalf_of", f.rule, signer)
                signers.discard(principal)
    ordered = sorted(people)
    return ([people[k] for k in ordered if k in signers],
            [people[k] for k in ordered if claims[k][1].slot == "witnesses"])


def run(ctx: Context) -> None:
    if not ctx.events:
        return
    doc = ctx.doc
    short_forms = acronyms(ctx.text)
    ctx.acronyms = short_forms
    mentions = list(doc.spans.get("persons", []))
    persons = [m._.person for m in mentions]   # read once: each `._` builds an Underscore object
    starts = [m.start for m in mentions]

    def everyone() -> list[Person]:
        """Every titled, named person in the article, for coreference: read only when a
        mention in a signing sentence needs it (most articles name their signers in place)."""
        headings = [ctx.sents[i].span for i in ctx.headings]
        return [p for p, start in zip(persons, starts) if p.name and p.title
                and not any(h.start <= start < h.end for h in headings)]

    directory = _Lazy(everyone)
    ctx.people = []
    signing_ids = {i for ev in ctx.events for i in ev.sentences} if len(ctx.events) > 1 else set()
    for ev in ctx.events:
        own = _with_continuations(ctx, [i for i in ev.sentences if i not in ctx.headings])
        sentence_ids = _with_witness_lines(ctx, own, signing_ids)
        signers, witnesses = roles(ctx, ev, sentence_ids)
        for i in sentence_ids:
            # everyone titled in a signing sentence, so the parties stage can leave their offices alone
            a, b = ctx.sents[i].span.start, ctx.sents[i].span.end
            ctx.people += [p for p, start in zip(persons, starts) if a <= start < b and p.title]
        ner_spans = _Lazy(lambda ev=ev: _ner_persons(ctx, ev.sentences))  # the model runs only if asked
        orgs = list(doc.spans.get("orgs", []))
        signers = [p for p in signers if _is_person(p, directory, ner_spans, orgs)]
        witnesses = [p for p in witnesses if _is_person(p, directory, ner_spans, orgs)]
        for p in signers + witnesses + [s.principal for s in signers if s.principal]:
            resolve(p, directory, short_forms)
            fuller_name(p, persons)
        for p in signers:
            if p.principal:
                p.on_behalf_of, p.principal_title = p.principal.name, p.principal.title
        signers = _merge(signers)
        witnesses = [w for w in _merge(witnesses) if not any(_same(w, s) for s in signers)]
        for field, kept in (("signatories", signers), ("witnesses", witnesses)):
            for p in kept:
                ev.explain(field, p.rule, (p.start, p.end))
        ev.signatories = [p.as_signatory() for p in signers]
        ev.witnesses = [p.as_witness() for p in witnesses]
