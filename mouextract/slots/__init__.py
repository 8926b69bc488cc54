"""The slot layer: one mechanism that reads rule rows from patterns/slots/*.yml and fills fields.

A rule names a cue (a span-ruler label, words, or the mentions of a span group), the context the
cue needs, the sentences it reads (the signing's, those around them, a set the stage names), the
direction in which its slot opens, where the window stops, and what it takes there (a reader's
span group: persons, orgs, venues ...; or what a reader such as `list` reads). `fill` applies
the rules of one file and returns what each rule took, with the rule's id and the text it read;
the stages turn that into fields (and record the id as provenance), so a new construction is a
new row with its examples, not new Python. The language is described key by key in engine.py;
rules.py compiles it, conditions.py tests tokens, tokens.py indexes the Doc, readers.py names
what a rule may read.
"""
from .engine import fill, holds
from .rules import Fill, Rule, rules
from .tokens import Phrases, Tokens, tokens

__all__ = ["Fill", "Phrases", "Rule", "Tokens", "fill", "holds", "rules", "tokens"]
