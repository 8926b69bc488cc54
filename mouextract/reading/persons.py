"""Persons and their titles: `doc.spans["persons"]`, each span a person mention.

A mention is a title (jabatan) with its unit, a name, or both, in either order ("Bupati Maros
Andi Saputra", "Dedi Kurniawan, Anggota Ombudsman RI"), read sentence by sentence with the person
grammar of mouextract/people.py. `span._.person` holds the reading (name without degrees,
honorifics and ranks; title as written; where the name stands; whether a degree or rank marked it).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..people import Reader

GROUP = "persons"

if not Span.has_extension("person"):
    Span.set_extension("person", default=None)


@Language.component("mou_persons")
def mou_persons(doc: Doc) -> Doc:
    reader = Reader(doc)
    spans = []
    for sent in doc.sents:
        for person in reader.people(sent.start, sent.end):
            span = doc.char_span(person.start, person.end, alignment_mode="expand")
            if span is not None:
                span._.person = person
                spans.append(span)
    doc.spans[GROUP] = spans
    return doc
