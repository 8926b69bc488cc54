"""Last stage: one plain record per signed document, in the output field order.

Triggers read the documents (mouextract/signed_documents.py); here each event becomes its records:
- a sentence that speaks of two documents gives each the people and institutions of its own
  part ("Penandatanganan MoU antara A dan B dirangkai dengan penandatanganan MoA antara C dan D");
- pairs after "antara" ("antara A dengan B, C antara D") are one record each, with the people
  and institutions of their pair;
- a counted group the article names ("dengan dua perusahaan, yakni A dan B") is one record per
  member; a count it does not name the members of gives that many records of what was found;
- hub and spoke: one institution signing "dengan" several others at one ceremony ("Ombudsman X
  menandatangani nota kesepakatan dengan Kabupaten A, Kabupaten B dan Kabupaten C") signed one
  document with each, unless the article speaks of one joint document ("diteken 5 pihak",
  "kerja sama tiga pihak", "bersama-sama": the `joint` rows of patterns/slots/documents.yml).
"""
from __future__ import annotations

import dataclasses
from difflib import SequenceMatcher

from .context import Context, Event
from .institutions import abbreviates, fold, institution_of_title, key, merge, names, same_institution
from .patterns import load
from .records import Agreement
from .slots import fill

DOCUMENTS = "documents.yml"

# Confidence is a rough, documented score, not a probability: each field the text gives and the
# rules found adds to it. Calibrated by eye on the dev corpus; a record with a signing verb and
# an instrument but nothing else scores 0.3.
BASE_CONFIDENCE = 0.3
FIELD_WEIGHTS = {"date": 0.15, "place": 0.1, "parties": 0.2, "signatories": 0.15, "scope": 0.1}


def _confidence(ev: Event) -> float:
    score = BASE_CONFIDENCE + sum(w for f, w in FIELD_WEIGHTS.items() if getattr(ev, f))
    return round(min(score, 1.0), 2)


def record(ctx: Context, ev: Event) -> Agreement:
    return Agreement.from_dict({
        "type": ev.type,
        "type_text": ev.type_text,
        "type_span": ev.type_span,
        "date": ev.date,
        "place": ev.place,
        "parties": ev.parties,
        "signatories": ev.signatories,
        "witnesses": ev.witnesses,
        "scope": ev.scope,
        "evidence": [ctx.sents[i].text.strip() for i in ev.sentences],
        "confidence": _confidence(ev),
        "why": {name: [p.to_dict() for p in found] for name, found in ev.why.items()},
    })


# --------------------------------------------------------------------------- keeping to a part

def _where(item: dict) -> int | None:
    span = item.get("span")
    return span[0] if span else None


def _keep(ev: Event, ctx: Context, inside) -> Event:
    """EV with only the parties and signatories INSIDE(char) allows (those the text names
    nowhere, such as the institution of an office, stay), party indices renumbered."""
    signers = [s for s in ev.signatories if _where(s) is None or inside(_where(s))]
    linked, linked_kept = {s.get("party") for s in ev.signatories}, {s.get("party") for s in signers}
    # a party named nowhere (an office's institution) goes with its signatory
    keep = [k for k, p in enumerate(ev.parties)
            if (inside(_where(p)) if _where(p) is not None else (k in linked_kept or k not in linked))]
    renumber = {old: new for new, old in enumerate(keep)}
    signers = [dict(s, party=renumber.get(s.get("party"))) for s in signers]
    anchors = ev.party_anchors or [None] * len(ev.parties)
    return dataclasses.replace(ev, parties=[ev.parties[k] for k in keep], signatories=signers,
                               party_anchors=[anchors[k] for k in keep if k < len(anchors)])


def own_part(ctx: Context, ev: Event) -> Event:
    """In a sentence that speaks of two documents, this one's people and institutions are
    those of its part."""
    if not ev.parts:
        return ev
    shared = [(ctx.sents[i].start, ctx.sents[i].end, ranges) for i, ranges in ev.parts.items()]

    def inside(char: int) -> bool:
        for a, b, ranges in shared:
            if a <= char < b:
                return any(x <= char < y for x, y in ranges)
        return True
    return _keep(ev, ctx, inside)


# --------------------------------------------------------------------------- counted documents

def _pairs(ctx: Context, ev: Event) -> list[Event]:
    """"antara A dengan B, C antara D": one record per pair, each with what its pair names."""
    out = []
    lo, hi = ev.pairs[0][0], ev.pairs[-1][1]
    for a, b in ev.pairs:
        part = _keep(ev, ctx, lambda char, a=a, b=b: not (lo <= char < hi) or a <= char < b)
        out.append(dataclasses.replace(part, count=1, pairs=[]))
    return out


def _members(ctx: Context, ev: Event) -> list[Event]:
    """A counted group: one record per member; when the article names them ("yakni A dan B"),
    each record keeps its own member and drops the others."""
    if not ev.members:
        return [dataclasses.replace(ev, count=1, members=[]) for _ in range(ev.count)]
    members = [_member_party(ctx, ev, span) for span in ev.members]
    out = []
    for k, mine in enumerate(members):
        others = [m for j, m in enumerate(members) if j != k and m is not None]
        # the side that signs with every member first, then this member
        keep = [p for p in ev.parties if not any(same_institution(p, o) for o in others)
                and not (mine is not None and same_institution(p, mine))]
        keep.append(next((p for p in ev.parties if mine is not None and same_institution(p, mine)), mine))
        keep = [p for p in keep if p is not None]
        renumber = {id(p): n for n, p in enumerate(keep)}
        signers = [dict(s, party=renumber.get(id(ev.parties[s["party"]])) if s.get("party") is not None else None)
                   for s in ev.signatories
                   if s.get("party") is None or any(ev.parties[s["party"]] is p for p in keep)]
        out.append(dataclasses.replace(ev, parties=keep, signatories=signers, count=1, members=[], party_anchors=[]))
    return out


def _member_party(ctx: Context, ev: Event, span) -> dict | None:
    for sp in ctx.doc.spans.get("orgs", []):
        if (sp.start_char, sp.end_char) == tuple(span) and sp._.party:
            return dict(sp._.party)
    return None


def counted(ctx: Context, ev: Event) -> list[Event]:
    if ev.count <= 1:
        return [ev]
    if ev.pairs:
        return _pairs(ctx, ev)
    return _members(ctx, ev)


# --------------------------------------------------------------------------- hub and spoke

def _joint(ctx: Context, ev: Event) -> bool:
    sentences = [ctx.sents[i].span for i in ev.sentences]
    return any(f.slot == "joint" for f in fill(ctx.doc, sentences, DOCUMENTS))


def _key_sentence(ctx: Context, ev: Event):
    """The first sentence of the event in which a signing word is followed by the counterpart
    ("dengan", "bersama": the `counterpart` row of patterns/slots/documents.yml), and where."""
    for i in ev.sentences:
        if i in ctx.headings:
            continue
        sent = ctx.sents[i]
        mine = ev.parts.get(i, [(sent.start, sent.end)])
        signs = [sp for sp in ctx.rules("SIGN", sent) if any(a <= sp.start_char < b for a, b in mine)]
        if not signs:
            continue
        for f in fill(ctx.doc, [sent.span], DOCUMENTS):
            if f.slot == "counterpart" and f.cue.start >= signs[0].end and any(a <= f.cue.start_char < b for a, b in mine):
                return sent, f.cue.start_char
    return None


def _placed(ctx: Context, window: tuple[int, int], venue, party: dict) -> tuple[int, int] | None:
    """Where the key sentence's WINDOW names a party (not inside the venue): its first mention
    there, by name, short form or an institution the readers found, as (start, end)."""
    a, b = window
    text = ctx.text[a:b].lower()
    found = []
    for n in (party.get("name"), party.get("short")):
        at = text.find(n.lower()) if n else -1
        while at >= 0 and venue and venue[0] <= a + at < venue[1]:
            at = text.find(n.lower(), at + 1)
        if at >= 0:
            found.append((a + at, a + at + len(n)))
    found += [(sp.start_char, sp.end_char) for sp in ctx.doc.spans.get("orgs", []) if a <= sp.start_char < b
              and not (venue and venue[0] <= sp.start_char < venue[1])
              and sp._.party and same_institution(sp._.party, party)]
    if not found:   # "Unilak" for "Universitas Lancang Kuning"
        found = [(t.idx, t.idx + len(t.text)) for t in ctx.doc.char_span(a, b, alignment_mode="expand") or []
                 if t.text[:1].isupper() and len(t.text) > 2 and abbreviates(t.text, party["name"])]
    return min(found) if found else None


def _one_mention(x: tuple[int, int] | None, y: tuple[int, int] | None) -> bool:
    """Two parties placed in one mention ("UMSU" inside "Program Pascasarjana UMSU")."""
    return x is not None and y is not None and (x[0] <= y[0] < x[1] or y[0] <= x[0] < y[1])


def _distinctive(name: str) -> frozenset[str]:
    n = names()
    return key(name) - n["generic_words"] - n["body_words"] - n["bare_heads"]


def _misspelt(a: str, b: str) -> bool:
    """The same words but one, and that one misspelt ("Bank Amnah Indonesia")."""
    wa, wb = fold(a).split(), fold(b).split()
    differ = [(x, y) for x, y in zip(wa, wb) if x != y]
    return len(wa) == len(wb) and len(differ) == 1 and min(map(len, differ[0])) >= MIN_TYPO_WORD \
        and SequenceMatcher(None, *differ[0]).ratio() >= TYPO_RATIO


def _resembles(a: dict, b: dict) -> bool:
    """Two names of one institution as news writes them: the same one to the parties stage,
    two distinctive words in common ("KB Bank Nusa" / "Bank KB Nusa Syariah"), or a
    misspelling ("Bank Amnah Indonesia")."""
    if same_institution(a, b) or len(_distinctive(a["name"]) & _distinctive(b["name"])) >= 2:
        return True
    return _misspelt(a["name"], b["name"])


# A word this alike another is it misspelt ("muamlat" / "muamalat": 0.93, "uatra" / "utara": 0.8);
# short words differ by a letter and mean another thing.
TYPO_RATIO = 0.8
MIN_TYPO_WORD = 5


def _collective(party: dict) -> bool:
    """A group of institutions ("pemerintah kabupaten/kota se-Kalsel"): with it, one joint document."""
    marks = load("records.yml")["collective"]
    words = party["name"].lower().split()
    return any(w.startswith(tuple(marks["prefixes"])) or w in marks["words"] for w in words)


def hub_and_spokes(ctx: Context, ev: Event) -> list[Event]:
    if len(ev.parties) < 3 or _joint(ctx, ev):
        return [ev]
    found = _key_sentence(ctx, ev)
    if found is None:
        return [ev]
    sent, pivot = found
    window = next(((a, b) for a, b in ev.parts.get(sent.i, []) if a <= pivot < b), (sent.start, sent.end))
    venue = tuple((ev.place or {}).get("span") or ()) or None
    anchors = ev.party_anchors or [None] * len(ev.parties)
    placed = [_placed(ctx, window, venue, p) for p in ev.parties]
    before = [k for k, at in enumerate(placed) if at is not None and window[0] <= at[0] < pivot]
    after = [k for k, at in enumerate(placed) if at is not None and pivot < at[0] < window[1]]
    if len(before) == 1 and len(after) >= 2:
        hub, spokes = before[0], after
    elif len(after) == 1 and len(before) >= 2:
        hub, spokes = after[0], before
    else:
        return [ev]
    # another name of the hub or of a spoke goes with it (two parties read from one mention; "KB
    # Bank Nusa" named later for "Bank KB Nusa Syariah"; a misspelt "Bank Amnah"); a
    # party the key sentence does not place is in none of the pairs
    with_spoke: dict[int, list[int]] = {}
    for k in spokes + [k for k in range(len(ev.parties)) if k != hub and k not in spokes]:
        if _resembles(ev.parties[k], ev.parties[hub]) or _one_mention(placed[k], placed[hub]):
            continue
        twin = next((j for j in with_spoke if _one_mention(placed[k], placed[j])
                     or _resembles(ev.parties[k], ev.parties[j])), None)
        if twin is not None:
            with_spoke[twin].append(k)
        elif k in spokes:
            with_spoke[k] = [k]
    if len(with_spoke) < 2 or any(_collective(ev.parties[k]) for k in with_spoke):
        return [ev]
    out = []
    for spoke in with_spoke:
        mine = [hub] + with_spoke[spoke]
        renumber = {old: new for new, old in enumerate(mine)}
        signers = [dict(s, party=renumber.get(s.get("party"))) for s in ev.signatories
                   if s.get("party") in renumber or s.get("party") is None]
        out.append(dataclasses.replace(ev, parties=[ev.parties[k] for k in mine], signatories=signers,
                                       party_anchors=[anchors[k] if k < len(anchors) else None for k in mine]))
    ev.explain("agreements", "document.hub_and_spoke", (sent.start, sent.end))
    return out


# --------------------------------------------------------------------------- one article, one name

def _name_words(name: str | None) -> frozenset[str]:
    return frozenset("".join(c if c.isalnum() else " " for c in (name or "").lower()).split())


def _offices_named(events: list[Event]) -> None:
    """An office's institution goes by the name one record of the article gives it ("Dirut Bank
    Kaltim" signs for the "Bank Pembangunan Daerah Kaltim" named beside him), in the records
    whose sentences name it only through the office ("Kepala Cabang Bank Kaltim")."""
    named_as: dict[str, dict] = {}
    for ev in events:
        for s in ev.signatories:
            inst, k = institution_of_title(s.get("title")), s.get("party")
            if inst and k is not None and k < len(ev.parties) and ev.parties[k]["name"] != inst:
                named_as.setdefault(inst, ev.parties[k])
    for ev in events:
        for k, p in enumerate(ev.parties):
            if p["name"] in named_as and any(s.get("party") == k and institution_of_title(s.get("title")) == p["name"]
                                             for s in ev.signatories):
                ev.parties[k] = dict(named_as[p["name"]])


def _a_unit_of(unit: dict, whole: dict) -> bool:
    """UNIT's name is WHOLE's with a unit or branch added ("BPJS Ketenagakerjaan Cabang
    Manokwari" / "BPJS Ketenagakerjaan": institution_names.yml `unit_words`)."""
    added = _name_words(unit["name"]) - _name_words(whole["name"])
    return bool(added & set(names()["unit_words"]))


def _same_parties(events: list[Event]) -> None:
    """An institution named in several records of an article goes by the one name the parties
    stage would give it in one record: the fullest, but not a unit of it that signed another
    document ("Pemprov meneken MoU dengan BPJS Ketenagakerjaan ... PKS dengan BPJS Ketenagakerjaan
    Cabang Manokwari")."""
    _offices_named(events)
    canon = merge([dict(p) for ev in events for p in ev.parties])
    for ev in events:
        kept: list[dict] = []
        renumber = {}
        for k, p in enumerate(ev.parties):
            c = next((c for c in canon if same_institution(c, p)), p)
            if _a_unit_of(c, p):   # the branch signed another document: "BPJS Ketenagakerjaan" stays itself
                c = p
            twin = next((j for j, q in enumerate(kept) if q is c or q == c), None)
            if twin is None:
                kept.append(dict(c))
                twin = len(kept) - 1
            renumber[k] = twin
        ev.parties = kept
        ev.signatories = [dict(s, party=renumber.get(s.get("party"))) for s in ev.signatories]


def _same_people(events: list[Event]) -> None:
    """A person a record names in part ("Harun", no title) is the one another record of the
    article names in full ("Ketua KPU RI Harun Arsyad"): the fullest name and a title."""
    people = [p for ev in events for p in ev.signatories + ev.witnesses if p.get("name")]
    # compared by distinct name, each name's words read once: an article (or a pasted dump) may
    # repeat one person across hundreds of records
    words = {name: _name_words(name) for name in {p["name"] for p in people}}
    holding: dict[str, list[dict]] = {}
    for name, mine in words.items():
        holding[name] = [q for q in people if mine and mine <= words[q["name"]]]
    for p in people:
        fuller = [q for q in holding[p["name"]] if q is not p]
        titled = [q for q in fuller if q.get("title")]
        if not p.get("title") and titled:
            p["title"] = max(titled, key=lambda q: len(q["title"]))["title"]
        longest = max(fuller, key=lambda q: len(q["name"]), default=None)
        if longest is not None and len(longest["name"]) > len(p["name"]):
            p["name"] = longest["name"]


def run(ctx: Context) -> None:
    events = []
    for ev in ctx.events:
        ev = own_part(ctx, ev)
        events += counted(ctx, ev) if ev.count > 1 else hub_and_spokes(ctx, ev)
    if len(events) > 1:
        events = [dataclasses.replace(ev, parties=[dict(p) for p in ev.parties],
                                      signatories=[dict(s) for s in ev.signatories],
                                      witnesses=[dict(w) for w in ev.witnesses]) for ev in events]
        _same_parties(events)
        _same_people(events)
    ctx.agreements = [record(ctx, ev) for ev in events]
