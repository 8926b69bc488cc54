"""The rule patterns that test more than words, matched over the Doc's attribute arrays.

The span ruler gives its word patterns to a PhraseMatcher (nlp._compiled), which costs little;
the rest went to spaCy's token Matcher, whose four patterns cost more than the tokenizer: about
0.1 ms a pattern per article, walking every token in Python. A pattern of fixed length whose
tokens test words (LOWER, ORTH, TEXT, NORM: a word, a list, a regex) and lexical flags (IS_TITLE,
IS_DIGIT, LIKE_NUM ...) is the same test at every position at once: `TokenRules` evaluates it on
the columns of `doc.to_array`, and adds its spans to the ruler's span group, sorted and without
duplicates as the span ruler leaves it. Patterns of any other shape stay with the span ruler.
tests/test_token_rules.py checks that the span group is the same either way.
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import IDS
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

_TEXT_ATTRS = {"LOWER": "LOWER", "ORTH": "ORTH", "TEXT": "ORTH", "NORM": "NORM"}
_FLAGS = frozenset(k for k in IDS if k.startswith(("IS_", "LIKE_")))
# Words whose regex result is remembered per attribute value; cleared when this many.
REGEX_CACHE = 500_000


class _Test:
    """One test of one token: the column it reads and what it wants there."""

    def __init__(self, attr: str, words=None, regex: str | None = None, flag: bool | None = None):
        self.attr = attr
        self.hashes = numpy.array(sorted(get_string_id(w) for w in words), dtype="uint64") if words else None
        self.regex = re.compile(regex) if regex is not None else None
        self.flag = flag
        self.seen: dict[int, bool] = {}

    def mask(self, column: numpy.ndarray, strings) -> numpy.ndarray:
        if self.flag is not None:
            return column == (1 if self.flag else 0)
        if self.hashes is not None:
            if len(self.hashes) <= 32:
                return (column[:, None] == self.hashes[None, :]).any(axis=1)
            return numpy.isin(column, self.hashes)
        # a regex: searched once per distinct value (spaCy's Matcher searches every token)
        values = numpy.unique(column).tolist()
        if len(self.seen) > REGEX_CACHE:
            self.seen.clear()
        for v in values:
            if v not in self.seen:
                self.seen[v] = self.regex.search(strings[v]) is not None
        hits = numpy.array([v for v in values if self.seen[v]], dtype="uint64")
        return numpy.isin(column, hits) if len(hits) else numpy.zeros(len(column), dtype=bool)


def _tests(token) -> list[_Test] | None:
    """The tests of one token pattern, or None if it is not one TokenRules can take."""
    if not isinstance(token, dict) or str(token.get("OP", "1")) != "1":
        return None
    tests = []
    for key, value in token.items():
        if key == "OP":
            continue
        if key in _TEXT_ATTRS:
            attr = _TEXT_ATTRS[key]
            if isinstance(value, str):
                tests.append(_Test(attr, words=[value]))
            elif isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(w, str) for w in value["IN"]):
                tests.append(_Test(attr, words=value["IN"]) if value["IN"] else None)
            elif isinstance(value, dict) and set(value) == {"REGEX"} and isinstance(value["REGEX"], str):
                tests.append(_Test(attr, regex=value["REGEX"]))
            else:
                return None
        elif key in _FLAGS and isinstance(value, bool):
            tests.append(_Test(key, flag=value))
        else:
            return None
    return tests if tests and None not in tests else None


class TokenRules:
    """Fixed-length token patterns of word and flag tests, added to the span group SPANS_KEY."""

    def __init__(self, vocab, spans_key: str):
        self.vocab = vocab
        self.key = spans_key
        self.patterns: list[tuple[str, str, list[list[_Test]]]] = []  # (label, id, tests per token)
        self.attrs: list[str] = []

    def add(self, label: str, pattern, pattern_id: str | None = None) -> bool:
        """Take PATTERN if it has the shape this component matches; False otherwise."""
        if not isinstance(pattern, list) or not pattern:
            return False
        tokens = [_tests(t) for t in pattern]
        if any(t is None for t in tokens):
            return False
        for tests in tokens:
            for test in tests:
                if test.attr not in self.attrs:
                    self.attrs.append(test.attr)
        self.patterns.append((label, pattern_id if pattern_id is not None else label, tokens))
        return True

    def __call__(self, doc: Doc) -> Doc:
        if not self.patterns or not len(doc):
            return doc
        columns = doc.to_array(self.attrs)
        where = {attr: i for i, attr in enumerate(self.attrs)}
        strings = doc.vocab.strings
        n = len(doc)
        found = []
        for label, pattern_id, tokens in self.patterns:
            m = n - len(tokens) + 1
            if m < 1:
                continue
            ok = numpy.ones(m, dtype=bool)
            for j, tests in enumerate(tokens):
                for test in tests:
                    ok &= test.mask(columns[j:j + m, where[test.attr]], strings)
            found += [Span(doc, i, i + len(tokens), label=label, span_id=pattern_id)
                      for i in numpy.flatnonzero(ok).tolist()]
        if found:
            # as the span ruler leaves its group: sorted, no span twice
            doc.spans[self.key] = sorted(set(list(doc.spans.get(self.key, [])) + found))
        return doc


@Language.factory("mou_token_rules", default_config={"spans_key": "rules"})
def make_token_rules(nlp: Language, name: str, spans_key: str) -> TokenRules:
    return TokenRules(nlp.vocab, spans_key)
