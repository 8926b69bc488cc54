"""Slot rules: compiled from patterns/slots/*.yml and applied to the sentences of a signing.

A rule row (schema in mouextract/patterns.py, examples in each file):

    id:        unique name, recorded as the provenance of what the rule fills
    slot:      what it fills (signatories, witnesses, on_behalf_of, parties, exclude ...)
    cue:       {label: SIGN | [..]} a span-ruler label, or {words: [oleh, "turut menyaksikan"]};
               optionally prefix / not_prefix: the cue word starts (not) with one of these
    before, not_before, after, not_after:
               context the cue needs (or must not have) on that side, in the same sentence:
               {words, labels, prefix, punct, capitalised: true, digit: true, start: true, within: N,
               not_across: [..]}
               — `within` counts tokens (default: to the sentence edge), `not_across` stops
               the search at these tokens, `start: true` holds at the sentence's start,
               `prefix` asks a labelled token to start so ("me": the active form of a verb)
    in_sentence, not_in_sentence: {words, labels} anywhere in the sentence
    direction: right | left | both | sentence | none — where the slot opens from the cue
    skip:      words passed over at the window's edge next to the cue ("oleh", "langsung")
    stop:      names of the file's `stops` (or inline {words, labels, punct, next, not_next}):
               where it closes; next/not_next test the token after the stop word
    take:      the span group whose mentions the window holds (persons, orgs ...), or none
    priority:  which rule wins when two take the same mention (higher wins; default 0)
    value:     for a slot that takes no mention (status: planned, past ...)
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..nlp import RULES_KEY
from ..patterns import all_files, load

DIRECTIONS = ("right", "left", "both", "sentence", "none")  # not-linguistic: the rule language's own words


@dataclass(frozen=True)
class Context:
    """One side condition: tokens on a side of the cue that match words, labels, punctuation."""
    words: frozenset[str] = frozenset()
    labels: frozenset[str] = frozenset()
    punct: frozenset[str] = frozenset()
    capitalised: bool = False
    start: bool = False
    within: int | None = None
    not_across: frozenset[str] = frozenset()
    prefix: tuple[str, ...] = ()   # a labelled token must also start with one of these
    digit: bool = False

    @classmethod
    def of(cls, spec: dict | None) -> Context | None:
        if spec is None:
            return None
        return cls(_words(spec.get("words")), frozenset(_list(spec.get("labels"))), frozenset(_list(spec.get("punct"))),
                   bool(spec.get("capitalised")), bool(spec.get("start")), spec.get("within"),
                   frozenset(_list(spec.get("not_across"))), tuple(_list(spec.get("prefix"))), bool(spec.get("digit")))


@dataclass(frozen=True)
class Stop:
    """Tokens where a window closes; `next` / `not_next` ask the token after it to match (or
    not): "pada" closes a window before a date ("pada Senin"), not inside an office ("Direktur
    pada Bank X")."""
    words: frozenset[str] = frozenset()
    labels: frozenset[str] = frozenset()
    punct: frozenset[str] = frozenset()
    next: Context | None = None
    not_next: Context | None = None

    @classmethod
    def of(cls, spec: dict) -> Stop:
        return cls(_words(spec.get("words")), frozenset(_list(spec.get("labels"))), frozenset(_list(spec.get("punct"))),
                   Context.of(spec.get("next")), Context.of(spec.get("not_next")))


@dataclass(frozen=True)
class Rule:
    id: str
    slot: str
    labels: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    prefix: tuple[str, ...]
    not_prefix: tuple[str, ...]
    before: Context | None
    not_before: Context | None
    after: Context | None
    not_after: Context | None
    in_sentence: Context | None
    not_in_sentence: Context | None
    direction: str
    skip: frozenset[str]
    stops: tuple[Stop, ...]
    take: str | None
    priority: int
    value: str | None
    source: str


@dataclass(frozen=True)
class Fill:
    """What one rule found at one cue: the mentions it took, or its value, and the window."""
    rule: str
    slot: str
    priority: int
    cue: Span
    window: tuple[int, int]            # character offsets
    mentions: tuple[Span, ...] = ()    # for `both`: (left side's last, right side's first)
    value: str | None = None


def _list(value) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _words(value) -> frozenset[str]:
    return frozenset(str(w).lower() for w in _list(value))


def _compile(row: dict, stops: dict, source: str) -> Rule:
    cue = row["cue"]
    named = [stops[s] if isinstance(s, str) else s for s in _list(row.get("stop"))]
    direction = row.get("direction", "right" if row.get("take") else "none")
    if direction not in DIRECTIONS:
        raise ValueError(f"{source}: rule {row['id']}: direction must be one of {DIRECTIONS}")
    return Rule(
        id=row["id"], slot=row["slot"], labels=frozenset(_list(cue.get("label"))),
        phrases=tuple(tuple(str(p).lower().split()) for p in _list(cue.get("words"))),
        prefix=tuple(_list(cue.get("prefix"))), not_prefix=tuple(_list(cue.get("not_prefix"))),
        before=Context.of(row.get("before")), not_before=Context.of(row.get("not_before")),
        after=Context.of(row.get("after")), not_after=Context.of(row.get("not_after")),
        in_sentence=Context.of(row.get("in_sentence")), not_in_sentence=Context.of(row.get("not_in_sentence")),
        direction=direction, skip=_words(row.get("skip")), stops=tuple(Stop.of(s) for s in named),
        take=row.get("take"), priority=int(row.get("priority", 0)), value=row.get("value"), source=source)


def compile_rules(data: dict, source: str = "<rules>") -> tuple[Rule, ...]:
    """Rules from the content of a slots file ({stops, rules})."""
    stops = data.get("stops") or {}
    return tuple(_compile(row, stops, source) for row in data["rules"])


@lru_cache(maxsize=None)
def rules(name: str) -> tuple[Rule, ...]:
    """The compiled rules of patterns/slots/NAME (checked against the schema when loaded)."""
    return compile_rules(load(f"slots/{name}"), name)


def slot_files() -> list[str]:
    return [f.split("/", 1)[1] for f in all_files() if f.startswith("slots/")]


# --- applying rules --------------------------------------------------------------------------

class _Sentence:
    """What the rules test in one sentence, computed once: labels per token, cue positions."""

    def __init__(self, doc: Doc, sent: Span):
        self.doc, self.sent = doc, sent
        self.a, self.b = sent.start, sent.end
        self.lower = [t.lower_ for t in sent]
        self._inside: dict[str | None, set[int]] = {}
        self.labels: list[set[str]] = [set() for _ in range(len(sent))]
        self.label_spans: dict[str, list[Span]] = {}
        for sp in doc.spans.get(RULES_KEY, []):
            if self.a <= sp.start and sp.end <= self.b:
                self.label_spans.setdefault(sp.label_, []).append(sp)
                for i in range(sp.start, sp.end):
                    self.labels[i - self.a].add(sp.label_)

    def token_matches(self, i: int, spec) -> bool:
        k = i - self.a
        tok = self.doc[i]
        labelled = bool(self.labels[k] & spec.labels) and (not getattr(spec, "prefix", ()) or self.lower[k].startswith(spec.prefix))
        return (self.lower[k] in spec.words or labelled or tok.text in spec.punct
                or (getattr(spec, "capitalised", False) and tok.text[:1].isupper())
                or (getattr(spec, "digit", False) and tok.text[:1].isdigit()))

    def cues(self, rule: Rule) -> list[Span]:
        found = [sp for label in rule.labels for sp in self.label_spans.get(label, [])]
        for phrase in rule.phrases:
            n = len(phrase)
            for k in range(len(self.lower) - n + 1):
                if tuple(self.lower[k:k + n]) == phrase:
                    found.append(self.doc[self.a + k:self.a + k + n])
        out = []
        for sp in sorted(found, key=lambda s: (s.start, -len(s))):
            first = sp[0].lower_
            if rule.prefix and not first.startswith(rule.prefix):
                continue
            if rule.not_prefix and first.startswith(rule.not_prefix):
                continue
            out.append(sp)
        return out

    def side(self, cue: Span, ctx: Context, before: bool) -> bool:
        """Whether CTX holds on one side of CUE."""
        if before and ctx.start and cue.start == self.a:
            return True
        if before:
            positions = range(cue.start - 1, max(self.a, cue.start - ctx.within) - 1 if ctx.within else self.a - 1, -1)
        else:
            positions = range(cue.end, min(self.b, cue.end + ctx.within) if ctx.within else self.b)
        for i in positions:
            if self.doc[i].text in ctx.not_across or self.lower[i - self.a] in ctx.not_across:
                return False
            if self.token_matches(i, ctx):
                return True
        return False

    def anywhere(self, ctx: Context) -> bool:
        return any(self.token_matches(i, ctx) for i in range(self.a, self.b))

    def inside(self, group: str | None) -> set[int]:
        """Tokens inside a mention of GROUP after its first: a stop word there is part of the
        mention ("Konsul Jenderal RI di Sydney, X"), not where the clause moves on."""
        if group not in self._inside:
            self._inside[group] = {i for m in self.doc.spans.get(group, []) if self.a <= m.start < self.b
                                   for i in range(m.start + 1, m.end)} if group else set()
        return self._inside[group]

    def stops_at(self, i: int, rule: Rule) -> bool:
        if i in self.inside(rule.take):
            return False
        for stop in rule.stops:
            if not self.token_matches(i, stop):
                continue
            following = i + 1 < self.b
            if stop.next is not None and not (following and self.token_matches(i + 1, stop.next)):
                continue
            if stop.not_next is not None and following and self.token_matches(i + 1, stop.not_next):
                continue
            return True
        return False

    def window(self, cue: Span, rule: Rule, side: str) -> tuple[int, int]:
        """Token range [start, end) of the slot on one side of the cue."""
        if side == "right":
            i = cue.end
            while i < self.b and self.lower[i - self.a] in rule.skip:
                i += 1
            end = i
            while end < self.b and not self.stops_at(end, rule):
                end += 1
            return i, end
        j = cue.start
        while j > self.a and self.lower[j - 1 - self.a] in rule.skip:
            j -= 1
        start = j
        while start > self.a and not self.stops_at(start - 1, rule):
            start -= 1
        return start, j


def _applies(s: _Sentence, rule: Rule, cue: Span) -> bool:
    checks = ((rule.before, True, True), (rule.not_before, True, False),
              (rule.after, False, True), (rule.not_after, False, False))
    for ctx, before, wanted in checks:
        if ctx is not None and s.side(cue, ctx, before) != wanted:
            return False
    if rule.in_sentence is not None and not s.anywhere(rule.in_sentence):
        return False
    return rule.not_in_sentence is None or not s.anywhere(rule.not_in_sentence)


def _inside(doc: Doc, span: Span, start: int, end: int, anchor: str) -> bool:
    """Whether a mention lies in tokens [start, end); persons by their name when they have one."""
    if end <= start:
        return False
    a, b = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    s, e = span.start_char, span.end_char
    person = span._.get("person") if anchor == "persons" and span.has_extension("person") else None
    if person is not None and person.name_span:
        s, e = person.name_span
    return a <= s and e <= b


def _chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    if end <= start:
        return (doc[start].idx, doc[start].idx) if start < len(doc) else (len(doc.text), len(doc.text))
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def fill(doc: Doc, sentences: list[Span], name: str | tuple[Rule, ...]) -> list[Fill]:
    """What the rules of patterns/slots/NAME (or compiled RULES) take in SENTENCES, sentence by
    sentence, in rule order."""
    out: list[Fill] = []
    compiled = rules(name) if isinstance(name, str) else name
    for sent in sentences:
        s = _Sentence(doc, sent)
        for rule in compiled:
            for cue in s.cues(rule):
                if not _applies(s, rule, cue):
                    continue
                out += _take(doc, s, rule, cue)
    return out


def _take(doc: Doc, s: _Sentence, rule: Rule, cue: Span) -> list[Fill]:
    group = list(doc.spans.get(rule.take, [])) if rule.take else []
    if rule.direction == "none":
        return [Fill(rule.id, rule.slot, rule.priority, cue, (cue.start_char, cue.end_char), value=rule.value)]
    if rule.direction == "sentence":
        start, end = s.a, s.b
        mentions = tuple(m for m in group if _inside(doc, m, start, end, rule.take))
        return [Fill(rule.id, rule.slot, rule.priority, cue, _chars(doc, start, end), mentions, rule.value)]
    if rule.direction == "both":
        ls, le = s.window(cue, rule, "left")
        rs, re_ = s.window(cue, rule, "right")
        left = [m for m in group if _inside(doc, m, ls, le, rule.take)]
        right = [m for m in group if _inside(doc, m, rs, re_, rule.take)]
        if not left or not right:
            return []
        return [Fill(rule.id, rule.slot, rule.priority, cue, (_chars(doc, ls, le)[0], _chars(doc, rs, re_)[1]),
                     (left[-1], right[0]), rule.value)]
    start, end = s.window(cue, rule, rule.direction)
    mentions = tuple(m for m in group if _inside(doc, m, start, end, rule.take))
    if rule.take and not mentions:
        return []
    return [Fill(rule.id, rule.slot, rule.priority, cue, _chars(doc, start, end), mentions, rule.value)]
