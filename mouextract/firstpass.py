"""First pass: an article that names no signing, or no instrument, skips the pipeline.

`triggers.run` reports a signing, or lists one under `mentioned`, only in a sentence where the
span ruler finds a SIGN word, in an article where it finds an AGREEMENT or AGREEMENT_WEAK name
(CUE_GROUPS). An article in which no pattern of one of these groups can match therefore gets no
agreement and no mention, and every later stage, finding no event, reads only what describes
the article (headline, dateline, publication date). So such an article is run through the
stages with only its head parsed, and only by the components those facts come from
(`article_doc`, `run`, called by api.extract; the whole text when the head cannot be shown to
give the same facts): the record is the same, for a fraction of the cost. tests/test_firstpass.py
compares the records with and without the first pass on every article we have and on invented
articles made to trip a wrong shortcut.

The test is derived from the patterns the ruler loads (`patterns.ruler_patterns()`), never from
a list of its own. For each pattern, every token it requires gives the words (or the regex) one
of which must occur in the lower-cased text for that token to match; the pattern can match only
if each of its required tokens finds one. Tokens with nothing of the kind to test (a shape, a
negation, an optional token) are left out, and a pattern left with nothing to test, or a group
without patterns, makes the test always pass. So the first pass may send an article through the
pipeline that reports no signing, never the reverse. (`str.lower` works character by character,
so a token's lower-cased text is always a piece of the lower-cased article.)

A word is looked for where a token may stand, not inside another word: "mou" in "Gilmour" or
"kerjasama" in "bekerjasama" is no cue (about one unrelated article in twenty of a crawl had such
letters). Next to a space or a sign, a token may always begin or end; between two letters or
digits the tokenizer is asked (`may_cut`), since it does cut there now and then ("RpMoU",
"MOUDr"). A regex is still searched anywhere: spaCy searches it inside a token's text.

Set MOUEXTRACT_NO_FIRST_PASS=1 to run every article through the whole pipeline (to check that
the records are the same: tests/test_firstpass.py does, on every article we have).
"""
from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from spacy.tokens import Doc

from . import pipeline
from .context import HEADLINE_SENTENCES, Context
from .date_years import dated_by_input
from .dates import find_stamp, scan
from .nlp import get_nlp
from .patterns import ruler_patterns
from .places_stage import dateline_read_within
from .reading.dates import mark as mark_dates
from .text import MAX_WORD, tokenizable

# An article can report a signing only if some pattern of each group can match in it.
CUE_GROUPS: tuple[tuple[str, ...], ...] = (("SIGN",), ("AGREEMENT", "AGREEMENT_WEAK"))
DISABLE_ENV = "MOUEXTRACT_NO_FIRST_PASS"

_TEXT_ATTRS = ("LOWER", "ORTH", "TEXT")
_OPTIONAL = {"?", "*", "!"}
# A regex that looks at what surrounds its match (anchors, word boundaries, lookaround) may
# match a token yet not the same letters inside a longer text: no cue can be read from it.
_CONTEXT_SENSITIVE = re.compile(r"[\^$]|\\[bBAZ]|\(\?<?[=!]|\(\?\(")


@dataclass(frozen=True)
class Need:
    """One required token: one of WORDS stands in the lower-cased text as a token may (see
    `stands_alone`), or REGEX matches in it (in the text as written when the pattern tests ORTH
    or TEXT; a regex is searched inside a token, so it is searched inside the text)."""
    words: tuple[str, ...] = ()
    regex: re.Pattern | None = None
    as_written: bool = False


def _need(token) -> Need | None:
    """What a token pattern needs to find in the lower-cased text, or None if nothing."""
    if not isinstance(token, dict) or str(token.get("OP", "1")) in _OPTIONAL \
            or str(token.get("OP", "1")).startswith("{0"):
        return None
    for attr in _TEXT_ATTRS:
        value = token.get(attr)
        if isinstance(value, str):
            return Need(words=(value.lower(),))
        if isinstance(value, dict) and set(value) == {"IN"} and value["IN"]:
            # every word (not only the shortest: "teken" inside "diteken" is no token "teken")
            return Need(words=tuple(sorted({str(w).lower() for w in value["IN"]})))
        if isinstance(value, dict) and set(value) == {"REGEX"} and not _CONTEXT_SENSITIVE.search(value["REGEX"]):
            return Need(regex=re.compile(value["REGEX"]), as_written=attr != "LOWER")
    return None


def _words(token) -> set[str] | None:
    """The lower-cased words a token pattern accepts, if it tests nothing but words."""
    if not isinstance(token, dict) or set(token) - {"OP", *_TEXT_ATTRS} or len(set(token) & set(_TEXT_ATTRS)) != 1:
        return None
    value = next(token[a] for a in _TEXT_ATTRS if a in token)
    if isinstance(value, str):
        return {value.lower()}
    if isinstance(value, dict) and set(value) == {"IN"} and value["IN"]:
        return {str(w).lower() for w in value["IN"]}
    return None


@dataclass(frozen=True)
class Cue:
    """What the text must hold for one pattern to match: each of NEEDS somewhere, and, when the
    pattern is a plain sequence of words, the words in order as they can stand in a text
    (SEQUENCE, tried only once the needs are found)."""
    needs: tuple[Need, ...]
    sequence: re.Pattern | None = None


# Two tokens are neighbours in a Doc when nothing, or one plain space, stands between them.
_GAP = "[ ]?"


def _sequence(pattern: list) -> re.Pattern | None:
    """PATTERN's words in order, neighbours joined by _GAP; None unless every token it requires
    is a word test (an optional word may be there or not)."""
    pieces = []
    for token in pattern:
        words = _words(token)
        if words is None or str(token.get("OP", "1")) not in ("1", "?"):
            return None
        # every word as written
        alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        pieces.append((f"(?:{alternatives})", token.get("OP") == "?"))
    while pieces and pieces[0][1]:  # an optional word at either end constrains nothing
        pieces.pop(0)
    while pieces and pieces[-1][1]:
        pieces.pop()
    if len(pieces) < 2:
        return None  # one word: the needs already test it
    body = pieces[0][0]
    for piece, optional in pieces[1:]:
        body += f"(?:{_GAP}{piece})?" if optional else f"{_GAP}{piece}"
    return re.compile(body)


def pattern_cue(pattern) -> Cue | None:
    """What the text must hold for PATTERN to match; None when nothing can be told."""
    if not isinstance(pattern, list):
        return None  # a phrase string: its tokens are not known before tokenizing
    needs = tuple(n for n in (_need(t) for t in pattern) if n is not None)
    return Cue(needs, _sequence(pattern)) if needs else None


@lru_cache(maxsize=1)
def cue_test() -> tuple[tuple[Cue, ...], ...] | None:
    """For each group, one Cue per pattern; None: never skip."""
    groups = []
    for labels in CUE_GROUPS:
        cues = [pattern_cue(p["pattern"]) for p in ruler_patterns() if p["label"] in labels]
        if not cues or any(c is None for c in cues):
            return None
        groups.append(tuple(cues))
    return tuple(groups)


def enabled() -> bool:
    return os.environ.get(DISABLE_ENV, "") in ("", "0")


def may_report(text: str) -> bool:
    """False only when TEXT cannot report a signing or mention one (see the module docstring)."""
    return all(cues_found(text))


def cues_found(text: str) -> Iterator[bool]:
    """For each of CUE_GROUPS in turn, whether one of its patterns may match in TEXT (lazily:
    `all` stops at the first group missing)."""
    test = cue_test()
    if test is None:
        yield True
        return
    lowered = text.lower()
    # str.lower keeps the length of nearly every text; where it does not, offsets in LOWERED are
    # not offsets in TEXT and a word is only looked for as a substring
    aligned = len(lowered) == len(text)
    seen: dict[str, bool] = {}

    def found(need: Need) -> bool:
        for w in need.words:
            hit = seen.get(w)
            if hit is None:
                hit = seen[w] = stands_alone(w, lowered, text) if aligned else w in lowered
            if hit:
                return True
        return need.regex is not None and need.regex.search(text if need.as_written else lowered) is not None

    def matches(cue: Cue) -> bool:
        return all(found(n) for n in cue.needs) and (cue.sequence is None or cue.sequence.search(lowered) is not None)

    for cues in test:
        yield any(matches(cue) for cue in cues)


def stands_alone(word: str, lowered: str, text: str) -> bool:
    """Whether WORD occurs in LOWERED (TEXT lower-cased, of the same length) where the
    tokenizer may make a token of it: at each end of the occurrence a token may begin or end
    (`may_cut`). Never False where the tokenizer makes a token of those letters: "mou" inside
    "Gilmour" is no cue, "MoU" in "MoU-nya", "(MoU)", "RpMoU" or "MOUDr" is."""
    i = lowered.find(word)
    while i >= 0:
        if may_cut(text, i) and may_cut(text, i + len(word)):
            return True
        i = lowered.find(word, i + 1)
    return False


def may_cut(text: str, i: int) -> bool:
    """Whether the tokenizer may cut TEXT at I (a token end or start there). Next to a
    character that is not a letter or digit (space, punctuation, the text's ends) it is taken to
    cut; between two letters or digits the tokenizer itself is asked, over the run of
    non-spaces around I (spaCy tokenizes each such run on its own, whatever stands around it).
    A run longer than text.MAX_WORD, which the pipeline cuts into pieces first, is taken to cut."""
    if i <= 0 or i >= len(text) or not text[i - 1].isalnum() or not text[i].isalnum():
        return True
    start = i - 1
    while start > 0 and not text[start - 1].isspace():
        start -= 1
        if i - start > MAX_WORD:
            return True
    end = i + 1
    while end < len(text) and not text[end].isspace():
        end += 1
        if end - start > MAX_WORD:
            return True
    return i - start in _cuts(text[start:end])


_CUTS: dict[str, frozenset] = {}
CUTS_CACHE = 50_000   # runs remembered with their cuts; cleared when full


def _cuts(run: str) -> frozenset:
    """The offsets in RUN (a run of non-spaces) where the pipeline's tokenizer starts or ends a
    token: RUN as `nlp.parse` reads it (text.tokenizable), tokenized."""
    cuts = _CUTS.get(run)
    if cuts is None:
        if len(_CUTS) >= CUTS_CACHE:
            _CUTS.clear()
        doc = get_nlp().tokenizer(tokenizable(run))
        cuts = _CUTS[run] = frozenset(x for t in doc for x in (t.idx, t.idx + len(t)))
    return cuts


# What the stages read when there is no event comes from the first sentences (the headline:
# Context), the first lines after it (the dateline: places_stage) and the dates of the whole text
# (the publication date: dates_stage, from the page's date stamp or the dateline's date). Of the
# pipeline's components only these run on a text without cue: the rules and the other readers,
# which cost far more, serve only to fill an agreement. A stage that reads another group for the
# article must add its component here (the records with and without the first pass, compared by
# tests/test_firstpass.py, would differ).
ARTICLE_COMPONENTS = ("mou_sentences", "mou_dates", "mou_office_terms")

# Even those need not run over the whole text: the headline and the dateline are read from the
# head of the article, and the page's date, found by the date grammar over the whole text (a
# regular expression, cheaper than tokenizing it), needs the rest of the text only when its year
# is not written beside it (the year then comes from the other dates and the office holders the
# text names). So the tokenizer and the sentence splitter run over the article's first lines,
# from HEAD_CHARS on to the next line break, with the date mentions that end there marked; the
# head grows HEAD_GROWTH times while the headline or the dateline reader would read past it.
HEAD_CHARS = 200
HEAD_GROWTH = 3
_NOT_SPACE = re.compile(r"\S")


def article_doc(text: str, article: dict | None = None) -> Doc:
    """The Doc the stages read the article's own facts from when TEXT holds no cue: TEXT's head
    parsed by the tokenizer and the sentence splitter, with its dates marked (the whole TEXT by
    the tokenizer and ARTICLE_COMPONENTS when the head cannot be shown to read the same)."""
    return _article_context(text, article or {}).doc


def _article_context(text: str, article: dict, fast: bool = False) -> Context:
    """The stages run over `article_doc`: over a head while they read past it, grown."""
    t0 = time.perf_counter()
    if dated_by_input(article.get("published"), article.get("url")):
        mentions, page = [], None   # the dates stage reads no date of the text for the article
    else:
        mentions = scan(text)
        page = find_stamp(mentions)
    if page is not None and page.year is None:
        # the page's date without its year: the year may come from any date or office holder
        # the text names
        ends = iter([None])
    else:
        ends = head_ends(text, page.end if page is not None else 0)
    for end in ends:
        doc = whole_doc(text) if end is None else head_doc(text[:end], mentions)
        pipeline.TIMINGS["first pass"] += time.perf_counter() - t0
        ctx = pipeline.context(text, article, fast=fast, doc=doc)
        if end is None or end == len(text) or reads_within(ctx):
            return ctx
        t0 = time.perf_counter()
    raise AssertionError("head_ends ends with the whole text, which is always read within")


def head_ends(text: str, page_end: int) -> Iterator[int]:
    """Where the heads tried end: from HEAD_CHARS (and past the page's date at PAGE_END) to
    the next line start, then HEAD_GROWTH times as far, up to TEXT's end."""
    end = 0
    while True:
        end = head_end(text, max(end * HEAD_GROWTH, HEAD_CHARS, page_end))
        yield end
        if end == len(text):
            return


def whole_doc(text: str) -> Doc:
    """TEXT parsed by the tokenizer and ARTICLE_COMPONENTS only."""
    nlp = get_nlp()
    doc = nlp.make_doc(text)
    for name in ARTICLE_COMPONENTS:
        doc = nlp.get_pipe(name)(doc)
    return doc


def head_end(text: str, pos: int) -> int:
    """Where the first line that starts after POS begins (its first character that is not
    whitespace), else TEXT's end: cut there, TEXT keeps its lines whole and the tokenizer reads
    the same tokens in the part before the cut as in the whole (a line break, with the blanks
    beside it, is a token of its own)."""
    brk = text.find("\n", pos)
    found = _NOT_SPACE.search(text, brk) if brk >= 0 else None
    return found.start() if found else len(text)


def head_doc(head: str, mentions: list) -> Doc:
    """HEAD (the start of a text) tokenized and split into sentences, with the MENTIONS the date
    grammar found in the whole text marked where they lie inside it (their roles, page stamp
    and dateline, are the whole text's)."""
    nlp = get_nlp()
    doc = nlp.get_pipe("mou_sentences")(nlp.make_doc(head))
    return mark_dates(doc, [m for m in mentions if m.end <= len(head)])


def reads_within(ctx: Context) -> bool:
    """Whether the stages, run over a head of the text (a Doc of its start, cut by `head_end`),
    read the headline and the dateline from it alone: the headline finder had all the sentences
    it may read, and the dateline reader stopped before the head's end."""
    if len(ctx.sents) < HEADLINE_SENTENCES:
        return False
    return dateline_read_within(ctx.doc, ctx.sents[ctx.headline].span if ctx.headline is not None else None)


def run(text: str, article: dict, *, fast: bool = False) -> dict:
    """`pipeline.run` over TEXT, parsed only as far as the article needs when TEXT holds no cue."""
    if not enabled():
        return pipeline.run(text, article, fast=fast)
    t0 = time.perf_counter()
    cue = may_report(text)
    pipeline.TIMINGS["first pass"] += time.perf_counter() - t0
    if cue:
        return pipeline.run(text, article, fast=fast)
    return _article_context(text, article, fast).result()
