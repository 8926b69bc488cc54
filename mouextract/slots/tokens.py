"""The Doc as the slot rules read it: its tokens, ruler labels, span groups and sentences,
indexed once per Doc (`tokens(doc)`), and word phrases split as the tokenizer splits them."""
from __future__ import annotations

import bisect

from spacy.attrs import IDX
from spacy.tokens import Doc, Span

from ..nlp import (doc_text, get_nlp, read_deferred_group, rule_spans_by_label, sentence_bounds, token_lowers, token_spaces,
                   token_texts)

Phrase = tuple[str, ...]
_CACHE = "mouextract.slots.tokens"   # where the index lives in doc.user_data
_DASHES = {"-", "–", "—"}  # not-linguistic: the mark that ends a dateline
_DATELINE_WORDS = 8       # a dateline names a place and perhaps an outlet: a few words


class Phrases:
    """Words and phrases as the tokenizer splits them ("kerja-sama" is three tokens), indexed by
    their first and last word so that a token is tested in one lookup."""

    def __init__(self, words=()):
        words = [str(w) for w in words or ()]
        tok = get_nlp().tokenizer if words else None
        seqs = sorted({tuple(t.lower_ for t in tok(w)) for w in words}, key=len, reverse=True)
        self.first: dict[str, list[Phrase]] = {}
        self.last: dict[str, list[Phrase]] = {}
        for p in seqs:
            if p:
                self.first.setdefault(p[0], []).append(p)
                self.last.setdefault(p[-1], []).append(p)

    def __bool__(self) -> bool:
        return bool(self.first)

    def at(self, lower: list[str], i: int) -> int:
        """Length of the longest phrase starting at token i (0: none)."""
        for p in self.first.get(lower[i], ()) if i < len(lower) else ():
            if len(p) == 1 or tuple(lower[i:i + len(p)]) == p:
                return len(p)
        return 0

    def all_at(self, lower: list[str], i: int, end: int) -> list[int]:
        """Lengths of every phrase starting at token i and ending by token END."""
        return [len(p) for p in self.first.get(lower[i], ())
                if i + len(p) <= end and (len(p) == 1 or tuple(lower[i:i + len(p)]) == p)]

    def ending(self, lower: list[str], i: int) -> int:
        """Length of the longest phrase that ends at token i (0: none)."""
        for p in self.last.get(lower[i], ()) if 0 <= i < len(lower) else ():
            if len(p) == 1 or (i + 1 >= len(p) and tuple(lower[i + 1 - len(p):i + 1]) == p):
                return len(p)
        return 0


class Group:
    """The mentions of one span group, by their first token."""

    def __init__(self, spans):
        self.spans = list(spans)   # as the reader stored them
        self._sorted = sorted(self.spans, key=lambda s: s.start)
        self._starts = [s.start for s in self._sorted]
        self.at: dict[int, list[Span]] = {}
        for s in self.spans:
            self.at.setdefault(s.start, []).append(s)
        self._inner: set[int] | None = None
        self._covered: set[int] | None = None
        self.extents: list[tuple[int, int]] | None = None   # engine._extents

    @property
    def inner(self) -> set[int]:
        """The tokens inside a mention after its first."""
        if self._inner is None:
            self._inner = {i for m in self.spans for i in range(m.start + 1, m.end)}
        return self._inner

    def within(self, start: int, end: int) -> list[Span]:
        """The mentions that start at or after token START and end by token END, by start."""
        k = bisect.bisect_left(self._starts, start)
        out = []
        while k < len(self._sorted) and self._sorted[k].start < end:
            if self._sorted[k].end <= end:
                out.append(self._sorted[k])
            k += 1
        return out

    def covers(self, i: int) -> bool:
        """Whether token i lies inside one of the mentions."""
        if self._covered is None:   # a set, once: each cue asks, and a Span's `end` is a call
            self._covered = {k for m in self.spans for k in range(m.start, m.end)}
        return i in self._covered


class Tokens:
    """The Doc's tokens as rules test them: texts, lower-case forms, ruler labels, sentences."""

    def __init__(self, doc: Doc, spans=None, text: str | None = None):
        """SPANS: the ruler's spans to read (default: all of the Doc's); TEXT: the Doc's text,
        when the caller has it (a Doc builds it anew at each access)."""
        self.doc = doc
        self._string = text
        self.text = token_texts(doc)
        self.idx = doc.to_array(IDX).tolist()
        self.lower = token_lowers(doc)   # shared with the readers, which built it already
        self.space = token_spaces(doc)
        self.labels: list[frozenset] = [frozenset()] * len(self.text)
        self.spans: dict[tuple[str, int], int] = {}   # (label, first token) -> end of the longest span
        if spans is None:
            # the ruler's spans by label, as the readers have them already (nlp.rule_spans): a
            # pass over the span group builds a Span object per span
            self.by_label: dict[str, list[Span]] = {label: list(found) for label, found in rule_spans_by_label(doc).items()}
        else:
            self.by_label = {}
            for sp in spans:
                self.by_label.setdefault(sp.label_, []).append(sp)
        labels, longest = self.labels, self.spans
        unions: dict[tuple[frozenset, str], frozenset] = {}   # a token's labels with one more: few kinds an article
        for label, found in self.by_label.items():
            for sp in found:
                start, end = sp.start, sp.end   # each a call on the Span: read once
                for i in range(start, end):
                    key = (labels[i], label)
                    union = unions.get(key)
                    if union is None:
                        union = unions[key] = key[0] | {label}
                    labels[i] = union
                longest[label, start] = max(end, longest.get((label, start), 0))
        self._groups: dict[str, Group] = {}
        self._sents: list[tuple[int, int]] | None = None
        self._labels_in: dict[tuple[int, int], frozenset] = {}
        self._words_in: dict[tuple[int, int], frozenset] = {}
        self._labelled: dict[tuple[str, int, int], list[Span]] = {}
        self._bounds: dict[str, tuple[list[int], list[int], bool]] = {}
        self._first_words: dict[tuple[int, int], int] = {}

    @property
    def string(self) -> str:
        """The Doc's text (built on first use: a Doc builds it anew at each access)."""
        if self._string is None:
            self._string = doc_text(self.doc)
        return self._string

    def __len__(self) -> int:
        return len(self.text)

    # --- sentences ----------------------------------------------------------------------------

    @property
    def sents(self) -> list[tuple[int, int]]:
        """The article's sentences that hold more than whitespace, as token ranges."""
        if self._sents is None:
            doc = self.doc
            whole = [(0, len(doc))] if len(doc) else []
            ranges = sentence_bounds(doc) if doc.has_annotation("SENT_START") else whole
            self._sents = [(a, b) for a, b in ranges if not all(self.space[a:b])]
            self._sent_starts = [a for a, _ in self._sents]
        return self._sents

    def sentence_of(self, i: int) -> int:
        """Index (in `sents`) of the sentence holding token i; -1 when none does."""
        sents = self.sents
        k = bisect.bisect_right(self._sent_starts, i) - 1
        return k if k >= 0 and i < sents[k][1] else -1

    def first_word(self, sent: tuple[int, int]) -> int:
        """The sentence's first word, past a dateline that opens it ("Lombok Timur – Dalam rangka
        ...", "JAKARTA, Warta (ANTARA) - Untuk itu ..."): capitalised words, commas, brackets and
        dots before a dash. Read once a sentence (conditions ask it for every cue)."""
        found = self._first_words.get(sent)
        if found is None:
            found = self._first_words[sent] = self._read_first_word(sent)
        return found

    def _read_first_word(self, sent: tuple[int, int]) -> int:
        i = sent[0]
        while i < sent[1] and self.space[i]:
            i += 1
        first, seen = i, 0
        for k in range(i, min(sent[1], i + 2 * _DATELINE_WORDS)):
            text = self.text[k]
            if text in _DASHES and k > first:
                k += 1
                while k < sent[1] and self.space[k]:
                    k += 1
                return k if k < sent[1] else first
            if not (text[:1].isupper() or text in {",", "(", ")", ".", "/"} or self.space[k]):
                break
            seen += not self.space[k]
            if seen > _DATELINE_WORDS:
                break
        return first

    # --- what the rules test ----------------------------------------------------------------------

    def group(self, name: str) -> Group:
        if name not in self._groups:
            read_deferred_group(self.doc, name)   # a reader left out until a rule asks (nlp.DEFERRED)
            self._groups[name] = Group(self.doc.spans.get(name, []))
        return self._groups[name]

    def labelled(self, label: str, start: int, end: int) -> list[Span]:
        """The ruler's spans of LABEL that lie within tokens [start, end), in stored order."""
        spans = self.by_label.get(label, ())
        if not spans:
            return []
        key = (label, start, end)   # every row with this label asks again, in every fill
        if key not in self._labelled:
            starts, ends, ordered = self.label_bounds(label)
            # stored in order of start (as the ruler stores them): only those starting in [start, end]
            ks = range(bisect.bisect_left(starts, start), bisect.bisect_right(starts, end)) if ordered else range(len(spans))
            self._labelled[key] = [spans[k] for k in ks if start <= starts[k] and ends[k] <= end]
        return list(self._labelled[key])

    def label_bounds(self, label: str) -> tuple[list[int], list[int], bool]:
        """The starts and ends of the ruler's spans of LABEL, in stored order, read once as ints
        (a Span's offsets are calls), and whether the starts are in order."""
        if label not in self._bounds:
            spans = self.by_label.get(label, ())
            starts = [s.start for s in spans]
            self._bounds[label] = (starts, [s.end for s in spans], starts == sorted(starts))
        return self._bounds[label]

    def words_in(self, start: int, end: int) -> frozenset:
        """The lower-case forms of the tokens in [start, end), as a set (every fill asks again
        for its sentences)."""
        key = (start, end)
        found = self._words_in.get(key)
        if found is None:
            found = self._words_in[key] = frozenset(self.lower[start:end])
        return found

    def labels_in(self, start: int, end: int) -> frozenset:
        """The ruler labels of the tokens in [start, end)."""
        key = (start, end)
        if key not in self._labels_in:
            self._labels_in[key] = frozenset().union(*self.labels[start:end])
        return self._labels_in[key]

    def phrase(self, i: int, options: Phrases) -> int:
        """Length of the longest of OPTIONS starting at token i (0: none)."""
        return options.at(self.lower, i)

    def ends(self, i: int, options: Phrases) -> bool:
        """Whether one of OPTIONS ends at token i."""
        return options.ending(self.lower, i)

    def newline_before(self, i: int) -> bool:
        """Whether a line break comes between token i and the one before it."""
        return 0 < i < len(self.text) and "\n" in self.string[self.idx[i - 1]:self.idx[i]]

    def at(self, i: int) -> int:
        """The character offset of token i (the text's end past the last token)."""
        return self.idx[i] if i < len(self.text) else len(self.string)

    def end_char(self, i: int) -> int:
        """The character offset where token i ends."""
        return self.idx[i] + len(self.text[i])

    def token_at(self, char: int) -> int:
        """The first token that ends after character CHAR."""
        k = bisect.bisect_right(self.idx, char) - 1
        return k if k >= 0 and self.idx[k] + len(self.text[k]) > char else k + 1


def tokens(doc: Doc, text: str | None = None) -> Tokens:
    """The index of DOC, built on first use and kept with the Doc (TEXT: the Doc's text, when
    the caller has it)."""
    found = doc.user_data.get(_CACHE)
    if found is None or found.doc is not doc or len(found) != len(doc):
        found = doc.user_data[_CACHE] = Tokens(doc, text=text)
    elif text is not None and found._string is None:
        found._string = text
    return found
