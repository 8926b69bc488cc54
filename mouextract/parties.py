"""Stage 5: the parties — the institutions bound by each agreement.

Two sources: the institutions named in the signing sentences (doc.spans["orgs"]) that the rules
of patterns/slots/parties.yml take as parties — not those in a clause about the agreement's
subject or setting — and the institution each signatory's office stands for ("Bupati Banyumas"
signs for the Pemerintah Kabupaten Banyumas; patterns/offices.yml). Institutions inside the
venue or the headline are not parties. The same institution under several names is one party
(institutions.same_institution), and each signatory is linked to the party of their office, or
to the institution named right after them ("Prof. X dari Universitas Y").
"""
from __future__ import annotations

import re
from functools import lru_cache

from .context import Context
from .institutions import (branch_of_short, defined_long_forms, institution_of_title, merge, names, nearly_within, party, unit_of,
                           same_institution, spelled_out)
from .slots import fill

PARTY_RULES = "parties.yml"
PARTY_SLOTS = ("parties", "cooperating")  # not-linguistic: the slot names of parties.yml that give parties


def _overlaps(span, ranges) -> bool:
    return any(span.start_char < b and a < span.end_char for a, b in ranges)


def named_parties(ctx: Context, ev, cooperating: bool = False, read: dict | None = None) -> list[dict]:
    """The party records of the institutions the rules take in the signing's sentences; with
    COOPERATING, also those the sentence before names as cooperating. READ: the rules' fills
    by sentences, kept between calls (the same sentences give the same fills)."""
    ids = [i for i in ev.sentences if i not in ctx.headings]
    # the sentence after a signing sentence may enumerate a group it named
    ids += [i + 1 for i in ids if i + 1 < len(ctx.sents) and i + 1 not in ids and i + 1 not in ctx.headings]
    sentences = [ctx.sents[i].span for i in sorted(ids)]
    # "cooperating" rows are read only in the lead, below, never in the signing's own sentences
    # a sentence read only for its enumeration gives nothing else ("Perjanjian itu turunan dari MoU
    # antara A dan B yang diteken pada 2021": an earlier signing's parties)
    extra = [ctx.sents[i].span for i in ids if i not in ev.sentences]
    key = tuple(sorted(ids))
    if read is None or key not in read:
        taken = fill(ctx.doc, sentences, PARTY_RULES)
        if read is not None:
            read[key] = taken
    else:
        taken = read[key]
    fills = [f for f in taken if f.slot != "cooperating"
             and (f.rule == "party.enumerated_after" or not any(sp.start <= f.cue.start < sp.end for sp in extra))]
    excluded = [f.window for f in fills if f.slot == "not_parties"]
    if ev.place and ev.place.get("span"):
        excluded.append(tuple(ev.place["span"]))
    found, seen = [], set()
    if cooperating and ids and any(f.slot == "refers_back" and ctx.sents[ids[0]].span.start <= f.cue.start < ctx.sents[ids[0]].span.end
                                   for f in fills):
        # a signing sentence that refers back ("Perjanjian ... tersebut ditandatangani") right after
        # the lead names its parties there, where the cooperation is first told
        before = ids[0] - 1
        lead = next((s.i for s in ctx.sents if s.i not in ctx.headings), None)
        if before >= 0 and before == lead:
            fills += [f for f in fill(ctx.doc, [ctx.sents[before].span], PARTY_RULES) if f.slot == "cooperating"]
    for f in fills:
        if f.slot not in PARTY_SLOTS:
            continue
        for m in f.mentions:
            key = (m.start_char, m.end_char)
            if key in seen or _overlaps(m, excluded) or m._.party is None:
                continue
            seen.add(key)
            ev.explain("parties", f.rule, key)
            found.append(dict(m._.party))
    return _without_units_places(ctx.text, sorted(found, key=lambda p: p["span"][0]))


def _first_word(p: dict) -> str:
    return p["name"].split()[0].lower() if p["name"].split() else ""


def _without_units_places(text: str, found: list[dict]) -> list[dict]:
    """"Program Studi X, Politeknik Y" / "Fakultas Hukum, Universitas Z": a university written
    right after one of its units, a comma between, says where the unit belongs; the unit is the
    party (it signs), the university is none."""
    units, universities = names()["university_units"], names()["universities"]
    out = []
    for p in found:
        prev = out[-1] if out else None
        if prev is not None and _first_word(prev) in units and _first_word(p) in universities \
                and text[prev["span"][1]:p["span"][0]].strip() == ",":
            continue
        out.append(p)
    return out


def run(ctx: Context) -> None:
    if not ctx.events:
        return
    long_forms = defined_long_forms(ctx.text)
    for ev in ctx.events:
        read: dict = {}
        found = named_parties(ctx, ev, read=read)
        offices = [i for i in (_institution_signed_for(p) for p in ev.signatories) if i]
        if len(merge([dict(p) for p in found] + [party(i, None, None) for i in offices])) < 2:
            found = named_parties(ctx, ev, cooperating=True, read=read)   # the same sentences: their fills again
        found = _aliases_joined(ctx.text, found)
        named = [(p["name"], p.get("short")) for p in found]
        for person in ev.signatories:
            inst = _as_named(_institution_signed_for(person), named)
            if inst:
                found.append(party(inst, None, None))
                ev.explain("parties", "party.office_of_signatory", person["span"])
        ev.parties = merge([spelled_out(p, long_forms) for p in found])
        for person in ev.signatories:
            inst = _as_named(_institution_signed_for(person), named)
            if inst:
                probe = party(inst, None, None)
                person["party"] = next((k for k, p in enumerate(ev.parties) if same_institution(p, probe)), None)
        _link_by_membership(ctx, ev, found)
        ev.party_anchors = _anchors(ev, found)
        ev.parties = [p if p["span"] else dict(p, span=_mention_of(ctx.text, p, ev, k))
                      for k, p in enumerate(ev.parties)]


def _aliases_joined(text: str, found: list[dict]) -> list[dict]:
    """FOUND with the name written right after an institution and an alias word ("PT Pelabuhan
    Indonesia (Persero) atau Pelindo Regional 4": a run of capitalised words or numbers) as the
    institution's short form, when it has none; an institution found there is no party of its own."""
    by_start = {p["span"][0]: p for p in found if p.get("span")}
    dropped: set[int] = set()
    for p in found:
        if not p.get("span") or p.get("short"):
            continue
        m = _alias_after().match(text, p["span"][1])
        if m is None:
            continue
        p["short"] = m.group("alias")
        twin = by_start.get(m.start("alias"))
        if twin is not None and twin is not p:
            dropped.add(id(twin))
    return [p for p in found if id(p) not in dropped]


@lru_cache(maxsize=1)
def _alias_after() -> re.Pattern:
    words = "|".join(re.escape(w) for w in sorted(names()["alias_words"], key=len, reverse=True))
    return re.compile(rf"\s+(?i:{words})\s+(?P<alias>[A-Z0-9][\w.&'-]*(?:\s+[A-Z0-9][\w.&'-]*){{0,5}})")


def _mention_of(text: str, p: dict, ev, k: int) -> list[int] | None:
    """Where the article names a party read from a signatory's title ("Bupati Banyumas" ->
    Pemerintah Kabupaten Banyumas): the name or short form where written, else the title words
    in the signatory's mention, else the title anywhere. Set after the anchors, which stay as
    they were."""
    titles = [s["title"] for s in ev.signatories if s.get("party") == k and s.get("title")]
    inside = [s["span"] for s in ev.signatories if s.get("party") == k and s.get("span")]
    for words in (p["name"], p.get("short"), *titles):
        if not words:
            continue
        pattern = re.compile(r"(?<!\w)" + re.escape(words) + r"(?!\w)", re.I)
        found = [m.span() for m in pattern.finditer(text)]
        near = [m for m in found if any(a <= m[0] and m[1] <= b for a, b in inside)]
        if near or found:
            return list((near or found)[0])
    return None


def _as_named(inst: str | None, named: list[tuple[str, str | None]]) -> str | None:
    """The institution an office gives, written as the text names it (NAMED: names with their
    short forms) when the office words it a little differently ("Direktur KB Bank Nusa" for
    "Bank KB Nusa Syariah") or names its branch ("Pemimpin Cabang Bank Papua Arso" for "PT Bank
    Pembangunan Daerah Papua (Bank Papua)")."""
    if inst is None:
        return None
    return next((n for n, _ in named if nearly_within(inst, n)), None) \
        or next((n for n, _ in named if unit_of(inst, n)), None) \
        or next((n for n, short in named if short and branch_of_short(inst, short)), inst)


def _institution_signed_for(person: dict) -> str | None:
    """The institution of the office a signatory holds, or of the one they signed for ("X,
    atas nama Ketua Kadin Y" signs for Kadin)."""
    return institution_of_title(person.get("principal_title")) or institution_of_title(person["title"])


def _link_by_membership(ctx: Context, ev, found: list[dict]) -> None:
    """"Prof. X dari Universitas Y": a signatory without an office's institution signs for the
    institution named right after a word of membership."""
    words = names()["membership_words"]
    for person in ev.signatories:
        if person.get("party") is not None or not person.get("span"):
            continue
        tail = ctx.text[person["span"][1]:person["span"][1] + 12]
        stripped = tail.lstrip(" ,")
        word = stripped.split(" ", 1)[0].lower()
        if word not in words:
            continue
        at = person["span"][1] + (len(tail) - len(stripped)) + len(word) + 1
        named = next((f for f in found if f.get("span") and f["span"][0] == at), None)
        if named is not None:
            person["party"] = next((k for k, p in enumerate(ev.parties) if same_institution(p, named)), None)


def _anchors(ev, found: list[dict]) -> list[int | None]:
    """Where in the text each party is first named, directly or through its signatory: the
    assembly uses it to see which side of "dengan" a party stands on."""
    anchors: list[int | None] = [None] * len(ev.parties)
    points = [(f["span"][0], f) for f in found if f.get("span")]
    for k, p in enumerate(ev.parties):
        where = [at for at, f in points if same_institution(p, f)]
        where += [s["span"][0] for s in ev.signatories if s.get("party") == k and s.get("span")]
        anchors[k] = min(where) if where else None
    return anchors
