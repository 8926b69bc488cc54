"""mou_dates: every date the article writes, read once.

Writes `doc.spans["dates"]`, in text order: one span per date expression the grammar in
mouextract/dates.py reads, with `span._.date` = its `dates.Written` mention (day, month, year
and weekday as written, the words around them, and `role` "stamp" for the page's date line or
"dateline" for the date that opens the story). The grammar reads the Doc's text; the mention
keeps the exact character offsets, while the span covers the tokens around them (a date glued
to a word, "Badung,28/8", makes the span start with the word). Stages read the group, never
the text again.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..dates import Written, scan
from ..nlp import doc_text

GROUP = "dates"

if not Span.has_extension("date"):
    Span.set_extension("date", default=None)


@Language.component("mou_dates")
def mou_dates(doc: Doc) -> Doc:
    return mark(doc, scan(doc_text(doc)))


def mark(doc: Doc, found: list[Written]) -> Doc:
    """DOC with the date mentions FOUND (from `scan`) as its "dates" group."""
    spans = []
    for m in found:
        span = doc.char_span(m.start, m.end, label=m.kind, alignment_mode="expand")
        if span is None:  # only whitespace inside: cannot happen for a date, but never crash on it
            continue
        span._.date = m
        spans.append(span)
    doc.spans[GROUP] = spans
    return doc


def mentions(doc: Doc) -> list[Written]:
    """The date mentions of a Doc read by mou_dates, in text order."""
    return [span._.date for span in doc.spans.get(GROUP, [])]
