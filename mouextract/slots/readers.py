"""What a rule may read in its window besides a span group's mentions: `take: {read: NAME}`.

A reader is a function of a `Slot` (the Doc's token index, the rule, the cue, where the slot
opens) that returns the character spans it reads there: the items of a list (mouextract/lists.py)
or a town named before its country (mouextract/places.py). The modules that define readers are
listed here, imported the first time a reader is asked for.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Callable

from spacy.tokens import Span

from .tokens import Tokens

MODULES = ("mouextract.lists", "mouextract.places")   # where the readers are defined
_READERS: dict[str, Callable] = {}
_imported: list[bool] = []


@dataclass(frozen=True)
class Slot:
    """Where a rule's slot opens, for a reader: token START of sentence SENTENCE (an index into
    `tokens.sents`), right of CUE. `end(sentence, start)` is where the rule's window closes when
    read from START (its stops after that token, its brackets and broken lines)."""
    tokens: Tokens
    rule: object
    cue: Span
    sentence: int
    start: int
    options: dict
    end: Callable[[int, int], int]


def reader(name: str):
    """Register the decorated function as the reader NAME."""
    def register(fn: Callable) -> Callable:
        _READERS[name] = fn
        return fn
    return register


def get(name: str) -> Callable:
    if not _imported:
        for module in MODULES:
            import_module(module)
        _imported.append(True)
    if name not in _READERS:
        raise ValueError(f"unknown reader {name!r}; known: {sorted(_READERS)}")
    return _READERS[name]
