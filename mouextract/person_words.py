"""The words around a person's name: degrees, honorifics and ranks, initials, given names and
ordinary words, the tables of offices, and short forms an article defines.

Tests on single words and small tables, read from patterns/people.yml and patterns/offices.yml
(and the word lists learnt from the IndoNLU NER data in mouextract/data/), for the person
reader (people.py) and the stages that compare people and offices.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

from .dates import month_words, weekday_words
from .nlp import positions, token_texts
from .patterns import lexicon, load


def first_of(extra: tuple) -> int:
    """Where the name part of a title item begins (its title's end)."""
    return extra[0]


def norm(text: str) -> str:
    return text.replace(".", "").replace(" ", "").strip(",")


@lru_cache(maxsize=1)
def person_lexicon():
    entries = lexicon("people.yml")
    return {
        "prefix": {norm(x) for x in entries["prefix_degrees"]},
        "suffix": {norm(x) for x in entries["suffix_degrees"]},
        "honorific": {norm(x) for x in entries["honorifics"]},
        "rank": {norm(x) for x in entries["ranks"]},
        "inner": set(entries["title_inner_words"]),
        "particles": set(entries["name_particles"]),
        "name_abbreviations": set(entries["name_abbreviations"]),
        "noun_prefixes": tuple(entries["noun_prefixes"]),
        "noun_suffixes": tuple(entries["noun_suffixes"]),
        "org_words": set(entries["org_words"]),
        "academic": {norm(x) for x in entries["academic_prefixes"]},
        "function": set(entries["function_words"]),
        "verb_prefixes": tuple(entries["verb_prefixes"]),
        "apposition": set(entries["apposition_words"]),
        "apposition_clauses": tuple(tuple(c.split()) for c in entries["apposition_clauses"]),
        "named_institution_kinds": set(entries["named_institution_kinds"]),
        "branch_institution_kinds": set(entries["branch_institution_kinds"]),
        "balinese_name_words": {w.lower() for w in entries["balinese_name_words"]},
        "ordinal_heads": {w.lower() for w in entries["ordinal_heads"]},
        "list_openers": {w.lower() for w in entries["list_openers"]},
        "list_conjunctions": {w.lower() for w in entries["list_conjunctions"]},
        "portfolio_words": {w.lower() for w in entries["portfolio_words"]},
        "listing_words": {w.lower() for w in entries["listing_words"]},
        "rank_grades": set(entries["rank_grades"]),
        "rank_services": set(entries["rank_services"]),
        "name_titles": set(entries["name_titles"]),
        "acts_on_offices": {w.lower() for w in entries["acts_on_offices"]},
    }


def after_rank(texts: list[str], i: int) -> bool:
    """Token i follows a rank ("Brigjen TNI", "Laksamana Pertama TNI")."""
    if i > 0 and is_honorific_or_rank(texts[i - 1]):
        return True
    return i > 1 and texts[i - 1] in person_lexicon()["rank_grades"] and is_honorific_or_rank(texts[i - 2])


def service_after_rank(texts: list[str], i: int) -> bool:
    """Token i names the service of the rank before it ("Kolonel Laut", "Marsma TNI Udara")."""
    return texts[i] in person_lexicon()["rank_services"] and i > 0 and is_honorific_or_rank(texts[i - 1])


def word_list(name: str) -> frozenset:
    return frozenset(resources.files("mouextract").joinpath(f"data/{name}").read_text(encoding="utf-8").split())


@lru_cache(maxsize=1)
def common_words() -> frozenset:
    """Words news mostly uses outside person names (training/build_wordlist.py), and the ordinary
    words people.yml adds."""
    return word_list("common_words.txt") | {w.lower() for w in lexicon("people.yml")["ordinary_words"]}


@lru_cache(maxsize=1)
def name_words() -> frozenset:
    """Words news mostly uses inside person names: "ahmad", "agus", "slamet" (build_wordlist.py)."""
    return word_list("name_words.txt")


ROMAN = re.compile(r"[IVX]{1,4}")
# "Pelayanan" (9) and longer nouns; "Perdana", "Kenan"-like names are shorter or lack the shape
NOMINAL_MIN_LETTERS = 8
LIST_SEPARATORS = {",", "dan", "serta", "&", ";"}  # not-linguistic: the marks and conjunctions of a list
DEGREE_LIKE = re.compile(r"(?:[A-Z][A-Za-z]?\.?){1,4}")  # "MAFIS", "SS", "Ak.CA" after a known degree
INITIALS = re.compile(r"[A-Z]\.?|(?:[A-Z]\.){2,3}|[A-Z]{2}\.")
WEEKDAYS_MONTHS = weekday_words() | month_words()


@lru_cache(maxsize=65536)
def is_degree(text: str) -> bool:
    n = norm(text)
    lex = person_lexicon()
    return bool(n) and (n in lex["prefix"] or n in lex["suffix"])


# A long form the article defines is at most this many words ("Balai Pelayanan Pelindungan
# Pekerja Migran Indonesia (BP3MI)": 6).
LONG_FORM_WORDS = 8


def runs_before_short_forms(doc: Doc) -> set[int]:
    """Tokens of the capitalised run right before a short form in brackets ("Balai Pelayanan
    Pelindungan Pekerja Migran Indonesia (BP3MI)"): the name of a body, never a person's."""
    out: set[int] = set()
    text = token_texts(doc)
    for k in positions(text, "("):
        if not 1 <= k < len(doc) - 2:
            continue
        short = text[k + 1]
        if text[k + 2] != ")" or not short[:1].isupper() or sum(c.isupper() for c in short) < 2:
            continue
        a = k
        while a - 1 >= 0 and k - a < LONG_FORM_WORDS and (text[a - 1][:1].isupper() or text[a - 1].lower() == "dan"):
            a -= 1
        out.update(range(a, k))
    return out


def numbered_unit(doc: Doc, j: int, end: int) -> int:
    """The end of a unit's number and the place after its slash ("032/Wirabraja", "0722/
    Kudus", "0314/Indragiri Hilir"), from token j; j when none stands there."""
    texts = token_texts(doc)
    t = texts[j]
    if not t[:1].isdigit() or not t.rstrip("/").isdigit():
        return j
    k = j + 1
    if not t.endswith("/"):
        if k >= end or texts[k] != "/":
            return j
        k += 1
    while k < end and texts[k].isspace():
        k += 1
    start = k
    # the place, up to the rank that opens its commander's name ("1710/Mimika Letkol Inf X")
    while k < end and texts[k][:1].isupper() and texts[k].isalpha() and not is_honorific_or_rank(texts[k]):
        k += 1
    return k if k > start else j


def named_after_person(doc: Doc, j: int, end: int) -> int:
    """The end of a person's name that names the institution whose head stands before token j
    ("RSUD dr. R. Soedjono Selong", "Rumah Sakit Umum Daerah (RSUD) dr. Moewardi", "Universitas
    Dr. Soetomo"), honorific included; j when none stands there. Only heads that news names so
    (institution_names.yml `person_named_heads`), and only an honorific right after the head or its
    bracketed short form: "Rektor Universitas Merapi Prof. Budi" is a name after an institution's;
    after the heads named after heroes (`hero_named_heads`: "Lanud Silas Papare") no honorific."""
    words = load("institution_names.yml")
    texts = token_texts(doc)
    k = j - 1
    if k >= 2 and texts[k] == ")" and texts[k - 2] == "(":
        k -= 1  # "Rumah Sakit Umum Daerah (RSUD) dr. X": the head's short form tells its kind
    if k >= 0 and j < end and texts[k].lower() in words["hero_named_heads"] and texts[j][:1].isupper() \
            and texts[j].isalpha() and not is_degree(texts[j]):
        m = j   # "Lanud Silas Papare": the name right after the head
    elif k < 0 or j >= end or texts[k].lower() not in words["person_named_heads"] \
            or norm(texts[j]).lower() not in words["person_name_openers"]:
        return j
    else:
        m = j + 1
    while m < end and norm(texts[m]).lower() in words["person_name_openers"]:
        m += 1  # "RSUD Prof. Dr. W. Z. Johannes": honorifics in a row
    first = m
    while m < end and (is_initial(texts[m]) or (texts[m][:1].isupper() and texts[m].isalpha())) \
            and not is_degree(texts[m]):
        m += 1
    return m if m > first else j


@lru_cache(maxsize=65536)
def nominal(text: str) -> bool:
    """An ordinary noun made from a verb, by its shape: pe-/per-/ke- ... -an ("Pelindungan",
    "Pemberdayaan", "Kewirausahaan"), long enough not to be a short name."""
    low = text.lower()
    lex = person_lexicon()
    return len(low) >= NOMINAL_MIN_LETTERS and low.isalpha() and low.startswith(lex["noun_prefixes"]) \
        and low.endswith(lex["noun_suffixes"]) and low not in name_words()


def is_academic_prefix(text: str) -> bool:
    return norm(text) in person_lexicon()["academic"]


@lru_cache(maxsize=65536)
def is_suffix_degree(text: str) -> bool:
    """A degree written after the name ("S.H.", "M.Si"), as against before it ("Prof.")."""
    n = norm(text)
    return bool(n) and n in person_lexicon()["suffix"] and n not in person_lexicon()["prefix"]


@lru_cache(maxsize=65536)
def is_honorific_or_rank(text: str) -> bool:
    n = norm(text)
    lex = person_lexicon()
    return n in lex["honorific"] or n in lex["rank"]


@lru_cache(maxsize=65536)
def is_initial(text: str) -> bool:
    """"T", "M.", "A.M.", "SA.": letters standing for given names."""
    return bool(INITIALS.fullmatch(text))


def capitalised(text: str) -> bool:
    return text[:1].isupper()


@lru_cache(maxsize=65536)
def acronym_like(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2


@lru_cache(maxsize=1)
def offices() -> dict:
    """The tables of patterns/offices.yml that people read, as sets."""
    data = load("offices.yml")
    return {
        "regional_heads": frozenset(w.lower() for w in data["regional_heads"]),
        "comma_titles": frozenset(w.lower() for w in data["comma_titles"]),
        "key_drop": frozenset(w.lower() for w in data["title_key"]["drop"]),
        "key_alias": {k.lower(): (v or "").lower() for k, v in data["title_key"]["same"].items()},
        "office_words": frozenset(w.lower() for w in data["office_words"]),
        "acting": frozenset(w.lower().rstrip(".") for w in data["acting_prefixes"]),
        "located": frozenset(w.lower() for w in data["located_offices"]),
        "single_holder": frozenset(w.lower() for w in data["single_holder_heads"]),
    }


def title_key(title: str | None) -> set:
    """The words that tell one office from another ("Plt. Walikota Bekasi" = "Wali Kota Bekasi")."""
    if not title:
        return set()
    table = offices()
    out = set()
    for w in re.findall(r"[A-Za-z]+", title.lower()):
        w = table["key_alias"].get(w, "" if w in table["acting"] else w)
        if w and w not in table["key_drop"]:
            out.add(w)
    return out


ACRONYM_DEF = re.compile(r"((?:[A-Z][\w'-]*\s+(?:(?:dan|&)\s+)?){1,8}?)\(\s*([A-Z][A-Za-z]{1,11})\s*\)")
# A character no long form holds: a long form runs from its first word to the bracket over words,
# spaces and "&" only, so it starts after the last such character before the bracket.
OUTSIDE_LONG_FORM = re.compile(r"[^\w'\-\s&]")
# How far back from a bracket that character is looked for (further back, the search starts
# where it would have anyway)
LONG_FORM_LOOKBACK = 120
SHORT_FORM_BRACKET = re.compile(r"\(\s*[A-Z][A-Za-z]{1,11}\s*\)")   # ACRONYM_DEF's bracket


def _short_form_definitions(text: str):
    """ACRONYM_DEF.finditer(text), the same matches, found faster: the regex tries every capital
    of the text as a long form's start and reads up to eight words from each, while a match can
    only start in the run of words right before a bracket; so it is tried there only."""
    pos = 0
    while (bracket := text.find("(", pos)) >= 0 and (close := text.find(")", bracket)) >= 0:
        if not SHORT_FORM_BRACKET.match(text, bracket):
            pos = bracket + 1   # "(7/2/2022)", "(kiri)": no short form, so no definition ends here
            continue
        start = pos
        for m in OUTSIDE_LONG_FORM.finditer(text, max(pos, bracket - LONG_FORM_LOOKBACK), bracket):
            start = m.end()
        m = ACRONYM_DEF.search(text, start, close + 1)   # the first ")" ends a short form's bracket
        if m:
            yield m
            pos = m.end()
        else:
            pos = bracket + 1


def acronyms(text: str) -> dict[str, set]:
    """Short forms defined in the text ("Universitas Katolik Santa Maria ( Unsam)"), mapped
    to the words of their long form, for matching "Rektor Unsam" with the full title."""
    return {short: set(words) for short, words in _acronyms(text)}   # the caller's own dict and sets


@lru_cache(maxsize=4)   # the person reader and the people stage both read the article's (a regex over the text)
def _acronyms(text: str) -> tuple[tuple[str, frozenset], ...]:
    out = {}
    for m in _short_form_definitions(text):
        words = re.findall(r"[A-Za-z]+", m.group(1).lower())
        short = m.group(2)
        initials = "".join(w[0] for w in words if w not in {"dan"})
        # keep only as many long-form words as the short form can stand for
        keep = max(2, len(short)) if not initials.endswith(short.lower()[:1]) else len(words)
        out[short.lower()] = set(words[-keep:]) - {"dan"}
    return tuple((k, frozenset(v)) for k, v in out.items())
