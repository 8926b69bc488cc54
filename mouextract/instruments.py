"""The instruments an article names and the numbers that count them, read off the Doc.

`names` gives the names of the documents a sentence mentions, several names of one document
joined ("nota kesepahaman (MoU)", "nota kesepahaman atau Memorandum of Understanding");
`best_name` the one that decides a document's type (patterns/records.yml `type_rank`);
`number_at` a number written in figures or words ("4", "empat", "dua belas"). Read by
signed_documents.py and assemble.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .context import Context, Sentence
from .patterns import load

INSTRUMENTS = ("AGREEMENT", "AGREEMENT_WEAK")
LIST_ITEM = re.compile(r"^\s*\d{1,2}\s*[.)]\s+\S")   # "1. Nota Kesepahaman tentang ..."
GLOSS_PUNCT = frozenset("()[]/-–—")


@lru_cache(maxsize=1)
def data() -> dict:
    return load("records.yml")


def is_list_item(sent: Sentence) -> bool:
    return bool(LIST_ITEM.match(sent.text))


# --------------------------------------------------------------------------- names

def rank(span) -> int:
    """0 a specific Indonesian name, 1 an English one, 2 the generic PKS, 3 a weak word."""
    ranks = data()["type_rank"]
    if span.label_ == "AGREEMENT_WEAK":
        return 3
    if span.id_ in ranks["generic"]:
        return 2
    return 1 if span[0].lower_ in ranks["english"] else 0


def best_name(spans):
    """The name that decides the type: most specific, then first, then longest."""
    return min(spans, key=lambda sp: (rank(sp), sp.start, -len(sp)), default=None)


@dataclass
class Name:
    """The names one mention of a document gives it ("nota kesepahaman (MoU)")."""
    spans: list

    @property
    def start(self) -> int:
        return self.spans[0].start

    @property
    def end(self) -> int:
        return self.spans[-1].end

    @property
    def start_char(self) -> int:
        return self.spans[0].start_char

    @property
    def weak(self) -> bool:
        return all(sp.label_ == "AGREEMENT_WEAK" for sp in self.spans)

    @property
    def types(self) -> set[str]:
        return {sp.id_ for sp in self.spans if sp.label_ == "AGREEMENT"}


def _glossed(ctx: Context, a: int, b: int) -> bool:
    """Only brackets, slashes and gloss words between two names: one document."""
    words = set(data()["gloss_words"])
    return all(t.text in GLOSS_PUNCT or t.lower_ in words for t in ctx.doc[a:b])


def names(ctx: Context, sent: Sentence) -> list[Name]:
    spans = sorted((sp for label in INSTRUMENTS for sp in ctx.rules(label, sent)), key=lambda s: (s.start, -len(s)))
    kept = []
    for sp in spans:   # overlapping names: the longest ("Nota Kesepakatan Bersama", not "Kesepakatan Bersama")
        if kept and sp.start < kept[-1].end:
            continue
        kept.append(sp)
    out: list[Name] = []
    for sp in kept:
        if out and _glossed(ctx, out[-1].end, sp.start):
            out[-1].spans.append(sp)
        else:
            out.append(Name([sp]))
    return out


# --------------------------------------------------------------------------- numbers

def _number_word(word: str) -> int | None:
    if word.isdigit():
        return int(word) if len(word) <= 3 else None
    return data()["numbers"].get(word)


def number_at(ctx: Context, i: int) -> int | None:
    """The number written from token i on: "4", "empat", "dua belas", "dua puluh"."""
    doc = ctx.doc
    if i >= len(doc):
        return None
    n = _number_word(doc[i].lower_)
    if n is None:
        return None
    if i + 1 < len(doc) and doc[i + 1].lower_ == data()["teens"]:
        return n + 10
    if i + 1 < len(doc) and doc[i + 1].lower_ == data()["tens"]:
        return n * 10
    return n


def collective(word: str) -> int | None:
    """"keempat" -> 4 ("Keempat perguruan tinggi itu")."""
    prefix = data()["collective_prefix"]
    return _number_word(word[len(prefix):]) if word.startswith(prefix) else None


def in_date(ctx: Context, i: int) -> bool:
    return any(sp.start <= i < sp.end for sp in ctx.doc.spans.get("dates", []))
