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

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, Span

from mouextract import gazetteer
from mouextract.gazetteer import Word, Words
from mouextract.nlp import doc_text, token_texts

GROUP = "regions"
MUNICIPAL_LABELS = frozenset({"kabupaten", "kota", "town", "foreign"})  # not-linguistic: this group's labels

if not Span.has_extension("region"):
    Span.set_extension("region", default=None)


# the marks most tokens that are no word are: none holds a word, as the regex would say at more cost
PUNCTUATION = frozenset(",.;:()\"'-/!?")  # not-linguistic


def token_words(doc: Doc, text: str | None = None) -> Words:
    """The words of the Doc's tokens, a token's letters and digits taken apart from the marks
    glued to it ("Kab." is the word "Kab"), and "Bau-Bau", split by the tokenizer, one word again.
    Reads the token offsets as one array and the texts from the Doc's list: a Token object per
    token would cost more than the matching itself. (A space or a punctuation mark holds no
    letter or digit, so no word.)"""
    text = doc_text(doc) if text is None else text
    starts: list[int] = []
    ends: list[int] = []
    texts: list[str] = []
    last_end = -2   # where the last word ended
    for idx, piece in zip(doc.to_array(IDX).tolist(), token_texts(doc)):
        if piece.isalnum() and not (last_end == idx - 1 and text[idx - 1] in "-'"):
            last_end = idx + len(piece)   # the common case, without the loop below
            starts.append(idx)
            ends.append(last_end)
            texts.append(piece)
            continue
        if piece.isspace() or piece in PUNCTUATION:
            continue
        found = [Word(0, len(piece), piece)] if piece.isalnum() else gazetteer.words_of_text(piece)
        for w in found:
            start, end = idx + w.start, idx + w.end
            if ends and ends[-1] == start - 1 and text[start - 1] in "-'":
                ends[-1], texts[-1] = end, text[starts[-1]:end]   # joined to the word before
            else:
                starts.append(start)
                ends.append(end)
                texts.append(w.text)
            last_end = end
    return Words(starts, ends, texts)


def label_of(m: gazetteer.Mention) -> str:
    if m.region is None:
        return m.source  # "country" | "foreign"
    return "town" if m.source == "town" else m.region.kind


@Language.component("mou_regions")
def mou_regions(doc: Doc) -> Doc:
    spans = []
    text = doc_text(doc)
    for m in gazetteer.scan(text, token_words(doc, text), foreign=True):
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
