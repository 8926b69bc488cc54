"""Find and normalise the dates written in Indonesian news text.

`find_dates` returns every date expression it recognises, with an ISO value when one can be
derived; `find_published` returns the page's publication stamp when the text states one.
Choosing which date is the signing date is left to the caller.

The grammar is a set of regular expressions built once, at import, from the vocabulary in
patterns/calendar.yml. It recognises, in priority order at each position:

  weekday + date in brackets      "Senin (7/2/2022)", "Rabu (18/05)", "Jumat (1/12/23)"
  weekday + date after a comma    "Selasa, 3 Maret 2023", "Kamis, 18/7"
  weekday alone (relative)        "Senin", "Senin malam", "Selasa lalu"
  day + month name [+ year]       "31 Januari 2023", "3 Maret"
  ISO / numeric date with year    "2023-01-31", "07/04/2021"
  month + year                    "Desember 2021", "Desember 2021 lalu"
  month in a date context         "pada Maret", "bulan Mei", "November lalu"
  year in a date context          "tahun 2022", "pada 2022"  (a bare number is never a year)
  relative words (relative)       "kemarin", "hari ini", "tahun lalu"

Ranges ("periode 2022–2024", "1–3 Maret 2023") are not single dates and yield no mention.
Regulation citations ("Nomor 4 Tahun 2017") name a document, not a time, and yield no mention.

A date written without a year gets one, in this order: from the publication date (going back a
year if the date would fall well after publication); from the years written elsewhere in the
text (full dates weigh most, nearest wins ties); from the weekday written beside it (the latest
such year not after `today`); else the latest year not after `today`.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from mouextract.patterns import load as load_data

__all__ = ["DateMention", "find_dates", "find_published"]


@dataclass(frozen=True)
class DateMention:
    start: int            # char offsets into the text
    end: int
    text: str             # text[start:end]
    value: str | None     # ISO "2022-02-07" / "2021-12" / "2021"; None when unresolvable
    precision: str | None  # "day" | "month" | "year" | None
    year_inferred: bool   # a value was produced but its year was not written
    weekday: str | None   # normalised lower-case Indonesian weekday as written, if any
    weekday_conflict: bool  # the written weekday contradicts the resolved date
    relative: bool        # meaning depends on the publication date (weekday alone, "kemarin"...)


# --------------------------------------------------------------------------- vocabulary

_CAL = load_data("calendar.yml")


def _lower_map(table: dict) -> dict[str, int]:
    return {str(word).lower(): int(key) for key, words in table.items() for word in words}


_MONTH_FULL = _lower_map(_CAL["months"])
_MONTH_ANY = {**_lower_map(_CAL["month_abbreviations"]), **_MONTH_FULL}
_WEEKDAY_ISO = _lower_map(_CAL["weekdays"])
_WEEKDAY_NAME = {int(k): str(v[0]).lower() for k, v in _CAL["weekdays"].items()}
_AMBIGUOUS_WEEKDAYS = {w.lower() for w in _CAL["ambiguous_weekdays"]}
_WEEKDAY_MOD_DIRECTION = {
    " ".join(w.lower().split()): direction
    for direction, words in _CAL["weekday_modifiers"].items() for w in words
}
_PERIOD_MOD_DIRECTION = {
    " ".join(w.lower().split()): direction
    for direction, words in _CAL["period_modifiers"].items() for w in words
}
_RELATIVE = {}
for _unit, _key in (("days", "relative_days"), ("months", "relative_months"), ("years", "relative_years")):
    for _word, _offset in _CAL[_key].items():
        _RELATIVE[" ".join(_word.lower().split())] = (_unit, int(_offset))
_QUANTITY_WORDS = {w.lower() for w in _CAL["quantity_words"]}
_HABITUAL_PREFIXES = {w.lower() for w in _CAL["habitual_prefixes"]}


def _alt(words) -> str:
    """Regex alternation of WORDS, longest first so that "kemarin lusa" beats "kemarin"."""
    unique = sorted({str(w).lower() for w in words}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in unique)


# Letter boundaries: digits may touch a word ("Rp3.848") but a name may not sit inside one.
_LB = r"(?<![^\W\d_])"
_RB = r"(?![^\W\d_])"
# A number that starts a date must not continue another number or token ("Rp1.300", "time18").
_NUM_START = r"(?<![\w.,/:])(?<!\d[-–])"

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
_RELS = _alt(_RELATIVE)
_TZ = _alt(_CAL["timezones"])
# What follows a year in a range: "2022–2024", "2022/2023", "2022 s.d. 2024", "2022 hingga 2024".
_RANGE_AHEAD = rf"(?!\s*(?:[-–—/]|s\.?\s?d\.?|sampai|hingga)\s*(?:{_Y4}|\d{{2}}(?!\d)))"


def _num(s: str, *, year_required: bool, two_digit_year: bool) -> str:
    year = rf"(?:{_Y4}|\d{{2}})" if two_digit_year else _Y4
    year_part = rf"(?:(?P=sep{s})(?P<ny{s}>{year}))"
    return (rf"{_NUM_START}(?P<nd{s}>{_DAY})(?P<sep{s}>[/.\-])(?P<nm{s}>{_MONNUM})"
            rf"{year_part}{'' if year_required else '?'}(?![\d/])")


def _txt(s: str) -> str:
    return (rf"{_NUM_START}(?P<td{s}>{_DAY})\s+(?P<tm{s}>{_MON_ANY}){_RB}"
            rf"(?:\.?,?\s+(?:tahun\s+)?(?P<ty{s}>{_Y4})(?!\w))?")


def _wd(s: str) -> str:
    return rf"{_LB}(?P<wd{s}>{_WD}){_RB}"


_ALTERNATIVES = {
    # "Senin (7/2/2022)", "Rabu (18/05)", "Senin (7 Februari 2022)"
    "wd_paren": rf"{_wd('a')}\s*,?\s*\(\s*(?:{_num('a1', year_required=False, two_digit_year=True)}|{_txt('a2')})\s*\)",
    # "Selasa, 3 Maret 2023", "Senin 7/2/2022", "Kamis, tanggal 18/7"
    "wd_plain": rf"{_wd('b')}\s*,?\s+(?:(?:{_DAY_NOUNS})\.?\s+)?(?:{_txt('b2')}|{_num('b1', year_required=False, two_digit_year=True)})",
    # "Senin", "Senin malam", "Selasa lalu"
    "wd_alone": rf"{_wd('c')}(?:\s+(?P<wmod>{_WD_MODS}){_RB})?(?:\s+(?P<wpod>{_PODS}){_RB})?",
    # "31 Januari 2023", "3 Maret"
    "text": _txt("d"),
    # "2023-01-31"
    "iso": rf"(?<![\w.,/:-])(?P<iy>{_Y4})-(?P<im>1[0-2]|0[1-9])-(?P<id>3[01]|[12]\d|0[1-9])(?![\d-])",
    # "07/04/2021", "7-4-2021"
    "numeric": _num("f", year_required=True, two_digit_year=False),
    # "Desember 2021", "Desember 2021 lalu"
    "month_year": (rf"(?<![-–])(?<![-–]\s){_LB}(?P<gm>{_MON_ANY}){_RB}\.?,?\s+(?P<gy>{_Y4})(?!\w)"
                   rf"{_RANGE_AHEAD}(?:\s+(?P<gmod>{_PERIOD_MODS}){_RB})?"),
    # "pada Maret", "bulan Mei lalu"
    "month_ctx": (rf"{_LB}(?:(?:{_PREPS})\s+(?:bulan\s+)?|bulan\s+)(?P<hm>{_MON_FULL}){_RB}(?!\.?,?\s*\d)"
                  rf"(?:\s+(?P<hmod>{_PERIOD_MODS}){_RB})?"),
    # "November lalu"
    "month_mod": rf"{_LB}(?P<km>{_MON_FULL})\s+(?P<kmod>{_PERIOD_MODS}){_RB}",
    # "tahun 2022", "pada 2022", "Tahun Anggaran 2022"
    "year": (rf"{_LB}(?:(?P<yn>{_YEAR_NOUNS})|(?:{_PREPS}))\s+(?P<yy>{_Y4})(?!\w)(?![.,]\d){_RANGE_AHEAD}"
             rf"(?:\s+(?P<ymod>{_PERIOD_MODS}){_RB})?"),
    # "kemarin", "hari ini", "kemarin sore", "tahun lalu"
    "relative": rf"{_LB}(?P<rel>{_RELS}){_RB}(?:\s+(?P<rpod>{_PODS}){_RB})?",
}
_MASTER = re.compile("|".join(f"(?P<{kind}>{rx})" for kind, rx in _ALTERNATIVES.items()), re.IGNORECASE)

_WORD_BEFORE = re.compile(r"([^\W\d_][\w-]*)\W*$")
_NUMBER_BEFORE = re.compile(r"\d+[A-Za-z]?\s*$")  # "Nomor 4 Tahun 2017"
_YEAR_BEFORE = re.compile(rf"(?:{_Y4})\s*$")       # "2022 hingga 2024"
_WEEKDAY_RANGE_AROUND = re.compile(rf"\s*[-–]\s*(?:{_WD}){_RB}", re.IGNORECASE)
_WEEKDAY_RANGE_BEFORE = re.compile(rf"{_LB}(?:{_WD})\s*[-–]\s*$", re.IGNORECASE)


# --------------------------------------------------------------------------- scanning

@dataclass
class _Raw:
    kind: str
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    direction: str | None = None          # "past" | "future" | "current"
    relative: tuple[str, int] | None = None  # ("days"|"months"|"years", offset)

    @property
    def precision(self) -> str | None:
        if self.day:
            return "day"
        if self.month:
            return "month"
        if self.year:
            return "year"
        return None


def _word_before(text: str, pos: int) -> str:
    m = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
    return m.group(1).lower() if m else ""


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
    day, month, year = m.group(f"nd{s}"), m.group(f"nm{s}"), m.group(f"ny{s}")
    if year is None and m.group(f"sep{s}") == ".":
        return None  # "10.05" after a weekday is a clock time, not 10 May
    y = _full_year(year) if year else None
    if not _valid(y, int(month), int(day)):
        return None
    return y, int(month), int(day)


def _text_parts(m: re.Match, s: str):
    day, month, year = int(m.group(f"td{s}")), _MONTH_ANY[" ".join(m.group(f"tm{s}").lower().split())], m.group(f"ty{s}")
    y = int(year) if year else None
    if not _valid(y, month, day):
        return None
    return y, month, day


def _weekday_alone(text: str, m: re.Match, group: str, end: int, modifier: str | None = None) -> _Raw | None:
    word = m.group(group)
    start = m.start(group)
    if word.lower() in _AMBIGUOUS_WEEKDAYS and (not word[0].isupper() or modifier):
        return None  # "dua minggu", "Minggu lalu": the week, not Sunday
    before = _word_before(text, start)
    if before in _HABITUAL_PREFIXES or before in _QUANTITY_WORDS or _NUMBER_BEFORE.search(text, max(0, start - 8), start):
        return None  # "setiap Senin", "dua Minggu"
    if _WEEKDAY_RANGE_AROUND.match(text, m.end(group)) or _WEEKDAY_RANGE_BEFORE.search(text, max(0, start - 14), start):
        return None  # "Senin-Jumat": opening hours
    return _Raw("wd_alone", start, end, weekday=_WEEKDAY_ISO[word.lower()])


def _scan_match(text: str, m: re.Match) -> _Raw | None:
    kind = m.lastgroup
    start, end = m.span()
    if kind in ("wd_paren", "wd_plain"):
        s = "a" if kind == "wd_paren" else "b"
        parts = _numeric_parts(m, s + "1") if m.group(f"nd{s}1") else _text_parts(m, s + "2")
        if parts is None:
            return _weekday_alone(text, m, f"wd{s}", m.end(f"wd{s}"))
        y, mo, d = parts
        return _Raw(kind, start, end, y, mo, d, weekday=_WEEKDAY_ISO[m.group(f"wd{s}").lower()])
    if kind == "wd_alone":
        raw = _weekday_alone(text, m, "wdc", end, m.group("wmod"))
        if raw is not None and m.group("wmod"):
            raw.direction = _WEEKDAY_MOD_DIRECTION[" ".join(m.group("wmod").lower().split())]
        return raw
    if kind == "text":
        parts = _text_parts(m, "d")
        return _Raw(kind, start, end, *parts) if parts else None
    if kind == "iso":
        y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
        return _Raw(kind, start, end, y, mo, d) if _valid(y, mo, d) else None
    if kind == "numeric":
        parts = _numeric_parts(m, "f")
        return _Raw(kind, start, end, *parts) if parts else None
    if kind == "month_year":
        return _Raw(kind, start, end, int(m.group("gy")), _MONTH_ANY[m.group("gm").lower()])
    if kind in ("month_ctx", "month_mod"):
        g, mod = ("hm", "hmod") if kind == "month_ctx" else ("km", "kmod")
        if _word_before(text, m.start(g)) in _QUANTITY_WORDS:
            return None  # "Universitas Sebelas Maret"
        raw = _Raw(kind, m.start(g), end, month=_MONTH_FULL[m.group(g).lower()])
        if m.group(mod):
            raw.direction = _PERIOD_MOD_DIRECTION[" ".join(m.group(mod).lower().split())]
        return raw
    if kind == "year":
        if m.group("yn") is None:
            if _YEAR_BEFORE.search(text, max(0, start - 8), start):
                return None  # the end of a range: "2022 hingga 2024"
            start = m.start("yy")
        elif _NUMBER_BEFORE.search(text, max(0, start - 8), start):
            return None  # a regulation's number: "Nomor 4 Tahun 2017"
        return _Raw(kind, start, end, year=int(m.group("yy")))
    if kind == "relative":
        unit, offset = _RELATIVE[" ".join(m.group("rel").lower().split())]
        if unit != "days" and _word_before(text, start) in _QUANTITY_WORDS:
            return None  # "enam bulan lalu" is a duration
        return _Raw(kind, start, end, relative=(unit, offset))
    raise AssertionError(kind)


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


# Every alternative of the grammar starts with a digit or with one of these words. Running the
# full grammar only where they occur keeps a 5 KB article well under a millisecond.
_TRIGGER_WORDS = {
    _first_word(w)
    for w in [*_WEEKDAY_ISO, *_MONTH_ANY, *_RELATIVE, "bulan", *_CAL["date_prepositions"], *_CAL["year_nouns"]]
}
_TRIGGER_RX = rf"\b(?:(?:{_trie(_TRIGGER_WORDS)})\b|\d)"
_TRIGGER = re.compile(_TRIGGER_RX)
_TRIGGER_ANY_CASE = re.compile(_TRIGGER_RX, re.IGNORECASE)


def _scan(text: str, start: int = 0, end: int | None = None, lowered: str | None = None) -> list[_Raw]:
    """Date mentions in text[start:end] (offsets stay relative to the whole TEXT)."""
    end = len(text) if end is None else end
    lowered = text.lower() if lowered is None else lowered
    # Lower-casing a few non-Latin letters changes the length, and with it the offsets.
    if len(lowered) == len(text):
        triggers = _TRIGGER.finditer(lowered, start, end)
    else:
        triggers = _TRIGGER_ANY_CASE.finditer(text, start, end)
    found = []
    scanned_to = start
    for trigger in triggers:
        if trigger.start() < scanned_to:
            continue
        m = _MASTER.match(text, trigger.start(), end)
        if m is None:
            continue
        scanned_to = m.end()
        raw = _scan_match(text, m)
        if raw is not None:
            found.append(raw)
    return found


# --------------------------------------------------------------------------- resolution

_PUBLICATION_SLACK = dt.timedelta(days=7)  # a report may announce an event a few days ahead
_YEAR_SEARCH_SPAN = 60


def _shift_months(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:  # 29 February in a common year
        return None


def _year_from_published(raw: _Raw, published: dt.date) -> int:
    year = published.year
    if raw.day:
        candidate = _safe_date(year, raw.month, raw.day) or dt.date(year, raw.month, 28)
        if raw.direction == "future":
            return year + 1 if candidate < published - _PUBLICATION_SLACK else year
        return year - 1 if candidate > published + _PUBLICATION_SLACK else year
    if raw.direction == "future":
        return year + 1 if raw.month < published.month else year
    return year - 1 if raw.month > published.month else year


def _year_from_evidence(raw: _Raw, evidence: list[_Raw]) -> int | None:
    """Year from the dates with written years elsewhere in the text.

    Full dates count most, then month-years, then bare years; ties go to the nearest. A named
    weekday picks, among the attested years, one on which the date falls on that weekday.
    """
    if not evidence:
        return None
    weight = {"day": 3, "month": 2, "year": 1}
    score: dict[int, float] = defaultdict(float)
    distance: dict[int, int] = {}
    for other in evidence:
        score[other.year] += weight[other.precision]
        gap = abs(other.start - raw.start)
        distance[other.year] = min(distance.get(other.year, gap), gap)
    ranked = sorted(score, key=lambda y: (-score[y], distance[y]))
    year = ranked[0]
    if raw.weekday and raw.day:
        matching = [y for y in ranked if (d := _safe_date(y, raw.month, raw.day)) and d.isoweekday() == raw.weekday]
        if matching:
            year = matching[0]
    if raw.direction == "past":
        # "November lalu" in a story dated 31 January: the November before that date.
        anchors = [o for o in evidence if o.precision == "day" and o.year == year]
        if anchors:
            anchor = min(anchors, key=lambda o: abs(o.start - raw.start))
            if (raw.month, raw.day or 1) > (anchor.month, anchor.day):
                year -= 1
    return year


# Characters between an office's name and the holder's ("Panglima TNI Jenderal TNI Gatot
# Nurmantyo" needs 13; a comma-separated "Gatot Nurmantyo, Panglima TNI" 2 after).
_OFFICE_BEFORE, _OFFICE_AFTER = 40, 20


@lru_cache(maxsize=1)
def _holders() -> list[tuple[re.Pattern, list[str], int, int]]:
    out = []
    for h in load_data("office_holders.yml")["holders"]:
        names = [h["name"]] + list(h.get("aliases") or [])
        rx = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b", re.I)
        out.append((rx, [o.lower() for o in h["office"]], h["from"], h["to"] or 9999))
    return out


def office_years(text: str) -> tuple[int, int] | None:
    """The years in which every office holder the text names (beside their office) was in
    office, or None when it names none (patterns/office_holders.yml)."""
    low, high, found = 0, 9999, False
    for rx, offices, start, end in _holders():
        for m in rx.finditer(text):
            near = text[max(0, m.start() - _OFFICE_BEFORE):m.end() + _OFFICE_AFTER].lower()
            if any(o in near for o in offices):
                low, high, found = max(low, start), min(high, end), True
                break
    return (low, high) if found and low <= high else None


def _latest_year(raw: _Raw, today: dt.date, bounds: tuple[int, int] | None = None) -> int | None:
    """Latest year, not after TODAY and within BOUNDS when given, whose date fits the written
    day, month and weekday; BOUNDS that fit no such year are ignored."""
    if bounds is not None:
        year = _latest_year(raw, dt.date(min(today.year, bounds[1]), 12, 31) if bounds[1] < today.year else today)
        if year is not None and bounds[0] <= year <= bounds[1]:
            return year
    for year in range(today.year, today.year - _YEAR_SEARCH_SPAN, -1):
        if raw.day:
            candidate = _safe_date(year, raw.month, raw.day)
            if candidate is None or candidate > today:
                continue
            if raw.weekday and candidate.isoweekday() != raw.weekday:
                continue
            return year
        if (year, raw.month) <= (today.year, today.month):
            return year
    return None


def _weekday_near(weekday: int, published: dt.date, direction: str | None) -> dt.date:
    """The WEEKDAY a report published on PUBLISHED means by a bare weekday name."""
    back = (published.isoweekday() - weekday) % 7
    if direction == "past":
        return published - dt.timedelta(days=back or 7)
    if direction == "future":
        return published + dt.timedelta(days=(weekday - published.isoweekday()) % 7 or 7)
    return published - dt.timedelta(days=back)


def _resolve(raw: _Raw, text: str, evidence: list[_Raw], published, today) -> DateMention:
    value = precision = None
    year_written = raw.year is not None
    if raw.kind == "wd_alone":
        if published is not None:
            value, precision = _weekday_near(raw.weekday, published, raw.direction).isoformat(), "day"
    elif raw.relative is not None:
        if published is not None:
            unit, offset = raw.relative
            if unit == "days":
                value, precision = (published + dt.timedelta(days=offset)).isoformat(), "day"
            elif unit == "months":
                y, mo = _shift_months(published.year, published.month, offset)
                value, precision = f"{y:04d}-{mo:02d}", "month"
            else:
                value, precision = f"{published.year + offset:04d}", "year"
    else:
        year = raw.year
        if year is None:
            if published is not None:
                year = _year_from_published(raw, published)
            else:
                year = _year_from_evidence(raw, [e for e in evidence if e is not raw])
                if year is None:
                    year = _latest_year(raw, today, office_years(text) if raw.weekday else None)
        if year is not None:
            if raw.day:
                value = f"{year:04d}-{raw.month:02d}-{raw.day:02d}" if _safe_date(year, raw.month, raw.day) else None
            elif raw.month:
                value = f"{year:04d}-{raw.month:02d}"
            else:
                value = f"{year:04d}"
            precision = raw.precision if value else None
    conflict = False
    if raw.weekday and precision == "day":
        conflict = dt.date.fromisoformat(value).isoweekday() != raw.weekday
    return DateMention(
        start=raw.start,
        end=raw.end,
        text=text[raw.start:raw.end],
        value=value,
        precision=precision,
        year_inferred=value is not None and not year_written,
        weekday=_WEEKDAY_NAME[raw.weekday] if raw.weekday else None,
        weekday_conflict=conflict,
        relative=raw.kind == "wd_alone" or raw.relative is not None,
    )


def find_dates(text: str, *, published: dt.date | None = None, today: dt.date | None = None) -> list[DateMention]:
    """Every date expression in TEXT, in order, with its ISO value where one can be derived.

    PUBLISHED anchors relative forms and years left unwritten; TODAY (default: the current date)
    bounds the years guessed when nothing else in the text dates the story.
    """
    today = today or dt.date.today()
    if isinstance(published, dt.datetime):  # a timestamp would leak its time into the ISO values
        published = published.date()
    raws = _scan(text)
    evidence = [r for r in raws if r.year is not None]
    return [_resolve(r, text, evidence, published, today) for r in raws]


# --------------------------------------------------------------------------- publication stamp

_BYLINE = _alt(_CAL["byline_words"])
_PUB_WORDS = _alt(_CAL["published_words"])
# What may precede the date on a stamp line: bullets, a site name ("Kompas.com - "), a byline
# ("Oleh X, "), an announcing word ("Diterbitkan: ").
_STAMP_PREFIX = re.compile(
    rf"[\s\-–—•·:|>*]*"
    rf"(?:[\w-]+(?:\.[\w-]+)+\s*[-–—|,]\s*)?"
    rf"(?:(?P<by>(?:{_BYLINE})\s*:?\s+[^\n|,]{{1,80}}?)\s*[,|\-–—]\s*)?"
    rf"(?:(?P<kw>{_PUB_WORDS}){_RB}(?:\s+(?:pada|on|tanggal))?\s*:?\s*)?",
    re.IGNORECASE,
)
_STAMP_TIME = re.compile(
    rf"\s*(?:[|,\-–—]\s*)?(?:(?:pukul|jam)\s+)?\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?(?!\d)(?:\s*(?:{_TZ}){_RB})?",
    re.IGNORECASE,
)
# Only lines with a clock time or an announcing word can hold a stamp (found with plain
# substring search: a case-insensitive regex over the whole page costs more than the grammar).
_CLOCK = re.compile(r"\d[:.]\d\d(?!\d)")
_PUB_WORD_LIST = sorted({w.lower() for w in _CAL["published_words"]})
# After the stamp the line ends or goes on with another page field ("- Redaktur: ...").
_STAMP_REST = re.compile(r"\s*(?:$|[-–—|•·]\s*[^\n]*$)", re.MULTILINE)


def _stamp_line_candidates(text: str) -> list[_Raw]:
    lowered = text.lower()
    hints = [m.start() for m in _CLOCK.finditer(text)]
    for word in _PUB_WORD_LIST:
        at = lowered.find(word)
        while at != -1:
            hints.append(at)
            at = lowered.find(word, at + len(word))
    found = []
    scanned_to = 0
    for hint in sorted(hints):
        if hint < scanned_to:
            continue
        line_start = text.rfind("\n", 0, hint) + 1
        line_end = text.find("\n", hint)
        scanned_to = line_end = len(text) if line_end == -1 else line_end
        found.extend(_scan(text, line_start, line_end, lowered))
    return found


def find_published(text: str) -> DateMention | None:
    """The publication stamp of a news page ("Rabu, 2 Juli 2025 | 10:05 WIB"), if stated.

    A stamp is a full date with a written year standing at the head of its line (after at
    most a byline, a site name or "Diterbitkan"), followed by a clock time or the end of the
    line. A stamp in a byline wins; otherwise differing stamps make the answer unsure: None.
    """
    bylined, plain = [], []
    for raw in _stamp_line_candidates(text):
        if raw.precision != "day" or raw.year is None or raw.kind == "wd_paren":
            continue
        line_start = text.rfind("\n", 0, raw.start) + 1
        prefix = _STAMP_PREFIX.fullmatch(text, line_start, raw.start)
        if prefix is None:
            continue
        after = raw.end
        clock = _STAMP_TIME.match(text, after)
        if clock:
            after = clock.end()
        elif not prefix.group("kw"):
            continue
        if not _STAMP_REST.match(text, after):
            continue
        (bylined if prefix.group("by") else plain).append(raw)
    if bylined:
        chosen = bylined[0]
    elif plain and len({(r.year, r.month, r.day) for r in plain}) == 1:
        chosen = plain[0]
    else:
        return None
    return _resolve(chosen, text, [], None, dt.date.today())


# --------------------------------------------------------------------------- dateparser

# The weekday and brackets around a written date: "Senin (7/2/2022)" -> "7/2/2022".
_AROUND = re.compile(r"^\s*(?:[A-Za-z']+\s*[,(]\s*)?|[)\s.,]+$")
_DATEPARSER_SETTINGS = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first",
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

