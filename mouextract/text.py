"""Text as the pipeline may read it: the length limit, and repairs that keep every offset.

Spans index the text as given, so nothing here changes the length of a text: a lone surrogate
becomes U+FFFD, a pathological symbol run is blanked after its start.
"""
from __future__ import annotations

import re

# spaCy's own default (nlp.max_length; its error E088 above it). A news article is a few
# thousand characters; a million is a book or a dump saved as one file. The readers skip longer
# texts with this limit in the message, and the pipeline is set to the same number.
MAX_ARTICLE_CHARS = 1_000_000

# Half an emoji ("\ud83d") from a JSON escape: valid in a Python str, but it cannot be encoded,
# so hashing, writing or storing the text would fail.
_SURROGATE = re.compile("[\ud800-\udfff]")

# spaCy's tokenizer strips a word's prefixes and suffixes one at a time, rescanning the rest of
# the word each time, so a word of n characters made of affixes costs n²: 8,001 dashes took 33 s,
# "-nya" written 5,000 times 135 s. No word of an article is that long. So before tokenising:
# a run of symbols (no letter, digit or space) keeps its first KEPT_RUN characters and the rest
# become spaces (a separator line still reads as one), and any word still longer than MAX_WORD
# gets a space in place of every MAX_WORD-th character (a long URL is cut into pieces).
KEPT_RUN = 32
MAX_WORD = 100
_SYMBOL_RUN = re.compile(r"(?:[^\w\s]|_){%d,}" % (KEPT_RUN + 1))
# A symbol run is a run of these (with spaces too): searched first, as one class it is found in
# half the time, and texts without one (nearly all) skip the substitution.
_MAYBE_SYMBOL_RUN = re.compile(r"[\W_]{%d,}" % (KEPT_RUN + 1))
# Tried only where a run of non-spaces begins (the lookbehind), not again at every character
# inside one: the same matches, as a match always starts where its run does.
_LONG_WORD = re.compile(r"(?<!\S)\S{%d,}" % (MAX_WORD + 1))


def without_surrogates(text: str) -> str:
    """TEXT with each lone surrogate replaced by U+FFFD (one character for one)."""
    return _SURROGATE.sub("\ufffd", text)


def tokenizable(text: str) -> str:
    """TEXT as the tokenizer may read it in linear time; same length, so offsets still hold."""
    if _MAYBE_SYMBOL_RUN.search(text):
        text = _SYMBOL_RUN.sub(lambda m: m.group()[:KEPT_RUN] + " " * (len(m.group()) - KEPT_RUN), text)
    return _LONG_WORD.sub(_cut, text)


def _cut(match: re.Match) -> str:
    chars = list(match.group())
    for i in range(MAX_WORD - 1, len(chars), MAX_WORD):
        chars[i] = " "
    return "".join(chars)


def too_long_message(what: str, length: int) -> str:
    return (f"{what} is {length:,} characters long, more than the {MAX_ARTICLE_CHARS:,} one article "
            f"may have: split it into articles (one per file, or one per row of a JSONL or CSV dump)")
