"""The spaCy pipeline: Indonesian tokenizer tuned for news, sentence splitter, rule ruler.

Built once per process (`get_nlp`) and never pickled: a worker calls `extract` and builds its
own. No statistical component here: the NER model is applied separately, and only to the few
sentences where the rules leave a name undecided (see people.py).
"""
from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from .patterns import lexicon, ruler_patterns

RULES_KEY = "rules"
_SENT_END = {".", "!", "?", "…", "...", "?!", "!?"}
_CLOSERS = {'"', "”", "’", "'", "''", ")"}


@lru_cache(maxsize=1)
def _name_enders() -> frozenset:
    """Degrees written after a name ("M.Kes.", "S.H."): their stop may also end the sentence."""
    return frozenset(x.replace(".", "").replace(" ", "") for x in lexicon("people.yml")["suffix_degrees"])


@Language.component("mou_sentences")
def mou_sentences(doc: Doc) -> Doc:
    """Sentence starts after . ! ? (and a closing quote after them) and at every line break.

    Abbreviations are single tokens thanks to the tokenizer special cases, so a lone "." token
    is a real full stop.
    """
    prev_end = True
    for tok in doc:
        if tok.is_space:
            tok.is_sent_start = prev_end if tok.i == 0 else False
            if "\n" in tok.text:
                prev_end = True
            continue
        tok.is_sent_start = prev_end
        if tok.text in _SENT_END:
            prev_end = True
        elif tok.text.endswith(".") and tok.text.replace(".", "") in _name_enders() and tok.i + 1 < len(doc) \
                and doc[tok.i + 1].is_title and doc[tok.i + 1].text.replace(".", "") not in _name_enders() \
                and not doc[tok.i + 1].text.endswith("."):
            # "..., dr. Andi Nurul Fitriani, M.Kes. Turut hadir ...": the degree closes the sentence
            prev_end = True
        elif tok.text in _CLOSERS and prev_end is False and tok.i > 0 and doc[tok.i - 1].text in _SENT_END:
            prev_end = True
        else:
            # "\n" glued to a token's whitespace ends the line, hence the sentence
            prev_end = "\n" in tok.whitespace_
        if tok.text in _CLOSERS and tok.i > 0 and doc[tok.i - 1].text in _SENT_END:
            tok.is_sent_start = False
            prev_end = True
    return doc


def _add_special_cases(nlp: Language) -> None:
    for abbr in lexicon("abbreviations.yml"):
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
        # the same abbreviation glued to a comma or closing bracket, as news writes "M.Si.,"
        for tail in (",", ")"):
            nlp.tokenizer.add_special_case(abbr + tail, [{ORTH: abbr}, {ORTH: tail}])


def _add_infixes(nlp: Language) -> None:
    # A full stop with no space before a capitalised word ends a sentence ("Bay.Sepanjang") or
    # separates an acting prefix from its title ("Plt.Walikota"); two lower-case letters before
    # the stop keep degrees such as "M.Si" and initials such as "S.H" whole.
    infixes = list(nlp.Defaults.infixes) + [r"(?<=[a-z]{2})\.(?=[A-Z][a-z]{2})", r"(?<=[A-Za-z])\.(?=[\"“])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    nlp = spacy.blank("id")
    _add_infixes(nlp)
    _add_special_cases(nlp)
    nlp.add_pipe("mou_sentences")
    ruler = nlp.add_pipe("span_ruler", config={"spans_key": RULES_KEY, "validate": True, "phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(list(ruler_patterns()))
    return nlp


_WS = re.compile(r"[ \t\u00a0]+")


def parse(text: str) -> Doc:
    return get_nlp()(text)
