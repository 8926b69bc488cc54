"""Which day a written date means: the year a date written without one falls in, from evidence.

A weekday repeats on the same day and month every few years, so "Jumat (6/1)" alone fits 2012,
2017 and 2023: on a dataset spanning a decade a guess is wrong more often than right. The year
comes only from evidence, in this order:

1. the publication date: the input's (`published` in its metadata, `--published`), else a date
   in its URL ("/2023/06/22/", "20230622"), else the page's date stamp or the story's dateline;
   a date well after it belongs to the year before ("Rabu (20/12)" published 5 January);
2. a URL that gives only a year and month ("/2019/07/"): that year, or the one before for a
   month after the URL's;
3. the years written elsewhere in the text (full dates weigh most, nearest wins ties), taking
   the best that the weekday written beside the date allows;
4. the years in which the office holders and institutions the text names existed
   (patterns/office_holders.yml), when they and the weekday leave one year.

With none of these, the date keeps its day and month, `value` is None and `candidates` lists
the dates the weekday allows within the last WINDOW_YEARS years (within the office terms, when
the text names any): never an unflagged guess.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace

from .dates import WEEKDAY_NAME, Written, find_stamp

# How far back candidate years go: the span of the online news archives this tool reads.
WINDOW_YEARS = 20
# A report may announce an event a few days ahead of its publication.
_PUBLICATION_SLACK = dt.timedelta(days=7)


@dataclass(frozen=True)
class DateMention:
    """A written date and what it means."""
    start: int
    end: int
    text: str
    value: str | None          # ISO "2022-02-07" / "2021-12" / "2021"; None when the year is unknown
    precision: str | None      # "day" | "month" | "year" | None
    year_inferred: bool        # the value has a year the text did not write beside the date
    weekday: str | None        # normalised lower-case Indonesian weekday as written, if any
    weekday_conflict: bool     # the written weekday contradicts the resolved date
    relative: bool             # meaning depends on the publication date (weekday alone, "kemarin"...)
    candidates: tuple[str, ...] = ()   # the dates the evidence leaves open when value is None
    year_from: str | None = None       # written | input | url | stamp | dateline | text | office terms | weekday
    year_span: tuple[int, int] | None = None   # the text that gave the year, when it was in the text
    written: Written | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Evidence:
    """What an article and its input say about when it was written."""
    today: dt.date
    published: dt.date | None = None
    published_from: str | None = None              # input | url | stamp | dateline
    published_span: tuple[int, int] | None = None  # the stamp or dateline, when it gave the date
    url_year: tuple[int, int | None] | None = None  # a URL's year (and month) without a day
    dated: tuple[Written, ...] = ()                 # the mentions whose year is written
    terms: tuple[int, int] | None = None            # years the office holders named allow
    terms_span: tuple[int, int] | None = None


# --------------------------------------------------------------------------- evidence

_URL_DATES = (  # (pattern, has month, has day); the first that matches wins
    (re.compile(r"(?<!\d)((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)"), True, True),
    (re.compile(r"(?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)"), True, True),
    (re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])(?=/)"), True, False),
)


def url_date(url: str | None) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) a news URL's path gives ("/2023/06/22/", "/read/20170613/9/"), day or
    month None when it gives less; None when it gives no date. The host is not read."""
    if not url:
        return None
    path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/]*", "", str(url), flags=re.I)
    for rx, has_month, has_day in _URL_DATES:
        m = rx.search(path)
        if m is None:
            continue
        year, month = int(m.group(1)), int(m.group(2))
        day = int(m.group(3)) if has_day else None
        if day is not None and _safe_date(year, month, day) is None:
            continue
        return year, month, day
    return None


def _as_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):  # a timestamp would leak its time into the ISO values
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def dated_by_input(published=None, url: str | None = None) -> bool:
    """Whether the input dates the article (PUBLISHED, else a URL that gives the day): `gather`
    then takes the publication date from it and reads none of the text's dates for it."""
    found = url_date(url)
    return _as_date(published) is not None or bool(found and found[2])


def gather(mentions: list[Written], *, published=None, url: str | None = None,
           terms: tuple[int, int] | None = None, terms_span: tuple[int, int] | None = None,
           today: dt.date | None = None) -> Evidence:
    """The evidence for resolving MENTIONS (an article's, from `dates.scan`): the input's
    PUBLISHED date and URL, the office TERMS its text names, the years it writes."""
    ev = Evidence(today or dt.date.today(), dated=tuple(m for m in mentions if m.year is not None),
                  terms=terms, terms_span=terms_span)
    given = _as_date(published)
    if given is not None:
        return replace(ev, published=given, published_from="input")
    found = url_date(url)
    if found and found[2]:
        return replace(ev, published=dt.date(*found), published_from="url")
    if found:
        ev = replace(ev, url_year=(found[0], found[1]))
    stamp = find_stamp(mentions)
    if stamp is not None:
        meant = resolve(stamp, ev)
        if meant.value and meant.precision == "day":
            ev = replace(ev, published=dt.date.fromisoformat(meant.value), published_from=stamp.role,
                         published_span=(stamp.start, stamp.end))
    return ev


# --------------------------------------------------------------------------- years

def _shift_months(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:  # 29 February in a common year
        return None


def _year_from_published(m: Written, published: dt.date) -> int:
    year = published.year
    if m.day:
        candidate = _safe_date(year, m.month, m.day) or dt.date(year, m.month, 28)
        if m.direction == "future":
            return year + 1 if candidate < published - _PUBLICATION_SLACK else year
        return year - 1 if candidate > published + _PUBLICATION_SLACK else year
    if m.direction == "future":
        return year + 1 if m.month < published.month else year
    return year - 1 if m.month > published.month else year


def _fits(m: Written, year: int, today: dt.date) -> bool:
    if m.day:
        date = _safe_date(year, m.month, m.day)
        return date is not None and date <= today and (not m.weekday or date.isoweekday() == m.weekday)
    return (year, m.month) <= (today.year, today.month)


def allowed_years(m: Written, ev: Evidence) -> list[int]:
    """The years, latest first, within the window and the office terms, in which M's day and
    month exist, have passed, and fall on its weekday; office terms that leave none are ignored."""
    window = range(ev.today.year, ev.today.year - WINDOW_YEARS, -1)
    fitting = [y for y in window if _fits(m, y, ev.today)]
    if ev.terms is not None:
        within = [y for y in fitting if ev.terms[0] <= y <= ev.terms[1]]
        if within:
            return within
    return fitting


def _ranked_text_years(m: Written, dated: tuple[Written, ...]) -> list[tuple[int, Written]]:
    """Years written elsewhere in the text, best first: full dates count most, then month-years,
    then bare years; ties go to the nearest. Each with the mention nearest M that gives it."""
    weight = {"day": 3, "month": 2, "year": 1}
    score: dict[int, float] = defaultdict(float)
    nearest: dict[int, Written] = {}
    for other in dated:
        if other is m or other.start == m.start:
            continue
        score[other.year] += weight[other.precision]
        if other.year not in nearest or abs(other.start - m.start) < abs(nearest[other.year].start - m.start):
            nearest[other.year] = other
    ranked = sorted(score, key=lambda y: (-score[y], abs(nearest[y].start - m.start)))
    return [(y, nearest[y]) for y in ranked]


def _before_anchor(m: Written, year: int, dated: tuple[Written, ...]) -> int:
    """"November lalu" in a story dated 31 January: the November before that date."""
    anchors = [o for o in dated if o.precision == "day" and o.year == year]
    if m.direction == "past" and anchors:
        anchor = min(anchors, key=lambda o: abs(o.start - m.start))
        if (m.month, m.day or 1) > (anchor.month, anchor.day):
            return year - 1
    return year


def _year(m: Written, ev: Evidence) -> tuple[int | None, str | None, tuple | None, tuple[str, ...]]:
    """(year, where it came from, the span that gave it, candidates) for M without a written year."""
    if ev.published is not None:
        return _year_from_published(m, ev.published), ev.published_from, ev.published_span, ()
    if ev.url_year is not None:
        year, month = ev.url_year
        return (year if month is None or m.month <= month else year - 1), "url", None, ()
    allowed = allowed_years(m, ev)
    for year, source in _ranked_text_years(m, ev.dated):
        year = _before_anchor(m, year, ev.dated)
        if year in allowed:
            return year, "text", (source.start, source.end), ()
    within_terms = ev.terms is not None and all(ev.terms[0] <= y <= ev.terms[1] for y in allowed)
    if len(allowed) == 1 and m.day and (m.weekday or within_terms):
        return allowed[0], "office terms" if within_terms else "weekday", ev.terms_span if within_terms else None, ()
    candidates = tuple(f"{y:04d}-{m.month:02d}-{m.day:02d}" for y in allowed) if m.day else ()
    return None, None, None, candidates


def _weekday_near(weekday: int, published: dt.date, direction: str | None) -> dt.date:
    """The WEEKDAY a report published on PUBLISHED means by a bare weekday name."""
    back = (published.isoweekday() - weekday) % 7
    if direction == "past":
        return published - dt.timedelta(days=back or 7)
    if direction == "future":
        return published + dt.timedelta(days=(weekday - published.isoweekday()) % 7 or 7)
    return published - dt.timedelta(days=back)


def _relative_value(m: Written, published: dt.date) -> tuple[str, str]:
    if m.weekday_only:
        return _weekday_near(m.weekday, published, m.direction).isoformat(), "day"
    unit, offset = m.relative
    if unit == "days":
        return (published + dt.timedelta(days=offset)).isoformat(), "day"
    if unit == "months":
        y, mo = _shift_months(published.year, published.month, offset)
        return f"{y:04d}-{mo:02d}", "month"
    return f"{published.year + offset:04d}", "year"


def resolve(m: Written, ev: Evidence) -> DateMention:
    """What the written date M means, given the evidence EV."""
    value = precision = year_from = year_span = None
    candidates: tuple[str, ...] = ()
    relative = m.weekday_only or m.relative is not None
    if m.vague:
        pass
    elif relative:
        if ev.published is not None:
            (value, precision), year_from, year_span = _relative_value(m, ev.published), ev.published_from, ev.published_span
    else:
        year, year_from, year_span = m.year, "written", None
        if year is None:
            year, year_from, year_span, candidates = _year(m, ev)
        precision = m.precision
        if year is not None:
            if m.day:
                value = f"{year:04d}-{m.month:02d}-{m.day:02d}" if _safe_date(year, m.month, m.day) else None
            elif m.month:
                value = f"{year:04d}-{m.month:02d}"
            else:
                value = f"{year:04d}"
        if value is None and not m.day:
            precision = None
    conflict = bool(m.weekday and value and precision == "day"
                    and dt.date.fromisoformat(value).isoweekday() != m.weekday)
    return DateMention(
        start=m.start, end=m.end, text=m.text, value=value, precision=precision,
        year_inferred=value is not None and m.year is None,
        weekday=WEEKDAY_NAME[m.weekday] if m.weekday else None,
        weekday_conflict=conflict, relative=relative, candidates=candidates,
        year_from=year_from if value is not None else None, year_span=year_span if value is not None else None,
        written=m,
    )
