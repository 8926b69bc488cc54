"""The slot layer: one mechanism that reads rule rows from patterns/slots/*.yml and fills fields.

A rule names a cue (a span-ruler label or words), the context the cue needs, the direction in
which its slot opens (right, left, both sides, the whole sentence), where the window stops, and
what it takes there (a reader's span group: persons, orgs ...). `fill` applies the rules of one
file to the sentences of a reported signing and returns what each rule took, with the rule's id
and the text it read; the stages turn that into fields (and record the id as provenance), so a
new construction is a new row with its examples, not new Python.
"""
from .engine import Fill, Rule, fill, holds, rules
from .tokens import Phrases, Tokens, tokens

__all__ = ["Fill", "Phrases", "Rule", "Tokens", "fill", "holds", "rules", "tokens"]
