"""Institutions: `doc.spans["orgs"]`, each span an institution named in the text.

An institution is a head the span ruler marks (ORG: "Pemerintah Kabupaten", "Universitas",
"PT" ...) extended over its name as mouextract/parties.py reads it ("Dinas Penanaman Modal dan
Pelayanan Terpadu Satu Pintu (DPMPTSP) Kota Bekasi"). An institution inside a person's title
("Kepala Dinas Kesehatan Kota X") is the title's unit, not a mention of its own.
`span._.party` holds the party record it would make (name, short form, kind, span).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..parties import OrgReader

GROUP = "orgs"

if not Span.has_extension("party"):
    Span.set_extension("party", default=None)


@Language.component("mou_orgs")
def mou_orgs(doc: Doc) -> Doc:
    reader = OrgReader(doc)
    titled = {i for p in doc.spans.get("persons", []) if p._.person.title for i in range(p.start, p.end)}
    spans = []
    for sent in doc.sents:
        for found in reader.mentions(sent.start, sent.end, titled):
            span = doc.char_span(*found["span"], alignment_mode="expand")
            if span is not None:
                span._.party = found
                spans.append(span)
    doc.spans[GROUP] = spans
    return doc
