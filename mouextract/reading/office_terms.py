"""mou_office_terms: the names in an article that bound the year it was written in.

Writes `doc.spans["office_terms"]`: each office holder named beside their office ("Kapolri
Jenderal Tito Karnavian", "Tito Karnavian, Kapolri") and each institution or programme whose
name existed only in a span of years ("Kemendikbudristek", "Covid-19"), with `span._.years`
= (first, last) year, inclusive (patterns/office_holders.yml). A holder counts only beside one
of the offices listed for them, so a person who held two offices is dated by the one the
article gives. `bounds(doc)` is the span of years they all allow.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..patterns import load

GROUP = "office_terms"
# Tokens allowed between an office and its holder's name: "Panglima TNI Jenderal TNI Budi
# Santoso" (2), "Ketua Umum PBNU Prof. Dr. H. Ahmad Fauzi" (3), "Menteri ATR/BPN Andi
# Wijaya" (0); after the name: "Budi Santoso, Panglima TNI" (1).
OFFICE_BEFORE, OFFICE_AFTER = 6, 2
OPEN_END = 9999  # `to: null`: still in office

if not Span.has_extension("years"):
    Span.set_extension("years", default=None)


class OfficeTerms:
    def __init__(self, nlp: Language):
        data = load("office_holders.yml")
        self.names = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.offices = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.institutions = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.holders: dict[str, tuple[set[str], tuple[int, int]]] = {}
        for i, h in enumerate(data["holders"]):
            key = f"holder{i}"
            self.names.add(key, [nlp.make_doc(n) for n in [h["name"], *(h.get("aliases") or [])]])
            offices = {o.lower() for o in h["office"]}
            for office in offices:
                self.offices.add(office, [nlp.make_doc(office)])
            self.holders[key] = (offices, (h["from"], h["to"] or OPEN_END))
        self.institution_years: dict[str, tuple[int, int]] = {}
        for i, inst in enumerate(data["institutions"]):
            key = f"institution{i}"
            self.institutions.add(key, [nlp.make_doc(n) for n in inst["names"]])
            self.institution_years[key] = (inst["from"], inst["to"] or OPEN_END)

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        offices = [(strings[k], s, e) for k, s, e in self.offices(doc)]
        spans = []
        for key, start, end in self.names(doc):
            held, years = self.holders[strings[key]]
            sent = doc[start].sent
            if any(o in held and sent.start <= s and e <= sent.end
                   and (start - OFFICE_BEFORE <= e <= start or end <= s <= end + OFFICE_AFTER)
                   for o, s, e in offices):
                spans.append(_span(doc, start, end, "OFFICE_HOLDER", years))
        for key, start, end in self.institutions(doc):
            spans.append(_span(doc, start, end, "DATED_NAME", self.institution_years[strings[key]]))
        doc.spans[GROUP] = sorted(spans, key=lambda sp: (sp.start, sp.end))
        return doc


def _span(doc: Doc, start: int, end: int, label: str, years: tuple[int, int]) -> Span:
    span = Span(doc, start, end, label=label)
    span._.years = years
    return span


@Language.factory("mou_office_terms")
def make_office_terms(nlp: Language, name: str) -> OfficeTerms:
    return OfficeTerms(nlp)


def bounds(doc: Doc) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """((first, last) year that every office term in DOC allows, the char span of the term
    that bounds it most tightly), or None when DOC names none or they contradict each other."""
    spans = list(doc.spans.get(GROUP, []))
    if not spans:
        return None
    low = max(sp._.years[0] for sp in spans)
    high = min(sp._.years[1] for sp in spans)
    if low > high:
        return None
    tightest = min(spans, key=lambda sp: sp._.years[1] - sp._.years[0])
    return (low, high), (tightest.start_char, tightest.end_char)
