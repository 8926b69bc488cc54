"""The span ruler, with the patterns that test more than words matched over the Doc's arrays.

The span ruler gives its word patterns to a PhraseMatcher (nlp._compiled), which costs little;
the rest went to spaCy's token Matcher, whose four patterns cost more than the tokenizer: about
0.1 ms a pattern per article, walking every token in Python. A pattern of fixed length whose
tokens test words (LOWER, ORTH, TEXT, NORM: a word, a list, a regex) and lexical flags (IS_TITLE,
IS_DIGIT, LIKE_NUM ...) is the same test at every position at once: `TokenRules` evaluates it on
the columns of `doc.to_array`. `NewsSpanRuler` is spaCy's SpanRuler that hands such patterns to
TokenRules and puts their spans with the others, sorted and without duplicates, as it does its
own; patterns of any other shape stay with its Matcher. tests/test_token_rules.py checks that
the span group is the same as the stock span ruler's.

The columns are read for the word and sentence tests only: a lexical flag (IS_TITLE ...) costs
spaCy's `to_array` more than the word tests cost together, so a pattern that tests a word is
tested for its flags only where its words are found, token by token.
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import IDS
from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

# Up to this many words a word test compares the column with each (a comparison costs less than
# numpy.isin's set-up); more go to numpy.isin.
FEW_WORDS = 8

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
        # what the test is: patterns share tests ("kantor" opens several), read once per Doc
        self.key = (attr, tuple(self.hashes.tolist()) if words else None, regex, flag)

    @property
    def lexical_flag(self) -> bool:
        """A test of a lexeme's flag (IS_TITLE, LIKE_NUM ...), which `holds` can ask one token."""
        return self.flag is not None and self.attr != "SENT_START"

    def holds(self, token) -> bool:
        """The flag test for one token (as the column would give it: the lexeme's flag)."""
        return token.check_flag(IDS[self.attr]) == self.flag

    def mask(self, column: numpy.ndarray, strings) -> numpy.ndarray:
        if self.attr == "SENT_START":   # 1, -1 or 0 (not set): the Matcher's IS_SENT_START is 1 alone
            return (column == 1) if self.flag else (column != 1)
        if self.flag is not None:
            return column == (1 if self.flag else 0)
        if self.hashes is not None:
            return _equal_to_any(column, self.hashes)
        # a regex: searched once per distinct value (spaCy's Matcher searches every token)
        values = set(column.tolist())
        if len(self.seen) > REGEX_CACHE:
            self.seen.clear()
        for v in values:
            if v not in self.seen:
                self.seen[v] = self.regex.search(strings[v]) is not None
        return _equal_to_any(column, [v for v in values if self.seen[v]])


def _equal_to_any(column: numpy.ndarray, values) -> numpy.ndarray:
    if len(values) > FEW_WORDS:
        return numpy.isin(column, numpy.asarray(values, dtype="uint64"))
    found = numpy.zeros(len(column), dtype=bool)
    for v in values:
        found |= column == v
    return found


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
        elif key == "IS_SENT_START" and isinstance(value, bool):
            tests.append(_Test("SENT_START", flag=value))
        elif key in _FLAGS and isinstance(value, bool):
            tests.append(_Test(key, flag=value))
        else:
            return None
    return tests if tests and None not in tests else None


def _variants(pattern) -> list[list[dict]] | None:
    """The fixed-length patterns a pattern with optional tokens ("OP": "?") stands for, with
    and without each (empty ones left out: the span ruler drops empty matches); None when
    a token has another operator."""
    if not isinstance(pattern, list) or not all(isinstance(t, dict) for t in pattern):
        return None
    variants: list[list[dict]] = [[]]
    for token in pattern:
        op = str(token.get("OP", "1"))
        plain = {k: v for k, v in token.items() if k != "OP"}
        if op == "1":
            variants = [v + [plain] for v in variants]
        elif op == "?":
            variants = [v + extra for v in variants for extra in ([], [plain])]
        else:
            return None
    return [v for v in variants if v]


class TokenRules:
    """Fixed-length token patterns of word and flag tests."""

    def __init__(self):
        # (label, id, length, (offset, test) read as columns, (offset, test) asked of tokens after)
        self.patterns: list[tuple[str, str, int, list[tuple[int, _Test]], list[tuple[int, _Test]]]] = []
        self.attrs: list[str] = []   # the columns read

    def add(self, label: str, pattern, pattern_id: str | None = None) -> bool:
        """Take PATTERN if it has the shape this class matches; False otherwise."""
        if not isinstance(pattern, list) or not pattern:
            return False
        tokens = [_tests(t) for t in pattern]
        if any(t is None for t in tokens):
            return False
        tests = [(j, test) for j, token in enumerate(tokens) for test in token]
        # the flags after the words, where the words are found; a pattern of flags alone reads them all
        later = [(j, t) for j, t in tests if t.lexical_flag] if any(not t.lexical_flag for _, t in tests) else []
        columns = [(j, t) for j, t in tests if (j, t) not in later]
        for _, test in columns:
            if test.attr not in self.attrs:
                self.attrs.append(test.attr)
        self.patterns.append((label, pattern_id if pattern_id is not None else label, len(tokens), columns, later))
        return True

    def matches(self, doc: Doc) -> list[tuple[int, int, str, str]]:
        """(start, end, label, id) of each match."""
        if not self.patterns or not len(doc):
            return []
        columns = doc.to_array(self.attrs).reshape(len(doc), len(self.attrs))
        where = {attr: i for i, attr in enumerate(self.attrs)}
        strings = doc.vocab.strings
        n = len(doc)
        holding: dict[tuple, list[int]] = {}   # a test's key -> the tokens it holds for

        def tokens_holding(test: _Test) -> list[int]:
            if test.key not in holding:
                holding[test.key] = numpy.flatnonzero(test.mask(columns[:, where[test.attr]], strings)).tolist()
            return holding[test.key]

        found = []
        for label, pattern_id, length, column_tests, later in self.patterns:
            m = n - length + 1   # the starts a pattern of this length may have
            if m < 1:
                continue
            # the starts where every token's tests hold, narrowed test by test (most patterns find
            # no first word in an article, and their other tests are not read)
            candidates: set[int] | None = None
            for j, test in column_tests:
                here = {k - j for k in tokens_holding(test) if j <= k < m + j}
                candidates = here if candidates is None else candidates & here
                if not candidates:
                    break
            starts = sorted(candidates or ())
            if later:
                starts = [i for i in starts if all(test.holds(doc[i + j]) for j, test in later)]
            found += [(i, i + length, label, pattern_id) for i in starts]
        return found

    def spans(self, doc: Doc) -> list[Span]:
        return [Span(doc, start, end, label=label, span_id=span_id) for start, end, label, span_id in self.matches(doc)]


class NewsSpanRuler(SpanRuler):
    """spaCy's SpanRuler, with the patterns TokenRules can take matched by it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.token_rules = TokenRules()

    def add_patterns(self, patterns) -> None:
        super().add_patterns([p for p in patterns if isinstance(p["pattern"], str) or not self._take(p)])

    def _take(self, p: dict) -> bool:
        """Give pattern P to TokenRules, as its fixed-length variants when tokens are optional
        ("OP": "?": the Matcher's matches are those of the variants together); False when
        TokenRules cannot take every variant."""
        variants = _variants(p["pattern"])
        if variants is None or not variants or any(_tests(t) is None for v in variants for t in v):
            return False
        for v in variants:
            self.token_rules.add(p["label"], v, p.get("id"))
        return True

    def match(self, doc: Doc):
        # SpanRuler.match, with TokenRules' spans among the matches (and no empty matcher run)
        matches = []
        for matcher in (self.matcher, self.phrase_matcher):
            if len(matcher):
                matches += matcher(doc)
        labels = self._match_label_id_map
        found = [(start, end, labels[m_id]["label"], labels[m_id]["id"]) for m_id, start, end in matches if start != end]
        found += self.token_rules.matches(doc)
        # without duplicates and in the order of the Spans (start and end character, label, kb_id,
        # id: the token offsets order them as the characters do) without a Span per match
        add = doc.vocab.strings.add
        unique = {(start, end, add(label), add(span_id)) for start, end, label, span_id in found}
        return [Span(doc, start, end, label=label, span_id=span_id) for start, end, label, span_id in sorted(unique)]


@Language.factory("mou_span_ruler", assigns=["doc.spans"],
                  default_config={"spans_key": "rules", "phrase_matcher_attr": None, "validate": False})
def make_news_span_ruler(nlp: Language, name: str, spans_key: str, phrase_matcher_attr, validate: bool):
    return NewsSpanRuler(nlp, name, spans_key=spans_key, phrase_matcher_attr=phrase_matcher_attr,
                         validate=validate)
