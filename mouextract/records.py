"""The records mouextract produces, as frozen dataclasses whose field order is the output order.

Built once, at the end of extraction; writers, the dataset file, evaluate and show read them.
The plain-data form (`to_dict`, what `extract` returns and what crosses process boundaries) is
the JSON the project's scorer reads; `from_dict` reads it back, so a record survives a round
trip through JSONL or SQLite unchanged.

Spans are `(start, end)` character offsets into the article text, or None.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

Span = tuple[int, int]


def _span(value) -> Span | None:
    return (int(value[0]), int(value[1])) if value else None


_ATOMS = frozenset({str, int, float, bool, type(None)})   # JSON data as they are


def _plain(value):
    """A record field as JSON data: tuples as lists, nested records as dicts."""
    if type(value) in _ATOMS:   # most fields: one lookup rather than three isinstance tests
        return value
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class Record:
    """Shared plain-data conversion for the dataclasses below."""

    def to_dict(self) -> dict:
        return {name: _plain(getattr(self, name)) for name in _out_names(type(self))}

    @classmethod
    def columns(cls) -> tuple[str, ...]:
        """The output keys, in output order."""
        return tuple(f.name for f in fields(cls) if f.metadata.get("out", True))


_OUT_NAMES: dict[type, tuple[str, ...]] = {}


def _out_names(cls) -> tuple[str, ...]:
    """cls.columns(), read once per class (dataclasses.fields builds its tuple at each call)."""
    names = _OUT_NAMES.get(cls)
    if names is None:
        names = _OUT_NAMES[cls] = cls.columns()
    return names


def _optional(cls, data):
    return None if data is None else cls.from_dict(data)


@dataclass(frozen=True)
class Provenance(Record):
    """Why a field has its value: the rule that filled it and the text it read."""
    rule: str
    span: Span | None = None

    @classmethod
    def from_dict(cls, d: dict) -> Provenance:
        return cls(d["rule"], _span(d.get("span")))


# `why` is output only on request (show --explain, extract(explain=True)): the default JSON is the
# scorer's format, unchanged.
_WHY = {"out": False}


@dataclass(frozen=True)
class DateValue(Record):
    value: str | None
    text: str | None
    precision: str | None = None        # day | month | year
    year_inferred: bool = False
    weekday_conflict: bool = False
    span: Span | None = None
    candidates: tuple[str, ...] = ()    # years the text leaves open: the weekday-consistent dates

    @classmethod
    def from_dict(cls, d: dict) -> DateValue:
        return cls(d.get("value"), d.get("text"), d.get("precision"), bool(d.get("year_inferred")),
                   bool(d.get("weekday_conflict")), _span(d.get("span")), tuple(d.get("candidates") or ()))


@dataclass(frozen=True)
class Place(Record):
    venue: str | None
    city: str | None
    province: str | None = None
    region_code: str | None = None
    region_name: str | None = None
    span: Span | None = None

    @classmethod
    def from_dict(cls, d: dict) -> Place:
        return cls(d.get("venue"), d.get("city"), d.get("province"), d.get("region_code"),
                   d.get("region_name"), _span(d.get("span")))


@dataclass(frozen=True)
class Party(Record):
    name: str
    short: str | None = None
    kind: str = "other"
    span: Span | None = None

    @classmethod
    def from_dict(cls, d: dict) -> Party:
        return cls(d.get("name") or "", d.get("short"), d.get("kind") or "other", _span(d.get("span")))


@dataclass(frozen=True)
class Signatory(Record):
    name: str | None
    title: str | None
    party: int | None = None            # index into the agreement's parties, from 0
    on_behalf_of: str | None = None
    span: Span | None = None

    @classmethod
    def from_dict(cls, d: dict) -> Signatory:
        return cls(d.get("name"), d.get("title"), d.get("party"), d.get("on_behalf_of"), _span(d.get("span")))


@dataclass(frozen=True)
class Witness(Record):
    name: str | None
    title: str | None
    span: Span | None = None

    @classmethod
    def from_dict(cls, d: dict) -> Witness:
        return cls(d.get("name"), d.get("title"), _span(d.get("span")))


@dataclass(frozen=True)
class ScopeItem(Record):
    text: str
    span: Span | None = None

    @classmethod
    def from_dict(cls, d: dict) -> ScopeItem:
        return cls(d.get("text") or "", _span(d.get("span")))


@dataclass(frozen=True)
class Agreement(Record):
    type: str | None
    type_text: str | None = None
    type_span: Span | None = None
    date: DateValue | None = None
    place: Place | None = None
    parties: tuple[Party, ...] = ()
    signatories: tuple[Signatory, ...] = ()
    witnesses: tuple[Witness, ...] = ()
    scope: tuple[ScopeItem, ...] = ()
    evidence: tuple[str, ...] = ()
    confidence: float = 0.0
    why: dict[str, tuple[Provenance, ...]] = field(default_factory=dict, metadata=_WHY, compare=False)

    @classmethod
    def from_dict(cls, d: dict) -> Agreement:
        return cls(
            d.get("type"), d.get("type_text"), _span(d.get("type_span")),
            _optional(DateValue, d.get("date")), _optional(Place, d.get("place")),
            tuple(Party.from_dict(p) for p in d.get("parties") or ()),
            tuple(Signatory.from_dict(s) for s in d.get("signatories") or ()),
            tuple(Witness.from_dict(w) for w in d.get("witnesses") or ()),
            tuple(ScopeItem.from_dict(s) for s in d.get("scope") or ()),
            tuple(d.get("evidence") or ()), d.get("confidence") or 0.0,
            {k: tuple(Provenance.from_dict(p) for p in v) for k, v in (d.get("why") or {}).items()})

    def to_dict(self, explain: bool = False) -> dict:
        out = super().to_dict()
        if explain:
            out["why"] = _plain(self.why)
        return out


@dataclass(frozen=True)
class Mention(Record):
    """An agreement the article refers to without reporting its signing."""
    text: str
    span: Span | None = None

    @classmethod
    def from_dict(cls, d: dict) -> Mention:
        return cls(d.get("text") or "", _span(d.get("span")))


@dataclass(frozen=True)
class ArticleInfo(Record):
    path: str | None = None
    id: str | None = None
    title: str | None = None
    dateline: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    sha256: str | None = None

    @classmethod
    def from_dict(cls, d: dict) -> ArticleInfo:
        return cls(**{k: d.get(k) for k in cls.columns()})


@dataclass(frozen=True)
class ArticleResult(Record):
    article: ArticleInfo
    agreements: tuple[Agreement, ...] = ()
    mentioned: tuple[Mention, ...] = ()
    warnings: tuple[str, ...] = ()
    extractor: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, d: dict) -> ArticleResult:
        return cls(ArticleInfo.from_dict(d.get("article") or {}),
                   tuple(Agreement.from_dict(a) for a in d.get("agreements") or ()),
                   tuple(Mention.from_dict(m) for m in d.get("mentioned") or ()),
                   tuple(d.get("warnings") or ()), dict(d.get("extractor") or {}))

    def to_dict(self, explain: bool = False) -> dict:
        out = super().to_dict()
        out["agreements"] = [a.to_dict(explain) for a in self.agreements]
        return out
