"""Stage 2: the signing date of each reported signing.

Reads the dates the reading component marked (`doc.spans["dates"]`) and the office terms
(`doc.spans["office_terms"]`), resolves their years from the evidence (date_years.py), and
picks, for each signing, the date tied to it by the rows of patterns/slots/date.yml, read by
the slot engine: first a date in a sentence that reports the signing, then one beside it, one
about the occasion nearby, one in a sentence naming the instrument, one in the attribution of a
statement, then the dateline. The page stamp is never the signing date. This stage keeps the
mechanism: which dates can be a signing's (a day and month, not still to come), the weekday a
signing sentence names alone, and the stop at a vague time in the signing sentences.

`find_dates(text, ...)` and `read_published(text)` give the same reading for a bare text.
"""
from __future__ import annotations

import datetime as dt

from .context import Context
from .date_years import DateMention, Evidence, gather, resolve
from .dates import STAMP_ROLES, dateparser_value
from .reading import dates as reading_dates
from .reading import office_terms
from .slots import fill, rules

DATE_RULES = "date.yml"


# --------------------------------------------------------------------------- reading

def _evidence(doc, *, published=None, url=None, today=None) -> tuple[list[DateMention], Evidence]:
    written = reading_dates.mentions(doc)
    found = office_terms.bounds(doc)
    terms, terms_span = found if found else (None, None)
    ev = gather(written, published=published, url=url, terms=terms, terms_span=terms_span, today=today)
    return [resolve(m, ev) for m in written], ev


def find_dates(text: str, *, published=None, url: str | None = None, today: dt.date | None = None) -> list[DateMention]:
    """Every date expression in TEXT, in order, with its ISO value where the evidence gives one.

    PUBLISHED (the input's publication date) and URL (the page's address) date the article;
    TODAY (default: the current date) bounds the candidate years."""
    from .nlp import parse
    return _evidence(parse(text), published=published, url=url, today=today)[0]


def read_published(text: str, *, today: dt.date | None = None) -> DateMention | None:
    """The page's date stamp ("Rabu, 9 Juli 2025 | 14:20 WIB"), else the story's dateline
    ("KUDUS, 17 Januari 2018 -"), as a resolved date; None when the text states neither."""
    meant = find_dates(text, today=today)
    for role in STAMP_ROLES:
        for d in meant:
            if d.written.role == role:
                return d
    return None


# --------------------------------------------------------------------------- choosing

def _a_day(d: DateMention) -> bool:
    """A date that can be a signing's: day and month known, not marked as still to come, not the
    page stamp (which mentions a row reads is the row's cue)."""
    return d.precision == "day" and d.written.role != "stamp" and d.written.direction != "future"


def _undated_day(d: DateMention) -> bool:
    """A weekday or a relative day ("kemarin") that no publication date anchors."""
    w = d.written
    return d.value is None and w.role is None and (w.weekday_only or (w.relative is not None and w.relative[0] == "days"))


def says_no_day(d: DateMention) -> bool:
    """A vague time, or a day marked as still to come: the signing's day is not given."""
    return d.written.vague or (d.written.day is not None and d.written.direction == "future")


def _weekday_of(d: DateMention) -> int | None:
    if d.value and d.precision == "day":
        return dt.date.fromisoformat(d.value).isoweekday()
    return d.written.weekday


def _read(ctx: Context, meant: list[DateMention], sentence_ids: list[int]) -> list[tuple[str, bool, list[list[DateMention]]]]:
    """For each row of date.yml in order: its id, whether it reads the signing's own sentences,
    and the dates it reads, sentence by sentence."""
    by_offsets = {(d.start, d.end): d for d in meant}
    one_day = sum(1 for d in meant if d.precision == "day" and d.written.role != "stamp") == 1
    fills = fill(ctx.doc, [ctx.sents[i].span for i in sentence_ids], DATE_RULES, facts=["one_day"] if one_day else [])
    out = []
    for rule in rules(DATE_RULES):
        groups: list[list[DateMention]] = []
        last = None
        for f in fills:
            if f.rule != rule.id:
                continue
            sentence = f.cue.sent.start
            if sentence != last:
                groups.append([])
                last = sentence
            written = f.cue._.date
            groups[-1].append(by_offsets[written.start, written.end])
        out.append((rule.id, rule.sentences is None, groups))
    return out


def pick(ctx: Context, meant: list[DateMention], sentence_ids: list[int]) -> tuple[DateMention | None, str | None]:
    """The date of the signing reported in SENTENCE_IDS and the id of the row that chose it.

    A weekday the signing sentences name alone ("diteken Senin") rules out a date found
    elsewhere that falls on another day of the week."""
    rows = _read(ctx, meant, sentence_ids)
    fallback = None  # a weekday or "kemarin" in a signing sentence, undatable without a publication date

    def agrees(d: DateMention) -> bool:
        if fallback is None or fallback.written.weekday is None or _weekday_of(d) is None:
            return True
        return _weekday_of(d) == fallback.written.weekday

    for rule_id, own, groups in rows:
        for here in groups:
            day = next((d for d in here if _a_day(d) and agrees(d)), None)
            if day is not None:
                return day, rule_id
            if own:
                stop = next((d for d in here if says_no_day(d)), None)
                if stop is not None:
                    return stop, rule_id
                if fallback is None:
                    fallback = next((d for d in here if _undated_day(d)), None)
    return fallback, (rows[0][0] if fallback is not None else None)


def normalised(d: DateMention, warnings: list[str]) -> str | None:
    """The ISO value of a signing date: dateparser's reading of the span when day, month and
    year are all written; the grammar's own value otherwise (a year it inferred, a weekday-only
    date). Should the two ever disagree, the grammar's value stands and a warning says so."""
    if d.value is None or d.precision != "day" or d.year_inferred or d.relative:
        return d.value
    parsed = dateparser_value(d.text)
    if parsed is not None and parsed != d.value:
        warnings.append(f"date {d.text!r}: dateparser reads {parsed}, the grammar {d.value}; kept {d.value}")
    return d.value


def as_record(d: DateMention | None, value: str | None = None) -> dict | None:
    if d is None:
        return None
    if says_no_day(d):
        return {"value": None, "text": d.text, "precision": None, "year_inferred": False,
                "weekday_conflict": False, "span": [d.start, d.end], "candidates": []}
    return {"value": value if value is not None else d.value, "text": d.text, "precision": d.precision,
            "year_inferred": d.year_inferred, "weekday_conflict": d.weekday_conflict,
            "span": [d.start, d.end], "candidates": list(d.candidates)}


def _warnings(d: DateMention) -> list[str]:
    out = []
    if d.weekday_conflict:
        out.append(f"weekday conflict: {d.text!r} is not a {d.weekday} ({d.value})")
    if d.value is None and d.precision == "day" and not says_no_day(d):
        open_dates = ", ".join(d.candidates) if d.candidates else "none within the years searched"
        out.append(f"date {d.text!r}: no year in the text or the input (publication date, URL, "
                   f"other dated events, office holders); value left empty; candidates: {open_dates}")
    return out


def run(ctx: Context) -> None:
    meant, ev = _evidence(ctx.doc, published=ctx.article.get("published"), url=ctx.article.get("url"))
    if ev.published is not None and ev.published_from != "input" and not ctx.article.get("published"):
        ctx.found_article["published"] = ev.published.isoformat()
    ctx.dates = meant
    for event in ctx.events:
        d, rule = pick(ctx, meant, event.sentences)
        event.date = as_record(d, normalised(d, ctx.warnings) if d is not None else None)
        if d is None:
            continue
        event.explain("date", rule, (d.start, d.end))
        if event.date["value"] and d.year_inferred:
            event.explain("date", "date.year_from." + d.year_from.replace(" ", "_"), d.year_span)
        ctx.warnings.extend(w for w in _warnings(d) if w not in ctx.warnings)
