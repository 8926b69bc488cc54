"""The records as table rows: one flattening for the SQLite dataset and the CSV outputs.

Derived from the record classes (records.py), so a field added there appears in every table:
- an agreement is one row; its date and place are spread into columns (`date`, `date_text`,
  `year_inferred`, ..., `venue`, `city`, ...), each span into `<name>_start` / `<name>_end`,
  each list of strings (evidence, date candidates) into one value;
- its parties, signatories, witnesses and scope items are rows of child tables, numbered `n`
  from 1 within the agreement;
- a signatory's institution is `party_n`: the `n` of its row in parties, counted from 1 like
  every `n`. (The JSON's `signatories[].party` stays the 0-based index into `parties`.)
"""
from __future__ import annotations

from dataclasses import dataclass, fields

from .records import (Agreement, ArticleInfo, DateValue, Mention, Party, Place, Record, ScopeItem,
                      Signatory, Witness)

CHILDREN: dict[str, type[Record]] = {"parties": Party, "signatories": Signatory,
                                     "witnesses": Witness, "scope": ScopeItem}
SINGULAR = {"parties": "party", "signatories": "signatory", "witnesses": "witness", "scope": "scope"}
# The nested records spread into the agreement row, and the prefix of their columns: a date's
# parts say "date_" (date_text, date_precision), a place's parts are nouns on their own.
SPREAD: dict[str, tuple[type[Record], str]] = {"date": (DateValue, "date_"), "place": (Place, "")}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str   # text | int | real | flag | span_start | span_end | list
    path: tuple[str, ...]  # where the value sits in the record's plain form


def _kind(type_name: str) -> str:
    base = type_name.split(" |")[0]
    if base == "Span":
        return "span"
    if base.startswith("tuple[str"):
        return "list"
    if base == "bool":
        return "flag"
    if base == "int":
        return "int"
    if base == "float":
        return "real"
    return "text"


def _out_fields(cls: type[Record]):
    return [f for f in fields(cls) if f.metadata.get("out", True)]


def _columns(cls: type[Record], prefix: str = "", path: tuple[str, ...] = (), owner: str = "") -> list[Column]:
    out = []
    for f in _out_fields(cls):
        kind = _kind(f.type)
        here = path + (f.name,)
        if f.name == "value":
            name = owner
        elif kind == "flag":        # year_inferred, weekday_conflict: adjectives that read alone
            name = f.name
        elif f.name == "span" and owner:
            name = f"{owner}_span"
        else:
            name = prefix + f.name
        if kind == "span":
            out += [Column(f"{name}_start", "span_start", here), Column(f"{name}_end", "span_end", here)]
        else:
            out.append(Column(name, kind, here))
    return out


def agreement_columns() -> list[Column]:
    """The agreement row: scalar fields, the date and place spread out, spans as two columns."""
    out = []
    for f in _out_fields(Agreement):
        if f.name in CHILDREN:
            continue
        if f.name in SPREAD:
            cls, prefix = SPREAD[f.name]
            out += _columns(cls, prefix, (f.name,), owner=f.name)
        else:
            out += _columns_of_field(f)
    return out


def _columns_of_field(f) -> list[Column]:
    kind = _kind(f.type)
    if kind == "span":
        return [Column(f"{f.name}_start", "span_start", (f.name,)), Column(f"{f.name}_end", "span_end", (f.name,))]
    return [Column(f.name, kind, (f.name,))]


def child_columns(table: str) -> list[Column]:
    """A child table's columns after agreement key and n; a signatory's party is party_n."""
    out = []
    for column in _columns(CHILDREN[table]):
        if table == "signatories" and column.name == "party":
            column = Column("party_n", "int", column.path)
        out.append(column)
    return out


def mention_columns() -> list[Column]:
    return _columns(Mention)


def article_columns() -> list[str]:
    return list(ArticleInfo.columns())


def get(plain: dict | None, column: Column):
    """COLUMN's value in PLAIN (a record's dict form), as a table holds it."""
    value = plain
    for key in column.path:
        value = (value or {}).get(key) if isinstance(value, dict) else None
    if column.kind == "span_start":
        return value[0] if value else None
    if column.kind == "span_end":
        return value[1] if value else None
    if column.name == "party_n":
        return None if value is None else value + 1
    return value


def put(plain: dict, column: Column, value) -> None:
    """Set COLUMN's VALUE into PLAIN (the inverse of `get`; spans need both their columns)."""
    *parents, key = column.path
    target = plain
    for p in parents:
        target = target.setdefault(p, {})
    if column.kind == "span_start":
        target[key] = None if value is None else [value, None]
    elif column.kind == "span_end":
        if target.get(key) is not None:
            target[key][1] = value
    elif column.name == "party_n":
        target[key] = None if value is None else value - 1
    elif column.kind == "flag":
        target[key] = None if value is None else bool(value)
    else:
        target[key] = value
