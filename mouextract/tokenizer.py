"""The Indonesian tokenizer, tuned for news and cheap to build.

spaCy's Indonesian tokenizer keeps 15,963 exceptions whole. Loading them costs about 1.5 s per
process (each one becomes lexemes and a phrase-matcher pattern), more than everything else a
one-article run does. 15,573 of them are hyphenated words ("orang-orang", "tarik-menarik",
"Kerja-Kerja"), and a hyphenated word can only change how a text is tokenized if the text holds
it. So `NewsTokenizer` starts with the other 390 and our abbreviations, and before tokenizing a
text adds the hyphenated exceptions that text holds. The tokens are the same as with every
exception loaded (tests/test_tokenizer.py compares the two on every article we have and on
adversarial strings).

Where a hyphenated exception can act: spaCy looks exceptions up (a) as whole whitespace-separated
chunks or what remains of one after stripping prefixes and suffixes, and (b) in a final pass
that matches an exception's own tokens ("orang", "-", "orang") in sequence, whether written
together or with single spaces between them ("orang - orang"; such a match changes nothing
itself but can block an overlapping one). Both are found by `_candidates`: once the spaces
beside hyphens are taken out, each such occurrence is a substring of a run of letters and
hyphens in the text. (Every token boundary inside these exceptions is next to a hyphen; a test
checks it.)
"""
from __future__ import annotations

import re

from spacy.lang.id import Indonesian
from spacy.lang.tokenizer_exceptions import emoticons
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

from .patterns import lexicon

NEWS_TOKENIZER = "mouextract.news_tokenizer.v1"
# Where the tokenizer keeps the text it read, in doc.user_data (nlp.doc_text reads it back).
TEXT_KEY = "mouextract.text"

# An exception that is letters joined by hyphens: loaded when a text holds it.
HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
_LETTERS_AND_HYPHENS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
# Hyphenated chunks remembered with the exceptions they hold; cleared when full.
STRETCH_CACHE = 50_000
# Chunks (whitespace-separated pieces) whose tokens spaCy's cache keeps: ten times spaCy's
# default, a few MB, so a long run keeps the vocabulary of its texts (see NewsTokenizer._prime).
CHUNK_CACHE = 100_000
# A full stop after a word ending in a capital ("... dengan Polri MoU.", "TNI.") ends the
# sentence: the stock suffixes split a stop only after a lower-case letter, to keep "U.S."
# whole; dotted initials ("A.M.", "S.H.") and the abbreviations' special cases stay whole.
EXTRA_SUFFIXES = (r"(?<=[A-Za-z][A-Z])\.",)


def extra_infixes() -> list[str]:
    """Where news needs words split that spaCy's Indonesian infixes leave whole."""
    # An academic prefix glued to the institution's short form before it ("Rektor UNIMERDr Dra
    # X", "UNSIKAProf Dr Y") starts a word of its own.
    prefixes = "|".join(sorted((p for p in lexicon("people.yml")["prefix_degrees"] if len(p) > 1 and p[0].isupper()
                                and p[1:].islower()), key=len, reverse=True))
    # A full stop with no space before a capitalised word ends a sentence ("Bay.Sepanjang") or
    # separates an acting prefix from its title ("Plt.Walikota"); two lower-case letters before
    # the stop keep degrees such as "M.Si" and initials such as "S.H" whole.
    return [r"(?<=[a-z]{2})\.(?=[A-Z][a-z]{2})", r"(?<=[A-Za-z])\.(?=[\"“])", rf"(?<=[A-Z]{{3}})(?=(?:{prefixes})$)"]


def news_rules() -> tuple[dict, dict]:
    """(eager, lazy) special cases: spaCy's Indonesian exceptions, lazy the hyphenated ones,
    plus the abbreviations of patterns/abbreviations.yml, eager (they win over an exception
    written the same way)."""
    eager, lazy = {}, {}
    for key, tokens in Indonesian.Defaults.tokenizer_exceptions.items():
        if key in emoticons and any(c.isdigit() for c in key):
            continue  # "8)" would glue August to its bracket in "Selasa (15/8)", "8" to "(8)"
        (lazy if HYPHENATED.fullmatch(key) else eager)[key] = tokens
    for written in lexicon("abbreviations.yml"):
        # the lower- and upper-case forms too: news writes "plt." and "PJ.", and the phrase
        # patterns are lower case
        # a dotted degree also without its final stop ("Ph.D menandatangani", "S.H, M.H")
        forms = {written, written.lower(), written.upper()}
        if written.endswith(".") and "." in written[:-1]:
            forms.add(written[:-1])
        for abbr in forms:
            eager[abbr] = [{ORTH: abbr}]
            # the same abbreviation glued to a comma or closing bracket, as news writes "M.Si.,"
            for tail in (",", ")"):
                eager[abbr + tail] = [{ORTH: abbr}, {ORTH: tail}]
    return eager, lazy


class NewsTokenizer(Tokenizer):
    """spaCy's Tokenizer, with the LAZY_RULES special cases added as texts need them, and its
    chunk cache filled so that it serves every text.

    spaCy caches the tokens of each chunk it has split, but stops storing chunks in a text once
    a special case has been used in it (spaCy issue #1250), and the line break is one of the
    Indonesian special cases: in news, nothing after the headline was ever cached, and every
    word went through the prefix, suffix and infix expressions each time (2 ms an article,
    most of the stock tokenizer's time). `_prime` tokenizes each chunk not seen before on its
    own first, which caches it exactly as spaCy would have (a chunk's tokens do not depend on
    its neighbours: that is what makes spaCy's cache correct), and leaves those holding a special
    case uncached as spaCy does. Then the text itself is tokenized as always.
    """

    def __init__(self, vocab, rules=None, prefix_search=None, suffix_search=None, infix_finditer=None,
                 token_match=None, url_match=None, faster_heuristics=True, max_cache_size=10000,
                 lazy_rules=None):
        super().__init__(vocab, rules=rules, prefix_search=prefix_search, suffix_search=suffix_search,
                         infix_finditer=infix_finditer, token_match=token_match, url_match=url_match,
                         faster_heuristics=faster_heuristics, max_cache_size=max_cache_size)
        self.lazy_rules = dict(lazy_rules or {})
        self._longest = max(map(len, self.lazy_rules), default=0)
        self._loaded: set[str] = set()
        self._stretches: dict[str, tuple[str, ...]] = {}
        self._primed: set[str] = set()
        self._adding_lazy = False
        # A chunk holds a special case only if it holds all the signs (non-alphanumeric
        # characters) of one, or one of those written without any: `_prime` tells them apart
        self._special_marks, self._special_sets, self._special_words = \
            _special_signatures(list(self.rules) + list(self.lazy_rules))

    def __reduce__(self):
        return (_rebuild, (self.vocab, self.rules, self.prefix_search, self.suffix_search, self.infix_finditer,
                           self.token_match, self.url_match, self.lazy_rules))

    def __call__(self, text: str):
        if "-" in text and self.lazy_rules:
            self.load_for(text)
        self._prime(text)
        doc = super().__call__(text)
        doc.user_data[TEXT_KEY] = text  # spaCy's doc.text joins a Token object per token, at each access
        return doc

    def _prime(self, text: str) -> None:
        new = set(text.split()).difference(self._primed)
        if not new or len(self._primed) >= self.max_cache_size:
            return
        tokenize = super().__call__
        marks, sets, words = self._special_marks, self._special_sets, self._special_words
        plain = []
        for chunk in new:
            if any(c in chunk for c in marks) or any(w in chunk for w in words) \
                    or (sets and any(signs <= set(chunk) for signs in sets)):
                tokenize(chunk)  # may hold a special case: alone, so it stops no other chunk's caching
            else:
                plain.append(chunk)
        # the chunks that cannot hold one, in one call: a call per chunk costs more than its tokens
        tokenize(" ".join(plain))
        self._primed.update(new)

    def pipe(self, texts, batch_size=1000):
        for text in texts:
            yield self(text)

    def load_for(self, text: str) -> None:
        """Add the lazy special cases TEXT holds (each one only once per process)."""
        for key in self._candidates(text):
            if key not in self._loaded:
                self._loaded.add(key)
                self._adding_lazy = True
                try:
                    self.add_special_case(key, self.lazy_rules[key])
                finally:
                    self._adding_lazy = False

    def _flush_cache(self) -> None:
        # spaCy empties its whole chunk cache whenever a special case is added: 10-20 ms for a
        # full cache, paid for each new reduplication a crawl meets. A lazy one needs none of it:
        # it is added before the text it stands in is tokenized (__call__), so no chunk holding
        # it has been cached (any earlier text holding that chunk would have added it then).
        if getattr(self, "_adding_lazy", False):
            return
        super()._flush_cache()
        if hasattr(self, "_primed"):  # (spaCy's __init__ flushes before ours has run)
            self._primed.clear()

    def _candidates(self, text: str) -> list[str]:
        # (three replaces join "a - b", "a -b" and "a- b", and a little more: loading an
        # exception the text does not hold changes nothing)
        squeezed = text.replace(" - ", "-").replace(" -", "-").replace("- ", "-")
        found = []
        # where such an exception can act (see the module docstring): a piece of text between
        # whitespace that holds a hyphen (split, not a regex: "\S*-\S*" backtracks from every
        # character of every word)
        for chunk in (run for run in squeezed.split() if "-" in run):
            keys = self._stretches.get(chunk)
            if keys is None:
                keys = tuple(k for run in _LETTERS_AND_HYPHENS.findall(chunk) for k in self._keys_in(run))
                if len(self._stretches) >= STRETCH_CACHE:
                    self._stretches.clear()
                self._stretches[chunk] = keys
            found += keys
        return found

    def _keys_in(self, s: str) -> tuple[str, ...]:
        """Every lazy key that is a substring of S."""
        rules, n, longest = self.lazy_rules, len(s), self._longest
        return tuple(s[i:j] for i in range(n) for j in range(i + 3, min(n, i + longest) + 1) if s[i:j] in rules)


def _special_signatures(keys) -> tuple[str, tuple[frozenset, ...], tuple[str, ...]]:
    """What a chunk must hold to hold one of KEYS: all the signs of one of them (as single
    marks, and as sets when a special case has no sign of its own), or one written with none."""
    sets, words = set(), []
    for key in keys:
        signs = frozenset(c for c in key if not c.isalnum())
        if signs:
            sets.add(signs)
        else:
            words.append(key)
    least = [s for s in sets if not any(other < s for other in sets)]
    marks = "".join(sorted(c for s in least if len(s) == 1 for c in s))
    return marks, tuple(s for s in least if len(s) > 1), tuple(sorted(words))


def _rebuild(vocab, rules, prefix_search, suffix_search, infix_finditer, token_match, url_match, lazy_rules):
    tokenizer = NewsTokenizer(vocab, rules, prefix_search, suffix_search, infix_finditer, token_match, url_match,
                              lazy_rules=lazy_rules)
    tokenizer._loaded.update(k for k in rules if k in tokenizer.lazy_rules)  # pickled with them loaded
    return tokenizer


@registry.tokenizers(NEWS_TOKENIZER)
def news_tokenizer():
    def build(nlp: Language) -> NewsTokenizer:
        defaults = nlp.Defaults
        eager, lazy = news_rules()
        return NewsTokenizer(
            nlp.vocab,
            rules=eager,
            prefix_search=compile_prefix_regex(defaults.prefixes).search,
            suffix_search=compile_suffix_regex(list(defaults.suffixes) + list(EXTRA_SUFFIXES)).search,
            infix_finditer=compile_infix_regex(list(defaults.infixes) + extra_infixes()).finditer,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
            max_cache_size=CHUNK_CACHE,
            lazy_rules=lazy,
        )

    return build
