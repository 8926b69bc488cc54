"""mou_quotes: the quotations an article gives, as spans.

Writes `doc.spans["quotes"]`: from an opening mark (“ or ") to the closing one (” or, after ",
the next "), marks included. What a speaker says happened elsewhere: a slot rule can ask its cue
to stand outside them (`cue: {outside: [quotes]}`). A quotation longer than MAX_QUOTE_TOKENS
lost its closing mark and is left out.
"""
from __future__ import annotations

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

GROUP = "quotes"
MAX_QUOTE_TOKENS = 200
_OPENING = ("“", '"')   # not-linguistic: quotation marks
_CLOSING = "”"


@Language.component("mou_quotes")
def mou_quotes(doc: Doc) -> Doc:
    # the tokens' ORTH ids as one array: a Token object per token would cost more than the search
    strings = doc.vocab.strings
    opening, closing, straight = {strings.add(m) for m in _OPENING}, strings.add(_CLOSING), strings.add('"')
    orth = doc.to_array(ORTH).tolist()
    spans, opened = [], None
    for i, t in enumerate(orth):
        if opened is None and t in opening:
            opened = i
        elif opened is not None and (t == closing or (t == straight and orth[opened] == straight)):
            if i - opened <= MAX_QUOTE_TOKENS:
                spans.append(doc[opened:i + 1])
            opened = None
    doc.spans[GROUP] = spans
    return doc
