"""`mou_regions`: the place names an article mentions, as `doc.spans["regions"]`.

The gazetteer (mouextract/gazetteer.py, with patterns/regions.yml) run as a matcher over the
Doc's tokens: Indonesian provinces, kabupaten and kota by their official names, the names news
writes for them and the towns that stand for them, with the type word written before them
("Kabupaten Sleman", "Kab. Banyumas"); and foreign countries and cities.

Each span's label says what it names: "provinsi", "kabupaten", "kota", "town" (a town or
district standing for its region), "country" or "foreign" (a foreign city). `span._.region` is
the official Region (for a town, the region it lies in), None for a foreign place.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from mouextract import gazetteer
from mouextract.gazetteer import Word

GROUP = "regions"
MUNICIPAL_LABELS = frozenset({"kabupaten", "kota", "town", "foreign"})  # not-linguistic: this group's labels

if not Span.has_extension("region"):
    Span.set_extension("region", default=None)


def token_words(doc: Doc) -> list[Word]:
    """The words of the Doc's tokens, a token's letters and digits taken apart from the marks
    glued to it ("Kab." is the word "Kab"), and "Bau-Bau", split by the tokenizer, one word again."""
    words: list[Word] = []
    for tok in doc:
        if tok.is_space or tok.is_punct:
            continue
        for w in gazetteer.words_of_text(tok.text):
            start, end = tok.idx + w.start, tok.idx + w.end
            if words and words[-1].end == start - 1 and doc.text[start - 1] in "-'" :
                prev = words.pop()
                words.append(Word(prev.start, end, doc.text[prev.start:end]))
            else:
                words.append(Word(start, end, w.text))
    return words


def label_of(m: gazetteer.Mention) -> str:
    if m.region is None:
        return m.source  # "country" | "foreign"
    return "town" if m.source == "town" else m.region.kind


@Language.component("mou_regions")
def mou_regions(doc: Doc) -> Doc:
    spans = []
    for m in gazetteer.scan(doc.text, token_words(doc), foreign=True):
        span = doc.char_span(m.start, m.end, label=label_of(m), alignment_mode="expand")
        if span is None:
            continue
        span._.region = m.region
        spans.append(span)
    doc.spans[GROUP] = spans
    return doc


def regions(doc: Doc) -> list[Span]:
    return list(doc.spans.get(GROUP, []))


def is_municipal(span: Span) -> bool:
    """A kabupaten or kota, a town standing for one, Jakarta written alone, or a foreign city."""
    return span.label_ in MUNICIPAL_LABELS or (span._.region is not None and gazetteer.is_municipal(span._.region))
