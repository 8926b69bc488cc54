"""The spaCy pipeline: Indonesian tokenizer tuned for news, sentence splitter, rule ruler.

Built once per process (`get_nlp`) and never pickled: a worker calls `extract` and builds its
own. No statistical component here: the NER model is applied separately, and only to the few
sentences where the rules leave a name undecided (see people_stage.py).
"""
from __future__ import annotations

import time
from functools import lru_cache

import numpy

import spacy
from spacy.language import Language
from spacy.attrs import ORTH, SENT_START
from spacy.tokens import Doc

from .patterns import as_phrases, lexicon, ruler_patterns
from .text import MAX_ARTICLE_CHARS, tokenizable
from .token_rules import make_news_span_ruler  # noqa: F401 (registers mou_span_ruler)
from .tokenizer import NEWS_TOKENIZER, TEXT_KEY

RULES_KEY = "rules"
_SENT_END = {".", "!", "?", "…", "...", "?!", "!?"}
_NOT_START = numpy.uint64(2**64 - 1)  # SENT_START -1 as spaCy's uint64 arrays hold it
_CLOSERS = {'"', "”", "’", "'", "''", ")"}


@lru_cache(maxsize=1)
def _name_enders() -> frozenset:
    """Degrees written after a name ("M.Kes.", "S.H."): their stop may also end the sentence."""
    return frozenset(x.replace(".", "").replace(" ", "") for x in lexicon("people.yml")["suffix_degrees"])


@lru_cache(maxsize=1)
def _name_openers() -> frozenset:
    """What stands before initials inside a name: academic prefixes, honorifics ("Ir.", "H.")."""
    lex = lexicon("people.yml")
    return frozenset(x.replace(".", "") for x in lex["prefix_degrees"] + lex["honorifics"])


def _initials_after_prefix(words: list[str], i: int) -> bool:
    """words[i] is a stop after one or two capitals that follow a name's prefix ("Ir. SA.")."""
    if i < 2 or not (len(words[i - 1]) <= 2 and words[i - 1].isupper() and words[i - 1].isalpha()):
        return False
    before = words[i - 2].replace(".", "")
    return before in _name_openers() or (len(before) == 1 and before.isupper())


@Language.component("mou_sentences")
def mou_sentences(doc: Doc) -> Doc:
    """Sentence starts after . ! ? (and a closing quote after them) and at every line break.

    Abbreviations are single tokens thanks to the tokenizer special cases, so a lone "." token
    is a real full stop. A degree written after a name ("M.Kes.") ends the sentence when a
    capitalised word follows. Computed over plain lists and written back in one array: a
    per-token Python loop over Token objects cost twice the tokenizer.
    """
    n = len(doc)
    if not n:
        return doc
    # the texts from the ORTH array: a Token object per token costs more than the rest
    # (a line break is always a token of its own: the space after a token, Token.whitespace_,
    # is one " " at most)
    words = token_texts(doc)
    enders = _name_enders()
    starts = numpy.full(n, _NOT_START, dtype="uint64")
    starts[0] = 1
    prev_end = True
    at_line_start = True
    for i, w in enumerate(words):
        if w.isspace():
            if "\n" in w:
                prev_end = at_line_start = True
            continue
        # after a stop inside a line, a comma, a lower-case word or a degree goes on with the
        # sentence: the stop belonged to an abbreviation the special cases do not know ("SE.,
        # MT., di ...", "Ak.CA")
        # nor does a bracket opening a lower-case aside ("..., Lc. (kiri), dan ...": a caption)
        if prev_end and (at_line_start or not (w in {",", ";", ":", ")"} or w[0].islower()
                                               or (w == "(" and i + 1 < n and words[i + 1][:1].islower())
                                               or (w.replace(".", "") in enders and i and words[i - 1] == "."))):
            starts[i] = 1
        at_line_start = False
        if w in _SENT_END:
            # "1." opening a line is a list number, not a sentence; "Ir. SA. Budiman": a stop
            # after one or two capitals that follow a degree or an initial is the initials' own;
            # a stop after a name's prefix the tokenizer parted from it ("Asoc. Prof.") is its own
            prev_end = not (w == "." and i and ((starts[i - 1] == 1 and words[i - 1].isdigit() and len(words[i - 1]) <= 2)
                                                or _initials_after_prefix(words, i) or words[i - 1] in _name_openers()
                                                or _inside_degree(doc, words, i, enders)))
        elif w in _CLOSERS and i and words[i - 1] in _SENT_END:
            starts[i] = _NOT_START
            prev_end = True
        elif w[-1] == "." and w.replace(".", "") in enders and i + 1 < n and words[i + 1].istitle() \
                and words[i + 1].replace(".", "") not in enders and not words[i + 1].endswith("."):
            # "..., dr. Andi Nurul Fitriani, M.Kes. Turut hadir ...": the degree closes the sentence
            prev_end = True
        else:
            prev_end = False
    _bound_sentences(starts)
    doc.from_array([SENT_START], starts)
    return doc


def _inside_degree(doc: Doc, words: list[str], i: int, enders) -> bool:
    """The stop at I joins a degree to letters glued after it ("M.Tr.Opsla.": one degree)."""
    return words[i - 1].replace(".", "") in enders and i + 1 < len(words) and words[i + 1].isalpha() \
        and not doc[i - 1].whitespace_ and not doc[i].whitespace_


# No sentence of news runs to this many tokens (the longest in the dev corpus has 109); a run
# that does is a list or garbage without stops, and the stages' work per sentence grows with
# the square of its length ("Dr. " written 5,000 times: 5 s). Such a run is cut every so often.
MAX_SENTENCE_TOKENS = 250


def _bound_sentences(starts) -> None:
    # the runs between starts (and the text's ends): when none is too long, the loop below, which
    # costs a numpy scalar per token, would change nothing
    bounds = numpy.concatenate(([0], numpy.flatnonzero(starts == 1), [len(starts)]))
    if (bounds[1:] - bounds[:-1]).max() <= MAX_SENTENCE_TOKENS:
        return
    since = 0
    for i in range(len(starts)):
        if starts[i] == 1:
            since = 0
        elif since >= MAX_SENTENCE_TOKENS:
            starts[i] = 1
            since = 0
        since += 1


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    # the news tokenizer (tokenizer.py) in place of spaCy's stock one for "id"
    nlp = spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": NEWS_TOKENIZER}}})
    nlp.max_length = MAX_ARTICLE_CHARS  # the readers skip longer texts with the same number
    nlp.add_pipe("mou_sentences")
    # spaCy's span ruler, with the patterns that test more than words matched over arrays (token_rules.py)
    ruler = nlp.add_pipe("mou_span_ruler", name="span_ruler",
                         config={"spans_key": RULES_KEY, "validate": True, "phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(_compiled(nlp, ruler_patterns()))
    from .reading import register  # the readers build on this module: imported once it is loaded
    for name in register():
        nlp.add_pipe(name)
    return nlp


def _compiled(nlp: Language, patterns) -> list[dict]:
    """Word-only token patterns become phrase patterns (see patterns.as_phrases). A phrase is
    tokenized exactly as running text is ("kerja-sama" both ways), so it matches the same words;
    the token Matcher, which costs about 0.1 ms per pattern per article, keeps only the patterns
    that test more than words (REGEX, IS_TITLE, IS_DIGIT)."""
    out = []
    for p in patterns:
        phrases = as_phrases(p["pattern"])
        out += [dict(p, pattern=ph) for ph in phrases] if phrases else [p]
    return out


_BY_LABEL_KEY = "mouextract.rule_spans"


def rule_spans(doc: Doc, label: str) -> list:
    """The span ruler's spans of one label, in text order. Sorted by label once per Doc (each
    pass over the group builds a Span object per span), again if the group changes."""
    return list(rule_spans_by_label(doc).get(label, ()))


def rule_spans_by_label(doc: Doc) -> dict[str, list]:
    """The span ruler's spans, label -> spans in stored order, read once per Doc as rule_spans
    reads them. Shared: read the lists, never change them."""
    group = doc.spans.get(RULES_KEY)
    if group is None:
        return {}
    kept = doc.user_data.get(_BY_LABEL_KEY)
    if kept is None or kept[0] is not group or kept[1] != len(group):
        by_label: dict[str, list] = {}
        for sp in group:
            by_label.setdefault(sp.label_, []).append(sp)
        kept = doc.user_data[_BY_LABEL_KEY] = (group, len(group), by_label)
    return kept[2]


def doc_text(doc: Doc) -> str:
    """`doc.text`, read once: the tokenizer keeps the text it read with the Doc (spaCy builds
    doc.text anew from a Token object per token at each access). A Doc made another way, or
    one whose user data was copied from a Doc of another text, gets its own text here."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None or len(text) != _end_char(doc):
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


TEXTS_KEY = "mouextract.token_texts"


def token_texts(doc: Doc) -> list[str]:
    """The texts of the Doc's tokens, read once from the ORTH column and kept with the Doc
    (readers and rules ask for them over and over; a Token object per question costs more than
    the question). The list is shared: read it, never change it."""
    texts = doc.user_data.get(TEXTS_KEY)
    if texts is None or len(texts) != len(doc):
        strings = doc.vocab.strings
        texts = doc.user_data[TEXTS_KEY] = [strings[o] for o in doc.to_array(ORTH).tolist()]
    return texts


SENTS_KEY = "mouextract.sentence_bounds"


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """`doc.sents` as (start, end) token ranges, read once from the SENT_START column and kept
    with the Doc (doc.sents builds a Span, and two Token objects, per sentence at each pass; the
    readers and the rules each walk the sentences). The list is shared: never change it."""
    kept = doc.user_data.get(SENTS_KEY)
    if kept is None or kept[0] != len(doc):
        n = len(doc)
        # as doc.sents reads them: the first sentence starts at token 0, another at each later
        # token whose SENT_START is 1
        cuts = [i for i in numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist() if i > 0] if n else []
        kept = doc.user_data[SENTS_KEY] = (n, list(zip([0] + cuts, cuts + [n])) if n else [])
    return kept[1]


SPACES_KEY = "mouextract.token_spaces"


def token_spaces(doc: Doc) -> list[bool]:
    """Whether each token is whitespace (spaCy's `is_space`), read once and kept with the Doc
    as token_texts is. The list is shared: read it, never change it."""
    spaces = doc.user_data.get(SPACES_KEY)
    if spaces is None or len(spaces) != len(doc):
        spaces = doc.user_data[SPACES_KEY] = [w.isspace() for w in token_texts(doc)]
    return spaces


def positions(words: list[str], word: str) -> list[int]:
    """The indices where WORD stands in WORDS, in order (list.index scans in C: a Python loop
    over every token to find a few brackets costs more)."""
    found, i = [], -1
    while True:
        try:
            i = words.index(word, i + 1)
        except ValueError:
            return found
        found.append(i)


LOWERS_KEY = "mouextract.token_lowers"


def token_lowers(doc: Doc) -> list[str]:
    """The lower-case forms of the Doc's tokens (spaCy's `lower_` is the text's lower()), read
    once and kept with the Doc as token_texts is. The list is shared: read it, never change it."""
    lowers = doc.user_data.get(LOWERS_KEY)
    if lowers is None or len(lowers) != len(doc):
        lowers = doc.user_data[LOWERS_KEY] = [t.lower() for t in token_texts(doc)]
    return lowers


def _end_char(doc: Doc) -> int:
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)


# Readers whose groups only a signing needs, run when they are asked for: the places when a slot
# rule first reads their group (the relevance rules read venues for some signing words:
# slots.tokens.Tokens.group), the people and institutions once the triggers stage finds a
# signing reported (pipeline.run), every group before them then too. An article whose signing
# words report none (a plan, a recalled MoU, the words in an unrelated story) is read without
# them: later stages then find no event and read only the article's own facts (headline,
# dateline, publication date), as after the first pass (firstpass.py). No component run before
# them reads their groups; tests/test_deferred.py compares the records with a Doc read whole.
DEFERRED = {"places": ("mou_regions", "mou_venues"), "signings": ("mou_persons", "mou_orgs")}
_DEFERRED_KEY = "mouextract.deferred"   # doc.user_data: the DEFERRED groups not run yet


def parse_deferred(text: str) -> Doc:
    """TEXT parsed as `parse` does, without the DEFERRED readers (`read_deferred` runs them)."""
    nlp = get_nlp()
    doc = nlp.make_doc(tokenizable(text))
    left_out = {name for names in DEFERRED.values() for name in names}
    for name, component in nlp.pipeline:
        if name not in left_out:
            doc = component(doc)
    doc.user_data[_DEFERRED_KEY] = list(DEFERRED)
    return doc


# Seconds spent in DEFERRED readers in this process (the benchmark counts them as reading, not
# as the time of the stage that asked for them).
DEFERRED_SECONDS = [0.0]


def read_deferred(doc: Doc, group: str) -> Doc:
    """DOC with the DEFERRED readers of GROUP, and of every group before it, run once (a Doc from
    `parse` has them all)."""
    waiting = doc.user_data.get(_DEFERRED_KEY, [])
    if group in waiting:
        t0 = time.perf_counter()
        nlp = get_nlp()
        for g in waiting[:waiting.index(group) + 1]:
            for name in DEFERRED[g]:
                doc = nlp.get_pipe(name)(doc)
        doc.user_data[_DEFERRED_KEY] = waiting[waiting.index(group) + 1:]
        DEFERRED_SECONDS[0] += time.perf_counter() - t0
    return doc


def read_deferred_group(doc: Doc, group: str) -> Doc:
    """DOC with the reader that writes the span group GROUP run, if it was left out (its
    component is `mou_<group>`), and the DEFERRED readers before it."""
    waiting = doc.user_data.get(_DEFERRED_KEY)
    if waiting:
        key = next((k for k in waiting if f"mou_{group}" in DEFERRED[k]), None)
        if key is not None:
            read_deferred(doc, key)
    return doc


def parse(text: str) -> Doc:
    """The Doc of TEXT, with symbol runs that would cost the tokenizer quadratic time blanked
    (text.tokenizable): same length, so every offset is an offset into TEXT."""
    return get_nlp()(tokenizable(text))
