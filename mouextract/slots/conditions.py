"""The conditions of the slot rules: what a token must be (a Test), what must stand on one side
of a cue (a Context) and where a window closes (a Stop). Their keys are listed in the engine's
docstring (mouextract/slots/engine.py)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from ..patterns import load
from .tokens import Phrases, Tokens

_OPEN, _CLOSE = "(", ")"


def _list(value) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def words_of(value) -> list[str]:
    """The words of a `words` entry: a word, a list (lists inside are read flat), or a reference
    {from: FILE, key: a.b} to a list (or a mapping of lists) in another patterns/ file."""
    out: list[str] = []
    for w in _list(value):
        if isinstance(w, (list, tuple)):
            out += words_of(w)
        elif isinstance(w, dict):
            data = load(w["from"])
            for part in str(w["key"]).split("."):
                data = data[part]
            out += words_of(list(data.values()) if isinstance(data, dict) else data)
        else:
            out.append(str(w))
    return out


@dataclass(frozen=True)
class Test:
    """What a token must be: one of some words or phrases, inside a ruler label, a mark, a kind
    of word, or the start of a mention of a span group (any of these); `opening` and `unless`
    narrow it."""
    words: Phrases
    labels: frozenset = frozenset()
    prefix: tuple[str, ...] = ()     # a labelled token must also start with one of these
    punct: frozenset = frozenset()
    capitalised: bool = False
    digit: bool = False
    word: bool = False               # a token that begins with a letter
    groups: tuple[str, ...] = ()     # a mention of one of these span groups starts at the token
    opening: bool = False            # only the sentence's first word matches
    unless: Test | None = None       # a token that passes this never matches
    capital: bool = False            # the token must also begin with a capital letter

    @classmethod
    def of(cls, spec: dict | None) -> Test | None:
        if spec is None:
            return None
        labels = spec.get("labels", spec.get("label"))
        return cls(Phrases(words_of(spec.get("words"))), frozenset(_list(labels)), tuple(_list(spec.get("prefix"))),
                   frozenset(_list(spec.get("punct"))), bool(spec.get("capitalised")), bool(spec.get("digit")),
                   bool(spec.get("word")), tuple(_list(spec.get("group"))), bool(spec.get("opening")),
                   Test.of(spec.get("unless")), bool(spec.get("capital")))

    @classmethod
    def of_tokens(cls, items) -> Test:
        """A plain list (of `not_across`): these words or these marks."""
        items = [str(w) for w in _list(items)]
        return cls(Phrases(items), punct=frozenset(items))

    def __post_init__(self):
        # whether anything besides `words` is asked (most tests are word lists): else `_token`,
        # called for each token a context passes, is never true and is not called
        object.__setattr__(self, "_asks_token", bool(self.labels or self.punct or self.capitalised or self.digit
                                                     or self.word or self.groups))
        # a test of single words and marks alone (most `not_across` lists, many contexts) is a set
        # lookup at a token: `matcher` gives the context scan that, not two method calls a token
        single = None
        if not (self.labels or self.prefix or self.capitalised or self.digit or self.word or self.groups
                or self.opening or self.unless is not None or self.capital):
            phrases = [p for found in self.words.first.values() for p in found]
            if all(len(p) == 1 for p in phrases):
                single = frozenset(p[0] for p in phrases)
        object.__setattr__(self, "_single", single)
        # the lower-case words a match can start (`_firsts`) or end (`_lasts`) at, when the test
        # matches through words and marks alone (None: it asks more of a token): a range of
        # tokens that holds none of them holds no match, which a set test tells in C without
        # a method call per token (most contexts fail, after scanning half a sentence)
        firsts = lasts = None
        if not (self.labels or self.capitalised or self.digit or self.word or self.groups) \
                and all(p.lower() == p for p in self.punct):
            firsts = frozenset(self.words.first) | self.punct
            lasts = frozenset(self.words.last) | self.punct
        object.__setattr__(self, "_firsts", firsts)
        object.__setattr__(self, "_lasts", lasts)
        # the ruler labels one of which a token must carry to match, when nothing else can make
        # it match (many contexts: PLANNED, PAST, SIGN): a sentence without them holds no match,
        # which its label set (kept by the index) tells in one lookup
        only_labels = self.labels if self.labels and not (self.words or self.punct or self.capitalised or self.digit
                                                          or self.word or self.groups) else None
        object.__setattr__(self, "_only_labels", only_labels)

    def matcher(self, tk: Tokens, before: bool):
        """`f(i, sent)`, true where the test matches at token i (a word inside the Doc, not
        whitespace): `ends` searching leftwards, `at` rightwards."""
        if self._single is not None:
            words, punct, lower, text = self._single, self.punct, tk.lower, tk.text
            return lambda i, sent: lower[i] in words or text[i] in punct
        return partial(self.ends if before else self.at, tk)

    def _token(self, tk: Tokens, i: int) -> bool:
        if self.labels and tk.labels[i] & self.labels and (not self.prefix or tk.lower[i].startswith(self.prefix)):
            return True
        text = tk.text[i]
        return (text in self.punct or (self.capitalised and text[:1].isupper()) or (self.digit and text[:1].isdigit())
                or (self.word and text[:1].isalpha()) or (bool(self.groups) and any(i in tk.group(g).at for g in self.groups)))

    def _narrowed(self, tk: Tokens, i: int, sent: tuple[int, int], ending: bool) -> bool:
        if self.opening and i != tk.first_word(sent):
            return False
        if self.capital and not tk.text[i][:1].isupper():
            return False
        return self.unless is None or not (self.unless.ends(tk, i, sent) if ending else self.unless.at(tk, i, sent))

    def at(self, tk: Tokens, i: int, sent: tuple[int, int]) -> int:
        """How many tokens from token i pass (a phrase's length, else 1); 0: none."""
        if i >= len(tk) or tk.space[i]:
            return 0
        n = self.words.at(tk.lower, i) if self.words.first else 0   # .first: `if self.words` is a Python call
        if not n and self._asks_token and self._token(tk, i):
            n = 1
        return n if n and self._narrowed(tk, i, sent, False) else 0

    def ends(self, tk: Tokens, i: int, sent: tuple[int, int]) -> bool:
        """Whether a match ends at token i (what a search leftwards from a cue meets)."""
        if i < 0 or tk.space[i]:
            return False
        found = bool(self.words.first and self.words.ending(tk.lower, i)) or (self._asks_token and self._token(tk, i))
        return found and self._narrowed(tk, i, sent, True)


@dataclass(frozen=True)
class Context:
    """A Test that must hold on one side of the cue, in the same sentence, searched from the cue
    outwards: within so many words (whitespace does not count), across none of `not_across`,
    across one of `across`, and across only what `only_across` allows (a bracketed aside
    between is passed over). `start`: holds where the cue opens the sentence. `unless_before` /
    `unless_after`: it fails when that test matches anywhere before / after the cue."""
    test: Test
    start: bool = False
    within: int | None = None
    not_across: Test | None = None
    across: Test | None = None
    only_across: Test | None = None
    unless_before: Test | None = None   # the context fails when this matches before the cue ...
    unless_after: Test | None = None    # ... or after it, anywhere in the sentence

    @classmethod
    def of(cls, spec: dict) -> Context:
        not_across = spec.get("not_across")
        return cls(Test.of(spec), bool(spec.get("start")), spec.get("within"),
                   Test.of(not_across) if isinstance(not_across, dict) else Test.of_tokens(not_across) if not_across else None,
                   Test.of(spec.get("across")), Test.of(spec.get("only_across")),
                   Test.of(spec.get("unless_before")), Test.of(spec.get("unless_after")))

    def _spoilt(self, tk: Tokens, cue_start: int, cue_end: int, sent: tuple[int, int]) -> bool:
        """Whether `unless_before` or `unless_after` matches on its side of the cue."""
        return ((self.unless_before is not None and any(self.unless_before.at(tk, i, sent) for i in range(sent[0], cue_start)))
                or (self.unless_after is not None and any(self.unless_after.at(tk, i, sent) for i in range(cue_end, sent[1]))))

    def holds(self, tk: Tokens, cue_start: int, cue_end: int, sent: tuple[int, int], before: bool) -> bool:
        a, b = sent
        if before and self.start and (cue_start == a or cue_start == tk.first_word(sent)):
            return not self._spoilt(tk, cue_start, cue_end, sent)
        if before and self.test.opening:   # only the sentence's first word can match: look there first
            first = tk.first_word(sent)
            if first >= cue_start or not self.test.ends(tk, first, sent):
                return False
        if self.test._only_labels is not None and self.test._only_labels.isdisjoint(tk.labels_in(a, b)):
            return False   # no token of the sentence carries a label the test needs
        keys = self.test._lasts if before else self.test._firsts
        # no word of the test on that side: the scan below would meet none (most often none in
        # the whole sentence, whose word set the index keeps: asked first, it spares the slice)
        if keys is not None and (keys.isdisjoint(tk.words_in(a, b))
                                 or keys.isdisjoint(tk.lower[a:cue_start] if before else tk.lower[cue_end:b])):
            return False
        step, i = (-1, cue_start - 1) if before else (1, cue_end)
        seen = depth = 0
        crossed = self.across is None
        # the tests' bound methods, once: this loop runs for every token it passes
        within, space = self.within, tk.space
        meets = self.test.matcher(tk, before)
        stop = None if self.not_across is None else self.not_across.matcher(tk, before)
        while a <= i < b:
            if not space[i]:
                if within is not None and seen >= within:
                    return False
                if stop is not None and stop(i, sent):
                    return False
                if meets(i, sent) and crossed:
                    return not self._spoilt(tk, cue_start, cue_end, sent)
                if not crossed and self._meets(self.across, tk, i, sent, before):
                    crossed = True
                if self.only_across is not None:
                    text = tk.text[i]
                    depth = max(depth + (text == _OPEN) - (text == _CLOSE) if not before
                                else depth + (text == _CLOSE) - (text == _OPEN), 0)
                    if not (depth or (text == _CLOSE if not before else text == _OPEN)
                            or self._meets(self.only_across, tk, i, sent, before)):
                        return False
                seen += 1
            i += step
        return False

    @staticmethod
    def _meets(test: Test, tk: Tokens, i: int, sent, before: bool) -> bool:
        return test.ends(tk, i, sent) if before else bool(test.at(tk, i, sent))

    def anywhere(self, tk: Tokens, start: int, end: int, sent: tuple[int, int]) -> bool:
        t = self.test
        if t.labels and not (t.words or t.prefix or t.punct or t.capitalised or t.digit or t.word or t.groups
                             or t.opening or t.unless):
            return bool(tk.labels_in(start, end) & t.labels)   # labels alone: one lookup
        if t._firsts is not None and t._firsts.isdisjoint(tk.words_in(start, end)):
            return False
        if t._only_labels is not None and t._only_labels.isdisjoint(tk.labels_in(start, end)):
            return False
        return any(t.at(tk, i, sent) for i in range(start, end))


@dataclass(frozen=True)
class Stop:
    """Tokens where a window closes; `next` / `not_next` ask the token after the stop word (or
    phrase) to pass a test (or not), `prev` the token before it, wherever they stand: "pada"
    closes a window before a date ("pada Senin"), not inside an office ("Direktur pada Bank X")."""
    test: Test
    next: Test | None = None
    not_next: Test | None = None
    prev: Test | None = None

    @classmethod
    def of(cls, spec: dict) -> Stop:
        return cls(Test.of(spec), Test.of(spec.get("next")), Test.of(spec.get("not_next")), Test.of(spec.get("prev")))

    def at(self, tk: Tokens, i: int, sent: tuple[int, int]) -> bool:
        n = self.test.at(tk, i, sent)
        if not n:
            return False
        following = i + n < len(tk)   # the next token, even past the sentence's end
        if self.next is not None and not (following and self.next.at(tk, i + n, sent)):
            return False
        if self.not_next is not None and following and self.not_next.at(tk, i + n, sent):
            return False
        return self.prev is None or (i > 0 and bool(self.prev.at(tk, i - 1, sent)))
