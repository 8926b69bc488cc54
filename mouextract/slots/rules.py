"""The rule language of the slot engine, compiled: rows of patterns/slots/*.yml become Rules
(every key is explained in the docstring of mouextract/slots/engine.py)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span

from ..patterns import all_files, load
from . import readers
from .conditions import Context, Stop, Test, _list, words_of
from .tokens import Phrases

DIRECTIONS = ("right", "left", "both", "sentence", "none")  # not-linguistic: the rule language's own words
CHOICES = ("all", "first")   # not-linguistic: the rule language's own words


@dataclass(frozen=True)
class Cue:
    labels: tuple[str, ...] = ()
    words: Phrases = field(default_factory=Phrases)
    groups: tuple[str, ...] = ()
    attrs: tuple[tuple[str, tuple], ...] = ()
    prefix: tuple[str, ...] = ()
    not_prefix: tuple[str, ...] = ()
    outside: tuple[str, ...] = ()
    brackets: bool = False


@dataclass(frozen=True)
class Take:
    group: str | None = None
    adjacent: bool = False
    next: Test | None = None
    not_next: Test | None = None
    read: str | None = None
    options: tuple = ()
    attrs: tuple[tuple[str, tuple], ...] = ()


@dataclass(frozen=True)
class Rule:
    id: str
    slot: str
    cue: Cue
    before: tuple[Context, ...]
    not_before: tuple[Context, ...]
    after: tuple[Context, ...]
    not_after: tuple[Context, ...]
    in_sentence: tuple[Context, ...]
    not_in_sentence: tuple[Context, ...]
    in_signing: tuple[Context, ...]
    not_in_signing: tuple[Context, ...]
    when: tuple[str, ...]
    sentences: object          # None (the given ones) | "all" | ("around", N) | a set's name
    continues: bool
    direction: str
    skip: Phrases
    keep_cue: bool
    opens: Test | None
    stops: tuple[Stop, ...]
    over_brackets: bool
    over_lines: bool
    stop_first: frozenset | None   # what a token must be for a stop to be worth testing (None: anything)
    take: Take | None
    priority: int
    value: str | None
    source: str


class RuleSet(tuple):
    """The compiled rows of one file, with how the file chooses, its named contexts, and the
    rows whose cue words start with each word."""
    choose: str = "all"
    contexts: dict = {}
    by_word: dict = {}


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
    items: tuple[tuple[int, int], ...] = ()   # character spans a reader read


# --- compiling ---------------------------------------------------------------------------------

def _contexts(value, named: dict, source: str, rule: str) -> tuple[Context, ...]:
    out: list[Context] = []
    for spec in ([] if value is None else value if isinstance(value, list) else [value]):
        if isinstance(spec, str):
            if spec not in named:
                raise ValueError(f"{source}: rule {rule}: no context named {spec!r}")
            out += named[spec]
        else:
            out.append(Context.of(spec))
    return tuple(out)


def _attrs(spec: dict) -> tuple[tuple[str, tuple], ...]:
    """{path: value or [values]} -> ((path, (values)), ...)."""
    return tuple((path, tuple(_list(v)) if isinstance(v, list) else (v,)) for path, v in (spec.get("attrs") or {}).items())


def _cue(spec: dict) -> Cue:
    attrs = _attrs(spec)
    return Cue(tuple(_list(spec.get("label"))), Phrases(words_of(spec.get("words"))), tuple(_list(spec.get("group"))),
               attrs, tuple(_list(spec.get("prefix"))), tuple(_list(spec.get("not_prefix"))),
               tuple(_list(spec.get("outside"))), bool(spec.get("brackets")))


def _take(spec) -> Take | None:
    if spec is None:
        return None
    if isinstance(spec, str):
        return Take(group=spec)
    if "read" in spec:
        readers.get(spec["read"])   # an unknown reader is an error in the file, found when compiled
        return Take(read=spec["read"], options=tuple((k, v) for k, v in spec.items() if k != "read"))
    return Take(group=spec["group"], adjacent=bool(spec.get("adjacent")), next=Test.of(spec.get("next")),
                not_next=Test.of(spec.get("not_next")), attrs=_attrs(spec))


def _sentences(value):
    if isinstance(value, dict):
        return ("around", int(value["around"]))
    return value


def _stop_first(stops: tuple[Stop, ...]) -> frozenset | None:
    """The first words, marks and labels a stop can start with; None when a stop tests a kind
    of word (capitalised, digit ...) and any token may start one."""
    first: set[str] = set()
    for stop in stops:
        t = stop.test
        if t.capitalised or t.digit or t.word or t.groups:
            return None
        first |= set(t.words.first) | t.punct | t.labels
    return frozenset(first)


def _compile(row: dict, stops: dict, named: dict, source: str) -> Rule:
    rid = row["id"]
    direction = row.get("direction", "right" if row.get("take") else "none")
    if direction not in DIRECTIONS:
        raise ValueError(f"{source}: rule {rid}: direction must be one of {DIRECTIONS}")
    stop_specs = []
    for s in _list(row.get("stop")):
        if isinstance(s, str) and s not in stops:
            raise ValueError(f"{source}: rule {rid}: no stop named {s!r}")
        stop_specs.append(stops[s] if isinstance(s, str) else s)
    ctx = lambda key: _contexts(row.get(key), named, source, rid)  # noqa: E731
    return Rule(
        id=rid, slot=row["slot"], cue=_cue(row["cue"]),
        before=ctx("before"), not_before=ctx("not_before"), after=ctx("after"), not_after=ctx("not_after"),
        in_sentence=ctx("in_sentence"), not_in_sentence=ctx("not_in_sentence"),
        in_signing=ctx("in_signing"), not_in_signing=ctx("not_in_signing"),
        when=tuple(_list(row.get("when"))), sentences=_sentences(row.get("sentences")),
        continues=bool(row.get("continues")), direction=direction, skip=Phrases(words_of(row.get("skip"))),
        keep_cue=bool(row.get("keep_cue")), opens=Test.of(row.get("opens")), stops=tuple(Stop.of(s) for s in stop_specs),
        over_brackets=bool(row.get("over_brackets")), over_lines=bool(row.get("over_lines")),
        stop_first=_stop_first(tuple(Stop.of(s) for s in stop_specs)), take=_take(row.get("take")), priority=int(row.get("priority", 0)), value=row.get("value"), source=source)


def compile_rules(data: dict, source: str = "<rules>") -> RuleSet:
    """Rules from the content of a slots file ({rules, stops, contexts, choose})."""
    stops = data.get("stops") or {}
    named = {name: tuple(Context.of(one) for one in (spec if isinstance(spec, list) else [spec]))
             for name, spec in (data.get("contexts") or {}).items()}
    out = RuleSet(_compile(row, stops, named, source) for row in data["rules"])
    out.choose = data.get("choose", "all")
    out.contexts = named
    out.by_word = {}
    for n, rule in enumerate(out):
        for word in rule.cue.words.first:
            out.by_word.setdefault(word, []).append(n)
    if out.choose not in CHOICES:
        raise ValueError(f"{source}: choose must be one of {CHOICES}")
    if out.choose == "first" and any(r.sentences is not None for r in out):
        raise ValueError(f"{source}: with choose: first, rows read the given sentences only")
    return out


@lru_cache(maxsize=None)
def rules(name: str) -> RuleSet:
    """The compiled rules of patterns/slots/NAME (checked against the schema when loaded)."""
    return compile_rules(load(f"slots/{name}"), name)


@lru_cache(maxsize=None)
def rows_of(name: str, slot: str) -> RuleSet:
    """The rows of patterns/slots/NAME that fill SLOT, compiled as a file of their own (with the
    file's stops and contexts): a stage that reads one slot in some sentences and another slot
    in others runs each over its own."""
    data = load(f"slots/{name}")
    return compile_rules(dict(data, rules=[row for row in data["rules"] if row["slot"] == slot]), name)


def slot_files() -> list[str]:
    return [f.split("/", 1)[1] for f in all_files() if f.startswith("slots/")]


