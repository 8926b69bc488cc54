"""How many documents the reported signings of an article are, and which text is about each.

One record per signed document (../shared/corpus/GUIDELINES.md). The sentences that report a
signing are read in order; each instrument name in them (several names of one document joined:
"nota kesepahaman (MoU)", "nota kesepahaman atau Memorandum of Understanding") is the document
spoken of so far unless the rows of patterns/slots/documents.yml mark another one — a sequence
after a signing just told, an addition, "juga" before a kind not yet named, two instruments
joined — or one already named ("... tersebut"). A number counts documents; so do several pairs
after "antara". A numbered list of the instruments signed gives one document per item.

The result is one Event per document: its sentences, the part of a sentence it owns when the
sentence speaks of two (`parts`), how many documents of that kind it stands for (`count`),
and the ranges of enumerated pairs (`pairs`) or the spans of enumerated members (`members`)
that assemble.py gives one record each. The type is the most specific of its names
(patterns/records.yml `type_rank`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .context import Context, Event
from .instruments import Name, best_name, collective, data, in_date, is_list_item, names, number_at, rank
from .slots import fill
from .slots.rules import rows_of

DOCUMENTS = "documents.yml"
# The values of documents.yml the code acts on.
ADDITIVE, SIMILAR, SEQUENCE, ALSO, COORDINATED = "additive", "similar", "sequence", "also", "coordinated"  # not-linguistic: the rows' values
ALL, REFERENCE, POSITION, EVERY = "all", "reference", "position", "every"  # not-linguistic: the rows' values
COUNTED_GROUPS = ("counterparts", "signers")  # not-linguistic: the values of the count rows that need an enumeration
EACH = "each"   # not-linguistic: the count row of a group named before, each with its own document
INSTRUMENT_COUNT, NAMED, BACK_REFERENCE = "instruments", "named", "back_reference"  # not-linguistic: the rows' values
ENUMERATION, ORDINAL = "enumeration", "ordinal"   # not-linguistic: slots of documents.yml
ONE_DOCUMENT = "one_document"   # not-linguistic: the value of a joint row that says the document is one
# Sentences between counted documents and the list that names them ("Kerja sama itu meliputi:").
LIST_LEAD = 2
# Tokens between an instrument's name and the "yang" of a clause about it (as
# relevance.yml's status.relative_clause reads it).
DESCRIBED_REACH = 8
RELATIVE_CLAUSE = "status.relative_clause"   # not-linguistic: the id of that row
# Tokens after a described instrument's name whose words are about it ("... serupa yang").
ASIDE_REACH = 2


# --------------------------------------------------------------------------- documents

@dataclass(eq=False)
class _Doc:
    sentences: list[int] = field(default_factory=list)
    names: list[Name] = field(default_factory=list)
    like: _Doc | None = None            # a nameless one ("penandatanganan serupa") is of the kind it follows
    count: int = 1
    pairs: list = field(default_factory=list)
    members: list = field(default_factory=list)
    why: list = field(default_factory=list)   # (field, rule, span)

    def types(self) -> set[str] | None:
        """The kinds its names give; a nameless one ("penandatanganan serupa") is of the kind it
        follows; None: not known yet, any kind."""
        seen, d = set(), self
        while d is not None and id(d) not in seen:
            found = {t for n in d.names for t in n.types}
            if found:
                return found
            seen.add(id(d))
            d = d.like
        return None

    def add(self, i: int) -> None:
        if i not in self.sentences:
            self.sentences.append(i)


def _overlaps(f, a: int, b: int) -> bool:
    fa, fb = f.window
    return (fa < b and a < fb) or (f.cue.start_char < b and a < f.cue.end_char)


class _Reader:
    """Reads the reported sentences in order, keeping the documents found so far."""

    def __init__(self, ctx: Context, reported: list[int], signings: dict[int, list], described: list):
        self.ctx, self.reported, self.signings = ctx, reported, signings
        self.described = described   # the "yang" of clauses describing an instrument ("MoU yang ditandatangani ...")
        self.docs: list[_Doc] = []
        self.current: _Doc | None = None
        self.fills: dict[int, list] = {}
        for f in fill(ctx.doc, [ctx.sents[i].span for i in reported], DOCUMENTS):
            s = ctx.sentence_of(f.cue.start_char)
            if s is not None:
                self.fills.setdefault(s.i, []).append(f)
        self.parts: dict[int, list[tuple[int, list[_Doc]]]] = {}   # sentence -> [(start char, docs)]
        self._aside: list[tuple[int, int]] = []   # token ranges of the sentence about an instrument only described
        self.every: list[int] = []   # sentences about every signing told ("Kedua penandatanganan disaksikan ...")

    # -- deciding -------------------------------------------------------------------------
    def _new(self, why: tuple, like: _Doc | None = None) -> _Doc:
        d = _Doc(like=like, why=[why])
        self.docs.append(d)
        return d

    def _matching(self, name: Name) -> list[_Doc]:
        if name.weak:
            return [self.current] if self.current else []
        return [d for d in self.docs if d.types() is None or d.types() & name.types]

    def _told(self, i: int, before: int | None = None) -> bool:
        """Sentence i tells a signing (before char BEFORE), not only one that dates something
        else ("Sebelum dilakukan penandatanganan, ...")."""
        references = [f.cue for f in self.fills.get(i, []) if f.slot == "same" and f.value == REFERENCE]
        return any((before is None or sp.start_char < before) and not any(r.start <= sp.start < r.end for r in references)
                   for sp in self.signings.get(i, []))

    def _sides(self, i: int, char: int) -> bool:
        """The clause after CHAR names who signs ("..., Kepala Dinas A dan Kepala BPJS B
        menandatangani ...", "... MoU antara Bupati X dengan ...")."""
        return any(f.slot == "sides" and f.cue.start_char >= char for f in self.fills.get(i, []))

    def _signing_before(self, i: int, char: int) -> bool:
        """A signing told just before a cue: earlier in its sentence or in the sentence before."""
        if self._told(i, char):
            return True
        k = self.reported.index(i)
        return k > 0 and self.reported[k - 1] == i - 1 and self._told(i - 1)

    def _decide(self, i: int, name: Name | None, a: int, b: int, joined=None) -> tuple[list[_Doc], int | None]:
        """The documents a mention (a name, or a nameless signing between chars a and b) is
        about, and where in the sentence it starts being about them (a cue), if a new one.
        JOINED: the fill that joins this name to the one before ("MoU dan PKS")."""
        here = [f for f in self.fills.get(i, []) if not any(x <= f.cue.start < y for x, y in self._aside)]
        cues = [f for f in here if f.slot == "another" and f.value != COORDINATED
                and (_overlaps(f, a, b) or (f.value == POSITION and 0 <= f.cue.start_char - b <= 1))]
        kinds = {f.value: f for f in cues}
        if joined is not None:
            kinds[COORDINATED] = joined
        span = (a, b)
        if name is not None:
            same = [f for f in here if f.slot == "same" and f.value not in (REFERENCE, EVERY) and _overlaps(f, a, b)
                    and (f.value != ALL or f.cue.end <= name.start + 1)]
            rule = same[0].rule if same else None
            if any(f.value == ALL for f in same):
                if self.current is None:
                    return [self._new(("agreements", rule, span))], None
                return (self._matching(name) or [self.current]), None
            if rule is not None:
                found = self._matching(name)
                if found:
                    return [found[-1]], None
                if joined is None or name.weak:   # "MoU dan PKS itu": the PKS is one more, named with it
                    return ([self.current], None) if self.current else ([self._new(("agreements", rule, span))], None)
            ordinal = any(f.slot == ORDINAL and f.cue.start == name.start for f in here)
            of_counted = [d for d in self.docs if d.count >= 2 and (d.types() is None or d.types() & name.types)]
            if ordinal and of_counted:
                return [of_counted[-1]], None   # "PKS kedua": one of the documents counted before
            counted = [f for f in here if f.slot == "count" and f.value == INSTRUMENT_COUNT and f.cue.start == name.spans[0].start]
            n = number_at(self.ctx, self._number_start(name.start)) if counted else None
            if n and n >= 2:
                d = self._new(("agreements", counted[0].rule, span))
                d.count = n
                return [d], min((f.cue.start_char for f in cues), default=None)
        if self.current is None:
            return [self._new(("agreements", "document.first", span))], None
        if POSITION in kinds:
            f = kinds[POSITION]
            d = self._nth(f.cue)
            if d is not None:
                return [d], f.cue.start_char
            return [self._new(("agreements", f.rule, span), like=self.current)], f.cue.start_char
        if SIMILAR in kinds:
            f = kinds[SIMILAR]
            return [self._new(("agreements", f.rule, span), like=self.current)], f.cue.start_char
        found = self._matching(name) if name is not None else []
        new_kind = name is not None and not name.weak and not found
        if ADDITIVE in kinds:
            f = kinds[ADDITIVE]
            if new_kind or self._sides(i, f.cue.start_char):
                return [self._new(("agreements", f.rule, span), like=self.current)], f.cue.start_char
        if SEQUENCE in kinds:
            f = kinds[SEQUENCE]
            counted = [d for d in found if d.count >= 2]
            if counted:   # "... dengan dua kampus, yakni A dan B. ... Setelah itu, ia meneken MoU dengan B": one of them
                return [counted[-1]], None
            others = [d for d in found if d is not self.current]
            if name is not None and not name.weak and others:
                return [others[-1]], f.cue.start_char
            if new_kind or (self._signing_before(i, f.cue.start_char) and self._sides(i, f.cue.start_char)):
                return [self._new(("agreements", f.rule, span), like=self.current)], f.cue.start_char
        if name is not None and COORDINATED in kinds:
            f = kinds[COORDINATED]
            if found:
                return [found[-1]], None
            if not name.weak:
                return [self._new(("agreements", f.rule, span))], None
        if name is not None and ALSO in kinds and not name.weak and not found:
            return [self._new(("agreements", kinds[ALSO].rule, span))], kinds[ALSO].cue.start_char
        return ([found[-1]] if found else [self.current]), None

    def _nth(self, cue) -> _Doc | None:
        """The document an ordinal places ("Dokumen ketiga": the third signed, counted ones each
        in their place); None: one past those told so far ("terakhir", or more than told)."""
        word = cue[0].lower_
        k = data()["ordinal_words"].get(word) or collective(word)
        if k is None:
            return None
        for d in self.docs:
            k -= d.count
            if k <= 0:
                return d
        return None

    def _described(self, name: Name) -> bool:
        return any(0 <= c.start - name.end <= DESCRIBED_REACH for c in self.described)

    def _number_start(self, i: int) -> int:
        """The first token of the number just before token i ("dua belas" before "MoU")."""
        doc = self.ctx.doc
        j = i - 1
        if j > 0 and doc[j].lower_ in (data()["teens"], data()["tens"]):
            j -= 1
        return j

    # -- reading ----------------------------------------------------------------------------
    def sentence(self, i: int) -> None:
        sent = self.ctx.sents[i]
        segments: list[tuple[int, list[_Doc]]] = []
        # "PKS ini menindaklanjuti nota kesepahaman yang ditandatangani pada 2022": an instrument a
        # clause describes names no document signed here, nor does a word about it ("serupa")
        named = names(self.ctx, sent)
        found = [n for n in named if not self._described(n)]
        self._aside = [(n.start, n.end + ASIDE_REACH) for n in named if self._described(n)]
        if not found:
            if any(f.slot == "same" and f.value == EVERY for f in self.fills.get(i, [])):
                self.every.append(i)
            words = self.signings.get(i, [])
            a = words[0].start_char if words else sent.start
            b = words[-1].end_char if words else sent.end
            targets, _ = self._decide(i, None, a, b)
            segments.append((sent.start, targets))
        for k, name in enumerate(found):
            joined = next((f for f in self.fills.get(i, []) if k > 0 and f.slot == "another" and f.value == COORDINATED
                           and found[k - 1].end <= f.cue.start < name.start), None)
            targets, cue = self._decide(i, name, name.start_char, name.spans[-1].end_char, joined)
            for d in targets:
                d.names.append(name)
            self.current = targets[-1]
            if not segments:
                segments.append((sent.start, list(targets)))
            elif joined is not None:
                segments[-1][1].extend(d for d in targets if d not in segments[-1][1])
            elif targets != segments[-1][1]:
                segments.append((cue if cue is not None else name.start_char, list(targets)))
        segments = self._respective(i, segments)
        for _, targets in segments:
            for d in targets:
                d.add(i)
        self.current = segments[-1][1][-1]
        if len({id(d) for _, ds in segments for d in ds}) > 1:
            self.parts[i] = segments
        self._counts(i, segments)

    def _respective(self, i: int, segments):
        """Documents named together whose signers follow "masing-masing" in the same order: each
        group (from its "oleh", or after a ";") is its document's part of the sentence; what
        comes before the first is about them all."""
        for f in self.fills.get(i, []):
            if f.slot != "respective":
                continue
            k = next((n for n, (start, ds) in enumerate(segments) if start <= f.cue.start_char and len(ds) >= 2), None)
            if k is None or k + 1 < len(segments) and segments[k + 1][0] < f.window[1]:
                continue
            docs = segments[k][1]
            a, b = f.window
            toks = [t for t in self.ctx.doc[f.cue.end:] if t.idx < b]
            openers = [t.idx for t in toks if t.lower_ in data()["respective_openers"]]
            if len(openers) != len(docs):
                openers = [a] + [t.idx + 1 for t in toks if t.text == ";"]
            if len(openers) != len(docs):
                continue
            return segments[:k + 1] + [(at, [d]) for at, d in zip(openers, docs)] + segments[k + 1:]
        return segments

    def _doc_at(self, segments, char: int) -> _Doc:
        owner = segments[0][1]
        for start, ds in segments:
            if start <= char:
                owner = ds
        return owner[-1]

    def _counts(self, i: int, segments) -> None:
        """Counted counterparts or signers the article names, and pairs after "antara"."""
        here = self.fills.get(i, [])
        for f in here:
            if f.slot == "count" and f.value in COUNTED_GROUPS:
                n, at = self._counted(f)
                if n and n >= 2:
                    members = self._enumerated(i, at, n)
                    if members is not None:
                        d = self._doc_at(segments, f.cue.start_char)
                        d.count, d.members = n, members if len(members) == n else []
                        d.why.append(("agreements", f.rule, (f.cue.start_char, f.cue.end_char)))
            elif f.slot == "count" and f.value == EACH:
                members = self._named_before(i, collective(f.cue[0].lower_))
                if members:
                    d = self._doc_at(segments, f.cue.start_char)
                    d.count, d.members = len(members), members
                    d.why.append(("agreements", f.rule, (f.cue.start_char, f.cue.end_char)))
            elif f.slot == "pairs":
                pairs = self._pairs(f)
                if len(pairs) >= 2:
                    d = self._doc_at(segments, f.cue.start_char)
                    d.count, d.pairs = len(pairs), pairs
                    d.why.append(("agreements", f.rule, f.window))

    def _counted(self, f) -> tuple[int | None, int]:
        """The number a count row found and the token after it (not one inside a date, nor
        "N pihak", the sides of one joint document)."""
        doc = self.ctx.doc
        if f.value == "counterparts":
            at = f.cue.end
        else:   # the nearest number before the signing word
            sent = self.ctx.sentence_of(f.cue.start_char).span
            at = next((j for j in range(f.cue.start - 1, sent.start - 1, -1) if number_at(self.ctx, j) is not None), None)
            if at is None:
                return None, 0
        if in_date(self.ctx, at):
            return None, 0
        n = number_at(self.ctx, at)
        after = at + (2 if at + 1 < len(doc) and doc[at + 1].lower_ in (data()["teens"], data()["tens"]) else 1)
        # "N pihak" right after the number, or "satu naskah" anywhere in the sentence: one document
        if any(g.slot == "joint" and (g.cue.start == after or g.value == ONE_DOCUMENT)
               for g in self.fills.get(self.ctx.sentence_of(f.cue.start_char).i, [])):
            return None, 0
        return n, after

    def _named_before(self, i: int, n: int | None) -> list:
        """The members of a group that each sign their own document ("keempat lembaga itu",
        "masing-masing pemkab"), named in the sentences just before: the nearest enumeration
        there ("tiga pemerintah kabupaten, yakni A, B, dan C"; "Keempat lembaga tersebut yakni
        ..."), of N members when the group is counted; [] when none is, or it dates them."""
        before = [s.span for s in self.ctx.sents[max(0, i - LIST_LEAD):i]]
        windows = []
        for f in fill(self.ctx.doc, before, rows_of(DOCUMENTS, ENUMERATION)):
            end = self.ctx.sentence_of(f.cue.start_char).end
            if f.value == BACK_REFERENCE and n in (None, collective(f.cue[0].lower_)):
                windows.append((f.cue.end_char, end))
            elif f.value == NAMED and self._opens_with_a_name(f.cue.end):
                windows.append(f.window)
        if not windows:
            return []
        members = self._members_in(*max(windows))
        return members if members and len(members) >= 2 and n in (None, len(members)) else []

    def _members_in(self, a: int, b: int) -> list | None:
        """The institutions named between chars A and B; None when it dates them (signings at
        several times: "yaitu Pemkab A pada 2018 dan Pemkab B tahun ini"; a date after the list
        is the signing's)."""
        members = [(sp.start_char, sp.end_char) for sp in self.ctx.doc.spans.get("orgs", []) if a <= sp.start_char and sp.end_char <= b]
        dates = [sp.start_char for sp in self.ctx.doc.spans.get("dates", []) if a <= sp.start_char < b]
        if len(dates) >= 2 or (members and any(d < members[-1][1] for d in dates)):
            return None
        return members

    def _enumerated(self, i: int, after: int, n: int) -> list | None:
        """The members of a counted group the article names: an enumeration after it in the
        sentence ("..., yakni A dan B") or a sentence that opens by pointing back at it
        ("Keempat perguruan tinggi itu adalah ..."); None when it names none, or dates them."""
        windows = [f.window for f in self.fills.get(i, []) if f.slot == "enumeration" and f.cue.start >= after
                   and f.value == NAMED and self._opens_with_a_name(f.cue.end)]
        later = [s.span for s in self.ctx.sents[i + 1:]]
        for f in fill(self.ctx.doc, later, rows_of(DOCUMENTS, ENUMERATION)):
            if f.value == BACK_REFERENCE and collective(f.cue[0].lower_) == n:
                windows.append((f.cue.end_char, self.ctx.sentence_of(f.cue.start_char).end))
        if not windows:
            return None
        return self._members_in(*windows[0])

    def _opens_with_a_name(self, i: int) -> bool:
        """"yakni Tianhe Steel Group dan ...", not "adalah mengubahnya menjadi ...": a list of names."""
        for t in self.ctx.doc[i:]:
            if t.is_punct or t.is_space:
                continue
            return t.text[:1].isupper()
        return False

    def _pairs(self, f) -> list[tuple[int, int]]:
        """The pairs after "antara": a pair connective ("dengan", "antara") after a comma,
        "serta" or "dan" opens the next ("antara A dengan B, C antara D" is two)."""
        doc = self.ctx.doc
        a, b = f.window
        toks = [t for t in doc[f.cue.end:] if t.idx < b]
        connectives = set(data()["pair_connectives"])
        breaks = set(data()["item_breaks"])
        starts, boundary, seen_connective = [f.cue.start_char], None, False
        for t in toks:
            if t.lower_ in connectives:
                if seen_connective and boundary is not None:
                    starts.append(boundary)
                seen_connective, boundary = True, None
            elif (t.text in breaks or t.lower_ in breaks) and seen_connective and boundary is None:
                boundary = t.idx + len(t.text)
        ends = starts[1:] + [b]
        return list(zip(starts, ends))

    def itemise(self) -> None:
        """Counted documents the article then lists, one numbered item each ("menandatangani dua
        kerja sama ... meliputi:\n1. Nota Kesepahaman dengan UGM tentang ...;\n2. Perjanjian Kerja
        Sama dengan UNY ..."): each item is one of them, with its own name and subject."""
        for d in list(self.docs):
            if d.count < 2 or d.pairs or d.members:
                continue
            start = max(d.sentences) + 1
            items = []
            for j in range(start, min(len(self.ctx.sents), start + d.count + LIST_LEAD)):
                sent = self.ctx.sents[j]
                if is_list_item(sent) and names(self.ctx, sent):
                    items.append(j)
                elif items:
                    break
            if len(items) != d.count:
                continue
            k = self.docs.index(d)
            own = [_Doc(sentences=[j] + d.sentences, names=names(self.ctx, self.ctx.sents[j]),
                        why=d.why + [("agreements", "document.counted_list_item", (self.ctx.sents[j].start, self.ctx.sents[j].end))])
                   for j in items]
            self.docs[k:k + 1] = own

    # -- results ----------------------------------------------------------------------------
    def events(self) -> list[Event]:
        out = []
        for d in self.docs:
            if not d.sentences:
                continue
            # a listed item first: the sentence about this document alone
            first = [d.sentences[0]] if d.sentences and is_list_item(self.ctx.sents[d.sentences[0]]) else []
            # a sentence about every signing last: the record's own sentences come first
            shared = [i for i in self.every if i not in d.sentences]
            ev = Event(sentences=first + sorted(set(d.sentences) - set(first)) + shared, count=d.count,
                       pairs=list(d.pairs), members=list(d.members))
            for i, segments in self.parts.items():
                if i in d.sentences:
                    ev.parts[i] = [(start, end) for (start, ds), end in
                                   zip(segments, [s for s, _ in segments[1:]] + [self.ctx.sents[i].end]) if d in ds]
            for field_name, rule, span in d.why:
                ev.explain(field_name, rule, span)
            out.append((ev, d))
        return out


def _type(ctx: Context, d: _Doc, fallback_spans):
    """The name that types document D, else (FALLBACK_SPANS(): every instrument name of the
    article) the best the article gives."""
    seen, kind = set(), d
    while kind is not None and not kind.names and id(kind) not in seen:   # "penandatanganan serupa"
        seen.add(id(kind))
        kind = kind.like
    spans = [sp for n in (kind.names if kind is not None else []) for sp in n.spans]
    best = best_name(spans)
    if best is not None:
        return best, f"type.rank_{rank(best)}"
    best = best_name(fallback_spans())
    return best, ("type.named_elsewhere" if best is not None else None)


def _list_events(ctx: Context, reported: list[int], items: list[int]) -> list[Event]:
    """A numbered list of the instruments signed: one document per item; the other signing
    sentences describe the whole occasion and go with every item."""
    shared = [i for i in reported if i not in items]
    out = []
    for i in items:
        ev = Event(sentences=sorted([i] + shared))
        ev.explain("agreements", "document.list_item", (ctx.sents[i].start, ctx.sents[i].end))
        best = best_name([sp for n in names(ctx, ctx.sents[i]) for sp in n.spans]) \
            or best_name([sp for j in ev.sentences for n in names(ctx, ctx.sents[j]) for sp in n.spans])
        _set_type(ev, best, f"type.rank_{rank(best)}" if best is not None else None)
        out.append(ev)
    return out


def _set_type(ev: Event, best, rule) -> None:
    if best is not None:
        ev.type, ev.type_text, ev.type_span = best.id_, best.text, (best.start_char, best.end_char)
        ev.explain("type", rule, ev.type_span)


def _introduced(ctx: Context, body: list[int]) -> list[int]:
    """Sentences that introduce a signed document by its place among those signed, just before
    the sentence that tells its signing ("Dokumen ketiga adalah perjanjian kerja sama antara A
    dan B mengenai X. Perjanjian ini ditandatangani ..."): they say which document the next
    one is about, and its sides, though no signing word is in them."""
    told = set(body)
    candidates = [i for i in sorted(told) if i - 1 >= 0 and i - 1 not in told and i - 1 not in ctx.headings]
    candidates = [i - 1 for i in candidates if names(ctx, ctx.sents[i - 1])]
    if not candidates:
        return []
    found = fill(ctx.doc, [ctx.sents[i].span for i in candidates], rows_of(DOCUMENTS, "another"))
    return sorted({ctx.sentence_of(f.cue.start_char).i for f in found if f.value == POSITION})


def read_documents(ctx: Context, reported: list[int], signings: list) -> list[Event]:
    """One Event per signed document, typed, from the reported sentences and their signings."""
    words: dict[int, list] = {}
    for s in signings:
        words.setdefault(s.sent, []).append(s.span)
    items = [i for i in reported if is_list_item(ctx.sents[i])]
    if len(items) >= 2:
        return _list_events(ctx, reported, items)
    body = [i for i in reported if i not in ctx.headings]
    body = sorted(body + _introduced(ctx, body))
    described = [s.cue for s in signings if s.rule == RELATIVE_CLAUSE and s.cue is not None]
    reader = _Reader(ctx, body, words, described)
    for i in body:
        reader.sentence(i)
    reader.itemise()
    every: list = []

    def fallback() -> list:
        """Every instrument name of the article, read when a document has no name of its own
        (rarely: names() over every sentence costs more than the rest of this stage's reading)."""
        if not every:
            every.append([sp for s in ctx.sents for n in names(ctx, s) for sp in n.spans])
        return every[0]

    out = []
    titles = [i for i in reported if i in ctx.headings]   # they sum up the first document, if any
    for k, (ev, d) in enumerate(reader.events()):
        if k == 0 and titles:
            ev.sentences = sorted(titles + ev.sentences)
        _set_type(ev, *_type(ctx, d, fallback))
        out.append(ev)
    return out
