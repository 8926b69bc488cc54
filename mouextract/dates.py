"""Read the dates written in Indonesian news text: what the text says, not yet what it means.

`scan(text)` returns every date expression the grammar recognises as a `Written` mention (the
day, month, year and weekday as written, the words around them), in text order, with the page
stamp or the dateline among them marked (`role`). It is run once per article, by the reading
component `mou_dates` (mouextract/reading/dates.py), which keeps the mentions on the Doc; which
year a date written without one falls in is decided afterwards from the evidence the article
and its input give (mouextract/date_years.py).

The grammar is a set of regular expressions built once, at import, from the vocabulary in
patterns/calendar.yml. It recognises, in priority order at each position:

  weekday + date in brackets      "Senin (7/2/2022)", "Rabu (18/05)", "Jumat (1/12/23)"
  weekday + date after a comma    "Selasa, 3 Maret 2023", "Kamis, 18/7"
  relative day + date             "hari ini (17/1)", "kemarin (16/1)"
  weekday alone (relative)        "Senin", "Senin malam", "Selasa lalu"
  day + month name [+ year]       "31 Januari 2023", "3 Maret"
  ISO / numeric date with year    "2023-01-31", "07/04/2021", "(31/01/25)"
  day noun + numeric date         "tanggal 5/2" (no year needed after the word for a day)
  month + day + year              "Maret, 25-2022", "March 25, 2022"
  month + year                    "Desember 2021", "Desember 2021 lalu"
  month in a date context         "pada Maret", "bulan Mei", "November lalu"
  year in a date context          "tahun 2022", "pada 2022"  (a bare number is never a year)
  vague time                      "baru-baru ini", "belum lama ini"
  relative words (relative)       "kemarin", "hari ini", "tahun lalu"

A numeric date is day first, as Indonesian writes it; month first only when the first number
cannot be a month's day order ("3/27/2019": no 27th month). Ranges ("periode 2022–2024",
"1–3 Maret 2023") are not single dates and regulation citations ("Nomor 4 Tahun 2017") name a
document, not a time: neither yields a mention.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from mouextract.patterns import load as load_data

@dataclass(frozen=True)
class Written:
    """A date as the text writes it."""
    start: int            # char offsets into the text
    end: int
    text: str             # text[start:end]
    kind: str             # the grammar alternative that read it ("wd_paren", "text", "vague" ...)
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None        # ISO weekday written beside the date (1 = Monday)
    direction: str | None = None      # "past" | "future" | "current": "lalu", "mendatang", "ini"
    relative: tuple[str, int] | None = None  # ("days"|"months"|"years", offset) from publication
    role: str | None = None           # "stamp" (the page's date line) | "dateline" (opens the story)

    @property
    def precision(self) -> str | None:
        if self.day:
            return "day"
        if self.month:
            return "month"
        if self.year:
            return "year"
        return None

    @property
    def vague(self) -> bool:
        return self.kind == "vague"

    @property
    def weekday_only(self) -> bool:
        return self.kind == "wd_alone"


# --------------------------------------------------------------------------- vocabulary

_CAL = load_data("calendar.yml")


def _lower_map(table: dict) -> dict[str, int]:
    return {str(word).lower(): int(key) for key, words in table.items() for word in words}


def _norm(words: str) -> str:
    return " ".join(words.lower().split())


_MONTH_FULL = _lower_map(_CAL["months"])
_MONTH_ANY = {**_lower_map(_CAL["month_abbreviations"]), **_MONTH_FULL}
_WEEKDAY_ISO = _lower_map(_CAL["weekdays"])
WEEKDAY_NAME = {int(k): str(v[0]).lower() for k, v in _CAL["weekdays"].items()}
_AMBIGUOUS_WEEKDAYS = {w.lower() for w in _CAL["ambiguous_weekdays"]}
_WEEKDAY_MOD_DIRECTION = {_norm(w): d for d, words in _CAL["weekday_modifiers"].items() for w in words}
_PERIOD_MOD_DIRECTION = {_norm(w): d for d, words in _CAL["period_modifiers"].items() for w in words}
_RELATIVE = {}
for _unit, _key in (("days", "relative_days"), ("months", "relative_months"), ("years", "relative_years")):
    for _word, _offset in _CAL[_key].items():
        _RELATIVE[_norm(_word)] = (_unit, int(_offset))
_RELATIVE_DAYS = [w for w, (unit, _) in _RELATIVE.items() if unit == "days"]
_QUANTITY_WORDS = {w.lower() for w in _CAL["quantity_words"]}
_HABITUAL_PREFIXES = {w.lower() for w in _CAL["habitual_prefixes"]}


def _alt(words) -> str:
    """Regex alternation of WORDS, longest first so that "kemarin lusa" beats "kemarin"."""
    unique = sorted({str(w).lower() for w in words}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in unique)


# Letter boundaries: digits may touch a word ("Rp3.848") but a name may not sit inside one.
_LB = r"(?<![^\W\d_])"
_RB = r"(?![^\W\d_])"
# A number that starts a date must not continue another number or token ("Rp1.300", "time18",
# "3,5"); after a word and a comma it may ("POSO,7/2/2022").
_NUM_START = r"(?<![\w./:])(?<!\d,)(?<!\d[-–])"

_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_MONNUM = r"(?:1[0-2]|0?[1-9])"
_Y4 = r"(?:19|20)\d{2}"

_WD = _alt(_WEEKDAY_ISO)
_MON_ANY = _alt(_MONTH_ANY)
_MON_FULL = _alt(_MONTH_FULL)
_WD_MODS = _alt(_WEEKDAY_MOD_DIRECTION)
_PERIOD_MODS = _alt(_PERIOD_MOD_DIRECTION)
_PODS = _alt(_CAL["parts_of_day"])
_PREPS = _alt(_CAL["date_prepositions"])
_YEAR_NOUNS = _alt(_CAL["year_nouns"])
_DAY_NOUNS = _alt(_CAL["day_nouns"])
_MONTH_NOUNS = _alt(_CAL["month_nouns"])
_RELS = _alt(_RELATIVE)
_REL_DAYS = _alt(_RELATIVE_DAYS)
_VAGUE = _alt(_CAL["vague_times"])
_TZ = _alt(_CAL["timezones"])
_RANGE = _alt(_CAL["range_words"])
_CLOCK_WORDS = _alt(_CAL["clock_words"])
# What follows a year in a range: "2022–2024", "2022/2023", "2022 s.d. 2024", "2022 hingga 2024".
_RANGE_AHEAD = rf"(?!\s*(?:[-–—/]|(?:{_RANGE}){_RB})\s*(?:{_Y4}|\d{{2}}(?!\d)))"


def _num(s: str, *, year_required: bool, two_digit_year: bool) -> str:
    """Numeric date "d/m[/y]"; the second number may exceed 12 for a month-first date ("3/27/2019")."""
    year = rf"(?:{_Y4}|\d{{2}})" if two_digit_year else _Y4
    year_part = rf"(?:(?P=sep{s})(?P<ny{s}>{year}))"
    return (rf"{_NUM_START}(?P<nd{s}>{_DAY})(?P<sep{s}>[/.\-])(?P<nm{s}>{_DAY})"
            rf"{year_part}{'' if year_required else '?'}(?![\d/])")


def _txt(s: str) -> str:
    return (rf"{_NUM_START}(?P<td{s}>{_DAY})\s+(?P<tm{s}>{_MON_ANY}){_RB}"
            rf"(?:\.?,?\s+(?:(?:{_YEAR_NOUNS})\s+)?(?P<ty{s}>{_Y4})(?!\w))?")


def _wd(s: str) -> str:
    return rf"{_LB}(?P<wd{s}>{_WD}){_RB}"


def _then(s: str) -> str:
    """A word after a day that places it ("Jumat (7/12) lalu", "25 September mendatang"), read
    without becoming part of the mention."""
    return rf"(?:(?=\s+(?P<then{s}>{_PERIOD_MODS}){_RB}))?"


_ALTERNATIVES = {
    # "Senin (7/2/2022)", "Rabu (18/05)", "Senin (7 Februari 2022)"
    "wd_paren": rf"{_wd('a')}\s*,?\s*\(\s*(?:{_num('a1', year_required=False, two_digit_year=True)}|{_txt('a2')})\s*\){_then('a')}",
    # "Selasa, 3 Maret 2023", "Senin 7/2/2022", "Kamis, tanggal 18/7"
    "wd_plain": rf"{_wd('b')}\s*,?\s+(?:(?:{_DAY_NOUNS})\.?\s+)?(?:{_txt('b2')}|{_num('b1', year_required=False, two_digit_year=True)}){_then('b')}",
    # "hari ini (17/1)", "kemarin (16/1/2018)"
    "rel_paren": rf"{_LB}(?P<rp>{_REL_DAYS})\s*\(\s*{_num('r', year_required=False, two_digit_year=True)}\s*\)",
    # "Senin", "Senin malam", "Selasa lalu"
    "wd_alone": rf"{_wd('c')}(?:\s+(?P<wmod>{_WD_MODS}){_RB})?(?:\s+(?P<wpod>{_PODS}){_RB})?",
    # "31 Januari 2023", "3 Maret"
    "text": _txt("d") + _then("d"),
    # "2023-01-31"
    "iso": rf"(?<![\w.,/:-])(?P<iy>{_Y4})-(?P<im>1[0-2]|0[1-9])-(?P<id>3[01]|[12]\d|0[1-9])(?![\d-])",
    # "(31/01/25)": a two-digit year only inside brackets, where nothing else reads as a date
    "paren": rf"\(\s*{_num('p', year_required=True, two_digit_year=True)}\s*\){_then('p')}",
    # "07/04/2021", "7-4-2021"
    "numeric": _num("f", year_required=True, two_digit_year=False) + _then("f"),
    # "tanggal 5/2": after the word for a day, a day and month without a year are a date too
    # (with a year, "numeric" reads it from the number on)
    "day_numeric": (rf"{_LB}(?:{_DAY_NOUNS})\.?\s+(?=\d{{1,2}}[/.\-]\d{{1,2}}(?![/.\-]\d|[\d/]))"
                    + _num("t", year_required=False, two_digit_year=True) + _then("t")),
    # "Maret, 25-2022", "Maret 25, 2022"
    "text_mdy": rf"{_LB}(?P<xm>{_MON_ANY}){_RB}\.?,?\s+(?P<xd>{_DAY})\s*[,\-]\s*(?P<xy>{_Y4})(?!\w)",
    # "Desember 2021", "Desember 2021 lalu"
    "month_year": (rf"(?<![-–])(?<![-–]\s){_LB}(?P<gm>{_MON_ANY}){_RB}\.?,?\s+(?P<gy>{_Y4})(?!\w)"
                   rf"{_RANGE_AHEAD}(?:\s+(?P<gmod>{_PERIOD_MODS}){_RB})?"),
    # "pada Maret", "bulan Mei lalu"
    "month_ctx": (rf"{_LB}(?:(?:{_PREPS})\s+(?:(?:{_MONTH_NOUNS})\s+)?|(?:{_MONTH_NOUNS})\s+)(?P<hm>{_MON_FULL}){_RB}"
                  rf"(?!\.?,?\s*\d)(?:\s+(?P<hmod>{_PERIOD_MODS}){_RB})?"),
    # "November lalu"
    "month_mod": rf"{_LB}(?P<km>{_MON_FULL})\s+(?P<kmod>{_PERIOD_MODS}){_RB}",
    # "tahun 2022", "pada 2022", "Tahun Anggaran 2022"
    "year": (rf"{_LB}(?:(?P<yn>{_YEAR_NOUNS})|(?:{_PREPS}))\s+(?P<yy>{_Y4})(?!\w)(?![.,]\d){_RANGE_AHEAD}"
             rf"(?:\s+(?P<ymod>{_PERIOD_MODS}){_RB})?"),
    # "baru-baru ini", "belum lama ini"
    "vague": rf"{_LB}(?:{_VAGUE}){_RB}",
    # "kemarin", "hari ini", "kemarin sore", "tahun lalu"
    "relative": rf"{_LB}(?P<rel>{_RELS}){_RB}(?:\s+(?P<rpod>{_PODS}){_RB})?",
}
_MASTER = re.compile("|".join(f"(?P<{kind}>{rx})" for kind, rx in _ALTERNATIVES.items()), re.IGNORECASE)

_WORD_BEFORE = re.compile(r"([^\W\d_][\w-]*)\W*$")
_NUMBER_BEFORE = re.compile(r"\d+[A-Za-z]?\s*$")  # "Nomor 4 Tahun 2017"
_YEAR_BEFORE = re.compile(rf"(?:{_Y4})\s*$")       # "2022 hingga 2024"
_WEEKDAY_RANGE_AROUND = re.compile(rf"\s*[-–]\s*(?:{_WD}){_RB}", re.IGNORECASE)
_WEEKDAY_RANGE_BEFORE = re.compile(rf"{_LB}(?:{_WD})\s*[-–]\s*$", re.IGNORECASE)


# --------------------------------------------------------------------------- reading one match

def _word_before(text: str, pos: int) -> str:
    m = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
    return m.group(1).lower() if m else ""


def is_year(text: str) -> bool:
    """A number written as a year ("2024"): as this reader reads one."""
    return re.fullmatch(_Y4, text) is not None


def _full_year(digits: str) -> int:
    year = int(digits)
    if len(digits) == 2:  # "(1/12/23)": news of this century, older only for 70-99
        year += 2000 if year < 70 else 1900
    return year


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: 29/2 stays possible
    except ValueError:
        return False
    return True


def _numeric_parts(m: re.Match, s: str):
    """(year, month, day) of a numeric date group set, or None if it is not a date."""
    first, second, year = int(m.group(f"nd{s}")), int(m.group(f"nm{s}")), m.group(f"ny{s}")
    if year is None and m.group(f"sep{s}") == ".":
        return None  # "10.05" after a weekday is a clock time, not 10 May
    y = _full_year(year) if year else None
    day, month = first, second
    if second > 12:
        if first > 12:
            return None
        day, month = second, first  # "3/27/2019": written month first
    if not _valid(y, month, day):
        return None
    return y, month, day


def _text_parts(m: re.Match, s: str):
    day, month, year = int(m.group(f"td{s}")), _MONTH_ANY[_norm(m.group(f"tm{s}"))], m.group(f"ty{s}")
    y = int(year) if year else None
    if not _valid(y, month, day):
        return None
    return y, month, day


def _weekday_alone(text: str, m: re.Match, group: str, end: int, modifier: str | None = None) -> Written | None:
    word = m.group(group)
    start = m.start(group)
    if word.lower() in _AMBIGUOUS_WEEKDAYS and (not word[0].isupper() or modifier):
        return None  # "dua minggu", "Minggu lalu": the week, not Sunday
    before = _word_before(text, start)
    if before in _HABITUAL_PREFIXES or before in _QUANTITY_WORDS or _NUMBER_BEFORE.search(text, max(0, start - 8), start):
        return None  # "setiap Senin", "dua Minggu"
    if _WEEKDAY_RANGE_AROUND.match(text, m.end(group)) or _WEEKDAY_RANGE_BEFORE.search(text, max(0, start - 14), start):
        return None  # "Senin-Jumat": opening hours
    direction = _WEEKDAY_MOD_DIRECTION[_norm(modifier)] if modifier else None
    return Written(start, end, text[start:end], "wd_alone", weekday=_WEEKDAY_ISO[word.lower()], direction=direction)


_THEN_GROUP = {"wd_paren": "thena", "wd_plain": "thenb", "text": "thend", "paren": "thenp",  # not-linguistic: regex group names
               "numeric": "thenf", "day_numeric": "thent"}  # not-linguistic: regex group names


def _date(kind: str, text: str, start: int, end: int, parts, m: re.Match | None = None, **more) -> Written:
    y, mo, d = parts
    then = m.group(_THEN_GROUP[kind]) if m is not None and kind in _THEN_GROUP else None
    if then:
        more["direction"] = _PERIOD_MOD_DIRECTION[_norm(then)]
    return Written(start, end, text[start:end], kind, y, mo, d, **more)


def _read(text: str, m: re.Match) -> Written | None:
    kind = m.lastgroup
    start, end = m.span()
    if kind in ("wd_paren", "wd_plain"):
        s = "a" if kind == "wd_paren" else "b"
        parts = _numeric_parts(m, s + "1") if m.group(f"nd{s}1") else _text_parts(m, s + "2")
        if parts is None:
            return _weekday_alone(text, m, f"wd{s}", m.end(f"wd{s}"))
        return _date(kind, text, start, end, parts, m, weekday=_WEEKDAY_ISO[m.group(f"wd{s}").lower()])
    if kind in ("rel_paren", "paren", "numeric", "day_numeric"):
        parts = _numeric_parts(m, {"rel_paren": "r", "paren": "p", "numeric": "f", "day_numeric": "t"}[kind])
        return _date(kind, text, start, end, parts, m) if parts else None
    if kind == "wd_alone":
        return _weekday_alone(text, m, "wdc", end, m.group("wmod"))
    if kind == "text":
        parts = _text_parts(m, "d")
        return _date(kind, text, start, end, parts, m) if parts else None
    if kind == "iso":
        y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
        return _date(kind, text, start, end, (y, mo, d)) if _valid(y, mo, d) else None
    if kind == "text_mdy":
        y, mo, d = int(m.group("xy")), _MONTH_ANY[m.group("xm").lower()], int(m.group("xd"))
        return _date(kind, text, start, end, (y, mo, d)) if _valid(y, mo, d) else None
    if kind == "month_year":
        direction = _PERIOD_MOD_DIRECTION[_norm(m.group("gmod"))] if m.group("gmod") else None
        return Written(start, end, text[start:end], kind, int(m.group("gy")), _MONTH_ANY[m.group("gm").lower()],
                       direction=direction)
    if kind in ("month_ctx", "month_mod"):
        g, mod = ("hm", "hmod") if kind == "month_ctx" else ("km", "kmod")  # not-linguistic: regex group names
        if _word_before(text, m.start(g)) in _QUANTITY_WORDS:
            return None  # "Universitas Sebelas Maret"
        direction = _PERIOD_MOD_DIRECTION[_norm(m.group(mod))] if m.group(mod) else None
        start = m.start(g)
        return Written(start, end, text[start:end], kind, month=_MONTH_FULL[m.group(g).lower()], direction=direction)
    if kind == "year":
        if m.group("yn") is None:
            if _YEAR_BEFORE.search(text, max(0, start - 8), start):
                return None  # the end of a range: "2022 hingga 2024"
            start = m.start("yy")
        elif _NUMBER_BEFORE.search(text, max(0, start - 8), start):
            return None  # a regulation's number: "Nomor 4 Tahun 2017"
        direction = _PERIOD_MOD_DIRECTION[_norm(m.group("ymod"))] if m.group("ymod") else None
        return Written(start, end, text[start:end], kind, year=int(m.group("yy")), direction=direction)
    if kind == "vague":
        return Written(start, end, text[start:end], kind, direction="past")
    if kind == "relative":
        unit, offset = _RELATIVE[_norm(m.group("rel"))]
        if unit != "days" and _word_before(text, start) in _QUANTITY_WORDS:
            return None  # "enam bulan lalu" is a duration
        return Written(start, end, text[start:end], kind, relative=(unit, offset))
    raise AssertionError(kind)


# --------------------------------------------------------------------------- scanning

def _trie(words) -> str:
    """Regex matching any of WORDS, factored by shared prefixes (much faster than a flat list)."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


def _first_word(phrase: str) -> str:
    return re.match(r"[^\W\d_]+", phrase.lower()).group()


# Every alternative of the grammar starts with a digit, a bracket or one of these words. Running
# the full grammar only where they occur keeps a 5 KB article well under a millisecond.
_TRIGGER_WORDS = {
    _first_word(w)
    for w in [*_WEEKDAY_ISO, *_MONTH_ANY, *_RELATIVE, *_CAL["month_nouns"], *_CAL["day_nouns"], *_CAL["date_prepositions"],
              *_CAL["year_nouns"], *_CAL["vague_times"]]
}
_TRIGGER_RX = rf"\b(?:(?:{_trie(_TRIGGER_WORDS)})\b|\d)|\((?=\s*\d)"
_TRIGGER = re.compile(_TRIGGER_RX)
_TRIGGER_ANY_CASE = re.compile(_TRIGGER_RX, re.IGNORECASE)


def _scan(text: str) -> list[Written]:
    lowered = text.lower()
    # Lower-casing a few non-Latin letters changes the length, and with it the offsets.
    triggers = _TRIGGER.finditer(lowered) if len(lowered) == len(text) else _TRIGGER_ANY_CASE.finditer(text)
    found = []
    scanned_to = 0
    for trigger in triggers:
        if trigger.start() < scanned_to:
            continue
        m = _MASTER.match(text, trigger.start())
        if m is None:
            continue
        scanned_to = m.end()
        mention = _read(text, m)
        if mention is not None:
            found.append(mention)
    return found


def scan(text: str) -> list[Written]:
    """Every date expression in TEXT, in order, the page stamp and the dateline marked (`role`)."""
    mentions = _scan(text)
    roles = _roles(text, mentions)
    return [replace(m, role=roles[i]) if i in roles else m for i, m in enumerate(mentions)]


# --------------------------------------------------------------------------- stamp and dateline

_BYLINE = _alt(_CAL["byline_words"])
_PUB_WORDS = _alt(_CAL["published_words"])
_PUB_JOINERS = _alt(_CAL["published_joiners"])
# What may precede the date on a stamp line: bullets, a site name ("Kompas.com - "), a byline
# ("Oleh X, "), an announcing word ("Diterbitkan: ").
_STAMP_PREFIX = re.compile(
    rf"[\s\-–—•·:|>*]*"
    rf"(?:[\w-]+(?:\.[\w-]+)+\s*[-–—|,]\s*)?"
    rf"(?:(?P<by>(?:{_BYLINE})\s*:?\s+[^\n|,]{{1,80}}?)\s*[,|\-–—]\s*)?"
    rf"(?:(?P<kw>{_PUB_WORDS}){_RB}(?:\s+(?:{_PUB_JOINERS}))?\s*:?\s*)?",
    re.IGNORECASE,
)
_STAMP_TIME = re.compile(
    rf"\s*(?:[|,\-–—]\s*)?(?:(?:{_CLOCK_WORDS})\s+)?\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?(?!\d)(?:\s*(?:{_TZ}){_RB})?",
    re.IGNORECASE,
)
# After the stamp the line ends or goes on with another page field ("- Redaktur: ...").
_STAMP_REST = re.compile(r"[ \t]*(?:$|[-–—|•·][^\n]*$)", re.MULTILINE)
_LINE_END = re.compile(r"[ \t]*$", re.MULTILINE)
# A dateline opens the story with the place it was filed from: "BATAM, Senin (7/2) - ",
# "Labuhanbatu, Maret, 25-2022", "KPUSLEMAN, 03 Oktober 2019 bertempat ...".
_DATELINE_PREFIX = re.compile(r"[ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}[ \t]*,[ \t]*")


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _is_stamp(text: str, m: Written) -> str | None:
    """'byline' or 'plain' when M is a page stamp, else None.

    A stamp is a full date with a written year at the head of its line (after at most a byline,
    a site name or "Diterbitkan"), followed by a clock time, or by the end of the line when
    the line holds nothing else or an announcing word introduced it.
    """
    if m.precision != "day" or m.year is None or m.kind == "wd_paren":
        return None
    prefix = _STAMP_PREFIX.fullmatch(text, _line_start(text, m.start), m.start)
    if prefix is None:
        return None
    after = m.end
    clock = _STAMP_TIME.match(text, after)
    if clock:
        after = clock.end()
    elif not prefix.group("kw") and not (prefix.group(0).strip(" \t-–—•·|>*") == "" and _LINE_END.match(text, after)):
        return None
    if not _STAMP_REST.match(text, after):
        return None
    return "byline" if prefix.group("by") else "plain"


def _roles(text: str, mentions: list[Written]) -> dict[int, str]:
    """Index of the page stamp and of the dateline among MENTIONS (either may be missing).

    A stamp in a byline wins over others; differing plain stamps leave the page undated. The
    dateline is the first full date of the story when it follows the place the report was
    filed from at the head of its line.
    """
    roles: dict[int, str] = {}
    bylined, plain = [], []
    for i, m in enumerate(mentions):
        kind = _is_stamp(text, m)
        if kind:
            (bylined if kind == "byline" else plain).append(i)
    if bylined:
        roles[bylined[0]] = "stamp"
    elif plain and len({(mentions[i].year, mentions[i].month, mentions[i].day) for i in plain}) == 1:
        roles[plain[0]] = "stamp"
    stamps = set(bylined) | set(plain)
    first_day = next((i for i, m in enumerate(mentions) if m.precision == "day" and i not in stamps), None)
    if first_day is not None:
        m = mentions[first_day]
        if _DATELINE_PREFIX.fullmatch(text, _line_start(text, m.start), m.start):
            roles[first_day] = "dateline"
    return roles


# The roles a date that dates the page can have, the more trusted first.
STAMP_ROLES = ("stamp", "dateline")  # not-linguistic: role names


def find_stamp(mentions: list[Written]) -> Written | None:
    """The page stamp among mentions that `scan` returned, else the dateline, else None."""
    for role in STAMP_ROLES:
        for m in mentions:
            if m.role == role:
                return m
    return None


def find_published(text: str) -> Written | None:
    """The page stamp or dateline of TEXT when it writes a full date, year included; else None.
    For readers deciding whether the text dates itself (a file's own date is then not needed);
    the pipeline reads the stamp from the Doc's date mentions instead."""
    stamp = find_stamp(scan(text))
    return stamp if stamp is not None and stamp.year is not None and stamp.day is not None else None


# --------------------------------------------------------------------------- dateparser

# The weekday and brackets around a written date: "Senin (7/2/2022)" -> "7/2/2022".
_AROUND = re.compile(r"^\s*(?:[A-Za-z']+\s*[,(]\s*)?|[)\s.,]+$")
_DATEPARSER_SETTINGS = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first",  # not-linguistic: dateparser settings
                        "REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False}  # not-linguistic: dateparser settings


@lru_cache(maxsize=4096)
def dateparser_value(span: str) -> str | None:
    """dateparser's reading (languages=["id"]) of a short date span with day, month and year
    written, as an ISO date; None when it cannot read one. Only ever given the short spans the
    grammar above found, never a whole article."""
    import dateparser  # imported on first use: it costs half a second

    core = _AROUND.sub("", span)
    parsed = dateparser.parse(core, languages=["id"], settings=_DATEPARSER_SETTINGS) if core else None
    return parsed.date().isoformat() if parsed else None


def weekday_words() -> frozenset:
    """Every spelling of a weekday (calendar.yml), for the stages that must not read one as a name."""
    return frozenset(w.lower() for spellings in _CAL["weekdays"].values() for w in spellings)


def month_words() -> frozenset:
    """Every full spelling of a month (calendar.yml)."""
    return frozenset(w.lower() for spellings in _CAL["months"].values() for w in spellings)
