"""Persons and their titles: `doc.spans["persons"]`, each span a person mention.

A mention is a title (jabatan) with its unit, a name, or both, in either order ("Bupati Maros
Andi Saputra", "Dedi Kurniawan, Anggota Ombudsman RI"), read sentence by sentence with the person
grammar of mouextract/people.py. `span._.person` holds the reading (name without degrees,
honorifics and ranks; title as written; where the name stands; whether a degree or rank marked it).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..nlp import sentence_bounds
from ..people import Reader

GROUP = "persons"
_TITLED_KEY = "mouextract.titled_tokens"

if not Span.has_extension("person"):
    Span.set_extension("person", default=None)


@Language.component("mou_persons")
def mou_persons(doc: Doc) -> Doc:
    reader = Reader(doc)
    spans = []
    titled: set[int] = set()
    for start, end in sentence_bounds(doc):
        for person in reader.people(start, end):
            span = doc.char_span(person.start, person.end, alignment_mode="expand")
            if span is not None:
                span._.person = person
                spans.append(span)
                if person.title:
                    titled.update(range(span.start, span.end))
    doc.spans[GROUP] = spans
    doc.user_data[_TITLED_KEY] = (doc.spans[GROUP], len(spans), titled)
    return doc


def titled_tokens(doc: Doc) -> set[int]:
    """The tokens of the person mentions that carry a title. Kept with the Doc when the group is
    made (each pass over the group builds a Span and its extension object per mention), read
    anew if the group was changed since."""
    group = doc.spans.get(GROUP)
    if group is None:
        return set()
    kept = doc.user_data.get(_TITLED_KEY)
    if kept is None or kept[0] is not group or kept[1] != len(group):
        return {i for p in group if p._.person.title for i in range(p.start, p.end)}
    return set(kept[2])
