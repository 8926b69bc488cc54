"""Stage 6: the scope — what the agreement covers, as the article lists it.

Reads the parsed Doc (sentences, tokens, the span ruler's labels) with the rows of
patterns/scope.yml. A row is one construction: a cue ("meliputi", "tentang", "di bidang",
"tujuannya adalah", an instrument's name), the anchor the cue must follow in its sentence (an
instrument, a signing, a heading noun such as "ruang lingkup"), where its window stops, and
what it takes there: a `list` or a `subject`, and for an aim only the items that name a
concrete field (`require: field`). This module finds the cues that apply and closes their
windows; mouextract/lists.py reads the list in a window. Headlines, captions and sentences
about an agreement only mentioned are not read.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, fields
from functools import lru_cache

from . import lists
from .context import Context
from .lists import ListWords, Phrases, Piece, Tokens
from .patterns import load

_FINAL = {".", "!", "?", "”", '"', "’"}


@dataclass(frozen=True)
class Test:
    """What a token must be: one of some words, a ruler label, a mark, or a kind of word."""
    words: Phrases | None = None
    labels: frozenset = frozenset()
    punct: frozenset = frozenset()
    capitalised: bool = False
    weekday: bool = False
    digit: bool = False
    venue: bool = False
    word: bool = False

    @classmethod
    def of(cls, spec: dict | None) -> Test | None:
        if spec is None:
            return None
        kinds = {f.name: bool(spec.get(f.name)) for f in fields(cls) if f.type == "bool"}
        labels = spec.get("labels") or spec.get("label") or ()   # a cue names its label as the slot rules do
        return cls(Phrases(spec.get("words")), frozenset([labels] if isinstance(labels, str) else labels),
                   frozenset(spec.get("punct") or ()), **kinds)


@dataclass(frozen=True)
class Stop:
    test: Test
    next: Test | None          # the token after must pass this too
    after_punct: frozenset     # ... and the token before be one of these marks


@dataclass(frozen=True)
class Stops:
    """A rule's stops, and what a token must be for one of them to be worth testing."""
    each: tuple[Stop, ...]
    first: frozenset = frozenset()    # first words and marks
    labels: frozenset = frozenset()
    weekday: bool = False

    @classmethod
    def of(cls, each: tuple[Stop, ...]) -> Stops:
        tests = [s.test for s in each]
        return cls(each, frozenset(w for t in tests if t.words for w in t.words.first) | {p for t in tests for p in t.punct},
                   frozenset(label for t in tests for label in t.labels), any(t.weekday for t in tests))


@dataclass(frozen=True)
class Rule:
    id: str
    cue: Test
    anchors: tuple[Test, ...]   # what the cue must follow in its sentence (none: nothing)
    within: int | None          # ... so many tokens before it at most
    bridge: bool                # ... with only bridge words, names, numbers and marks between
    not_across: Test | None     # ... and none of these between
    not_after: Phrases    # words after the cue that make it an idiom
    skip: Phrases         # words passed over after the cue
    keep_cue: bool              # the item starts with the cue's last word ("bidang")
    take: str                   # list | subject
    field: bool                 # only items that name a concrete field (an aim)
    stops: Stops
    after_scope: bool           # only right after a sentence that gave items


def _rule(row: dict, anchors: dict, stops: dict) -> Rule:
    before = row.get("before") or {}
    return Rule(
        id=row["id"], cue=Test.of(row["cue"]), anchors=tuple(anchors[a] for a in before.get("anchors", ())),
        within=before.get("within"), bridge=before.get("across") == "bridge", not_across=Test.of(before.get("not_across")),
        not_after=Phrases((row.get("not_after") or {}).get("words")), skip=Phrases(row.get("skip")),
        keep_cue=bool(row.get("keep_cue")), take=row["take"], field=row.get("require") == "field",
        stops=Stops.of(tuple(stops[s] for s in row.get("stop") or ())), after_scope=bool(row.get("after_scope")))


@dataclass(frozen=True)
class Knowledge:
    rules: tuple[Rule, ...]
    by_word: dict       # first word of a cue -> the rules (their indexes) it may open
    by_label: dict      # ruler label of a cue -> the rules it may open
    labels: frozenset   # every ruler label the rows test
    words: ListWords    # what the list reading needs
    bridge: Test
    names: Test
    nominal_prefixes: tuple[str, ...]
    nominal_suffixes: tuple[str, ...]
    general: Phrases
    not_fields: Test
    weekdays: frozenset
    venues: Phrases


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    data, calendar = load("scope.yml"), load("calendar.yml")
    anchors = {name: Test.of(spec) for name, spec in data["anchors"].items()}
    stops = {name: Stop(Test.of(spec), Test.of(spec.get("next")), frozenset(spec.get("after_punct") or ()))
             for name, spec in data["stops"].items()}
    rules = tuple(_rule(row, anchors, stops) for row in data["rules"])
    conn, aims = data["connectives"], data["aims"]
    words = ListWords(
        lead=Phrases(conn["lead"]), trail=frozenset(conn["trail"]), separators=frozenset(conn["separators"]),
        conjunctions=frozenset(conn["and"]), last=frozenset(conn["last"]), introducers=Phrases(conn["introducers"]),
        numbers=dict(data["numbers"]), quantities=frozenset(calendar["quantity_words"]),
        function_words=frozenset(data["function_words"]), list_heads=frozenset(data["list_heads"]),
        field_heads=Phrases(data["field_heads"]))
    by_word: dict[str, list[int]] = {}
    by_label: dict[str, list[int]] = {}
    for n, rule in enumerate(rules):
        for word in (rule.cue.words.first if rule.cue.words else ()):
            by_word.setdefault(word, []).append(n)
        for label in rule.cue.labels:
            by_label.setdefault(label, []).append(n)
    bridge, names, not_fields = Test.of(data["bridge"]), Test.of(data["names"]), Test.of(aims["not_fields"])
    tests = list(anchors.values()) + [s.test for s in stops.values()] + [r.cue for r in rules] \
        + [r.not_across for r in rules if r.not_across is not None] + [bridge, names, not_fields]
    return Knowledge(
        rules=rules, by_word=by_word, by_label=by_label,
        labels=frozenset(label for t in tests for label in t.labels), words=words, bridge=bridge, names=names,
        nominal_prefixes=tuple(aims["nominal"]["prefixes"]), nominal_suffixes=tuple(aims["nominal"]["suffixes"]),
        general=Phrases(aims["general"]), not_fields=not_fields, weekdays=frozenset(w for names in calendar["weekdays"].values() for w in names),
        venues=Phrases(load("venues.yml")["venue_heads"]))


@dataclass(frozen=True)
class Item:
    text: str
    span: tuple[int, int]
    rule: str


class Reading:
    """One article's tokens with the tests the rows make of them."""

    def __init__(self, ctx: Context, k: Knowledge):
        # the ruler's spans of the labels the rows test, as the Context holds them already
        self.ctx, self.k = ctx, k
        self.tk = Tokens(ctx.doc, [sp for label in k.labels for sp in ctx.rules(label)], ctx.text)

    def test(self, i: int, t: Test, *, ending: bool = False) -> int:
        """How many tokens from i pass T (1 for the last token of a phrase when ENDING); 0: none."""
        tk = self.tk
        if i < 0 or i >= len(tk):
            return 0
        if t.words:
            n = int(tk.ends(i, t.words)) if ending else tk.phrase(i, t.words)
            if n:
                return n
        if t.labels and not ending:
            n = max((tk.spans.get((label, i), 0) - i for label in t.labels), default=0)
            if n > 0:
                return n
        text = tk.text[i]
        if ((ending and tk.labels[i] & t.labels) or text in t.punct or (t.capitalised and text[:1].isupper())
                or (t.weekday and tk.lower[i] in self.k.weekdays) or (t.digit and text[:1].isdigit())
                or (t.word and text[:1].isalpha())):
            return 1
        return tk.phrase(i, self.k.venues) if t.venue else 0

    def may_stop(self, i: int, rule: Rule) -> bool:
        tk = self.tk
        stops = rule.stops
        return (tk.lower[i] in stops.first or tk.text[i] in stops.first or bool(tk.labels[i] & stops.labels)
                or (stops.weekday and tk.lower[i] in self.k.weekdays))

    def stops_at(self, i: int, stop: Stop) -> bool:
        n = self.test(i, stop.test)
        if not n or (stop.next is not None and not self.test(i + n, stop.next)):
            return False
        return not stop.after_punct or (i > 0 and self.tk.text[i - 1] in stop.after_punct)

    # --- where a cue applies ------------------------------------------------------------------

    def anchored(self, sent_start: int, cue: int, rule: Rule) -> bool:
        """Whether the cue at token CUE follows one of the rule's anchors in its sentence: within
        so many tokens, across no token of `not_across`, and (across: bridge) only across
        bridge words, capitalised names, numbers, brackets and commas."""
        if not rule.anchors:
            return True
        tk, depth, seen = self.tk, 0, 0
        for i in range(cue - 1, sent_start - 1, -1):
            if any(self.test(i, a, ending=True) for a in rule.anchors):
                return True
            if rule.not_across is not None and self.test(i, rule.not_across, ending=True):
                return False
            depth = max(depth - {"(": 1, ")": -1}.get(tk.text[i], 0), 0)
            if rule.bridge and not (depth or tk.text[i].isspace() or self.test(i, self.k.bridge, ending=True)):
                return False
            seen += not tk.text[i].isspace()
            if rule.within is not None and seen >= rule.within:
                return False
        return False

    # --- the window a cue opens ---------------------------------------------------------------

    def continues(self, si: int) -> bool:
        """A line broken inside a list: no closing mark, and the next line goes on in lower case."""
        sents = self.ctx.sents
        if si + 1 >= len(sents):
            return False
        last, nxt = self.tk.text[sents[si].span.end - 1], sents[si + 1].span.start
        return last not in _FINAL and last != ":" and self.tk.text[nxt][:1].islower() and self.tk.newline_before(nxt)

    def window_end(self, si: int, start: int, rule: Rule) -> int:
        """Where the window from START closes: a stop (outside brackets), or the end of its
        sentence, or of the next line when a list is broken across a line."""
        depth, i = 0, start
        while True:
            end = self.ctx.sents[si].span.end
            while i < end:
                depth = max(depth + {"(": 1, ")": -1}.get(self.tk.text[i], 0), 0)
                if depth == 0 and i > start and self.may_stop(i, rule) and any(self.stops_at(i, s) for s in rule.stops.each):
                    return i
                i += 1
            if not self.continues(si):
                return end
            si += 1

    def is_field(self, piece: Piece) -> bool:
        """An aim names a field when it opens with a noun made from a verb ("pengembangan",
        "sosialisasi"), not with a name or an entity ("perusahaan"), and none of its first
        words is a general aim's."""
        tk, k = self.tk, self.k
        start, end = lists.trim(tk, k.words, piece.start, piece.end)
        if end <= start:
            return False
        first = tk.lower[start]
        nominal = first.startswith(k.nominal_prefixes) and first.endswith(k.nominal_suffixes) and len(first) > 5 \
            and not self.test(start, k.not_fields, ending=True)
        return nominal and not any(tk.phrase(i, k.general) for i in range(start, min(end, start + 3)))

    def read(self, si: int, start: int, rule: Rule) -> list[Item]:
        """The items of the window a cue opens at token START."""
        tk, w, sents = self.tk, self.k.words, self.ctx.sents
        end = sents[si].span.end
        start = lists.skip(tk, start, end, rule.skip)
        start, announced = lists.count(tk, w, start, end)
        start = lists.skip(tk, start, end, w.introducers)
        if start >= end and si + 1 < len(sents):   # "... yaitu:" ends a line: the list is below
            si, start = si + 1, sents[si + 1].span.start
            end = sents[si].span.end
        if start >= len(tk):
            return []
        rest = start   # past the name of an instrument, to its subject
        while rest < end and self.test(rest, self.k.names, ending=True):
            rest += 1
        start = rest if rest < end and tk.text[rest][:1].isalpha() else start
        found = lists.numbered(tk, w, start)
        if found and self.test(found[0][0], self.k.names):
            return []   # a list of instruments ("1. Nota Kesepahaman tentang X ..."): each gives its own subject
        if found:
            spans = [lists.span(tk, w, a, b, begin) for a, begin, b in found]
            return [Item(tk.string[s[0]:s[1]], s, rule.id) for s in spans if s]
        stop = self.window_end(si, start, rule)
        accept = self.is_field if rule.field else None
        if rule.take == "subject" and tk.phrase(start, w.field_heads) and tk.text[start][:1].isupper():
            # "Kerja Sama Meteorologi, Klimatologi, dan Geofisika": a title, one item
            spans = [s for s in [lists.span(tk, w, start, stop)] if s and (accept is None or accept(Piece(start, stop, "")))]
        else:
            spans = lists.read(tk, w, start, stop, announced, accept)
        return [Item(tk.string[a:b], (a, b), rule.id) for a, b in spans]

    # --- the article ------------------------------------------------------------------------------

    def title_like(self, start: int, end: int) -> bool:
        """A headline or caption: short, no closing mark, and most longer words capitalised."""
        text = self.tk.text[start:end]
        words = [t for t in text if t[:1].isalpha() and len(t) > 3]
        last = next((t for t in reversed(text) if not t.isspace()), "")
        if not words or len(words) > 16 or last in _FINAL or last in {",", ";", ":"}:
            return False
        return sum(w[:1].isupper() for w in words) >= 0.6 * len(words)

    def rules_at(self, i: int) -> list[Rule]:
        """The rules whose cue may start at token i, in the file's order (one lookup a token)."""
        k, tk = self.k, self.tk
        found = k.by_word.get(tk.lower[i], ())
        labelled = [n for label, rows in k.by_label.items() if (label, i) in tk.spans for n in rows]
        return [k.rules[n] for n in (sorted(set(found) | set(labelled)) if labelled else found)]

    def cue(self, i: int, rule: Rule, sent_end: int) -> int:
        """Length of the rule's cue at token i, or 0 when there is none or it is an idiom."""
        n = self.test(i, rule.cue)
        if n and rule.cue.labels and i + n < len(self.tk) and self.tk.text[i + n] == "(":
            close = next((j for j in range(i + n, min(sent_end, i + n + 12)) if self.tk.text[j] == ")"), None)
            n = close + 1 - i if close is not None else n   # a name's abbreviation is part of it: "MoU (PKS)"
        if n and rule.not_after and self.tk.phrase(lists.skip(self.tk, i + n, sent_end, rule.skip), rule.not_after):
            return 0
        if n and rule.cue.labels:   # a name's subject follows it at once: "PKS pengelolaan sampah"
            j = i + n + self.tk.phrase(i + n, rule.skip) if i + n < len(self.tk) else i + n
            return n if j < sent_end and self.tk.text[j][:1].isalpha() else 0
        return n

    def scope(self) -> list[Item]:
        ctx, tk, k = self.ctx, self.tk, self.k
        mentioned = {s.i for s in (ctx.sentence_of(m.span[0]) for m in ctx.mentioned if m.span) if s}
        starts = [s.span.start for s in ctx.sents]
        cues = sorted({i for i, w in enumerate(tk.lower) if w in k.by_word}
                      | {i for label, i in tk.spans if label in k.by_label})
        found: list[Item] = []
        taken = 0                  # where the last window ended: no cue inside it is read again
        gave: set[int] = set()     # the sentences that gave items
        titles: dict[int, bool] = {}
        for i in cues:
            si = bisect.bisect_right(starts, i) - 1
            sent = ctx.sents[si].span if si >= 0 else None
            if i < taken or sent is None or i >= sent.end or si == ctx.headline or si in mentioned:
                continue
            for rule in self.rules_at(i):
                n = self.cue(i, rule, sent.end)
                if not n or (rule.after_scope and si - 1 not in gave) or not self.anchored(sent.start, i, rule):
                    continue
                if si not in titles:
                    titles[si] = self.title_like(sent.start, sent.end)
                if titles[si]:
                    break
                items = self.read(si, i + n - 1 if rule.keep_cue else i + n, rule)
                if items:
                    for item in items:
                        _add(found, item)
                    gave.add(si)
                    taken = tk.token_at(max(x.span[1] for x in items))
                    break
        return found


def _add(found: list[Item], item: Item) -> None:
    """Add ITEM unless an item found already says the same; a longer wording of the same item
    ("peningkatan sumber daya" / "... dalam rangka pembangunan daerah") replaces it."""
    words = set(item.text.lower().split())
    for k, other in enumerate(found):
        ow = set(other.text.lower().split())
        if len(words & ow) / len(words | ow) >= 0.8 or (len(words) >= 2 and words <= ow):
            return
        if len(ow) >= 2 and ow < words:
            found[k] = item
            return
    found.append(item)


def find_scope(ctx: Context) -> list[Item]:
    return Reading(ctx, knowledge()).scope()


def run(ctx: Context) -> None:
    if not ctx.events:
        return
    items = find_scope(ctx)
    for ev in ctx.events:
        # with several records, a record's own sentences may give its subject ("1. Nota
        # Kesepahaman tentang X, yang ditandatangani ..."); otherwise the article's scope is theirs
        own = [x for x in items if any(ctx.sents[i].start <= x.span[0] < ctx.sents[i].end for i in ev.sentences[:1])]
        chosen = own if own and len(ctx.events) > 1 else items
        ev.scope = [{"text": x.text, "span": list(x.span)} for x in chosen]
        for x in chosen:
            ev.explain("scope", x.rule, x.span)
