"""Stage 2: the signing date of each reported signing.

Reads the dates the reading component marked (`doc.spans["dates"]`) and the office terms
(`doc.spans["office_terms"]`), resolves their years from the evidence (date_years.py), and
picks, for each signing, the date tied to it by the tiers in patterns/calendar.yml
(`signing_date`): first a date in a sentence that reports the signing, then one beside it,
one about the occasion nearby, one in a sentence naming the instrument, one in the attribution
of a statement nearby, then the dateline. The page stamp is never the signing date.

`find_dates(text, ...)` and `read_published(text)` give the same reading for a bare text.
"""
from __future__ import annotations

import datetime as dt

from .context import Context, Sentence
from .date_years import DateMention, Evidence, gather, resolve
from .dates import STAMP_ROLES, dateparser_value
from .patterns import load
from .reading import dates as reading_dates
from .reading import office_terms

def _choice_rules() -> dict:
    return load("calendar.yml")["signing_date"]


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
    """The page's date stamp ("Rabu, 2 Juli 2025 | 10:05 WIB"), else the story's dateline
    ("KUDUS, 17 Januari 2018 -"), as a resolved date; None when the text states neither."""
    meant = find_dates(text, today=today)
    for role in STAMP_ROLES:
        for d in meant:
            if d.written.role == role:
                return d
    return None


# --------------------------------------------------------------------------- choosing

def _in(sent: Sentence, d: DateMention) -> bool:
    return sent.start <= d.start < sent.end


def _labelled(ctx: Context, sent: Sentence, tier: dict) -> bool:
    labels, not_labels = tier.get("labels"), tier.get("not_labels") or ()
    if labels and not any(ctx.rules(label, sent) for label in labels):
        return False
    return not any(ctx.rules(label, sent) for label in not_labels)


def _sentences(ctx: Context, where: str, sentence_ids: list[int], window: int):
    if where == "signing":
        yield from (ctx.sents[i] for i in sentence_ids)
    elif where == "adjacent":
        for i in sentence_ids:
            for j in (i - 1, i + 1):
                if 0 <= j < len(ctx.sents) and j not in sentence_ids:
                    yield ctx.sents[j]
    elif where == "window":
        for i in sentence_ids:
            for j in range(max(0, i - window), min(len(ctx.sents), i + window + 1)):
                if j not in sentence_ids:
                    yield ctx.sents[j]
    elif where == "anywhere":
        yield from ctx.sents
    elif where != "dateline":
        raise ValueError(f"calendar.yml signing_date: unknown 'where' {where!r}")


def _a_day(d: DateMention) -> bool:
    """A date that can be a signing's: day and month known, not marked as still to come."""
    return d.precision == "day" and d.written.role is None and d.written.direction != "future"


def _undated_day(d: DateMention) -> bool:
    """A weekday or a relative day ("kemarin") that no publication date anchors."""
    w = d.written
    return d.value is None and w.role is None and (w.weekday_only or (w.relative is not None and w.relative[0] == "days"))


def says_no_day(d: DateMention) -> bool:
    """A vague time, or a day marked as still to come: the signing's day is not given."""
    return d.written.vague or (d.written.day is not None and d.written.direction == "future")


def _signing_says(ctx: Context, sentence_ids: list[int], words) -> bool:
    if not words:
        return False
    wanted = {w.lower() for w in words}
    return any(tok.lower_ in wanted for i in sentence_ids for tok in ctx.sents[i].span)


def _weekday_of(d: DateMention) -> int | None:
    if d.value and d.precision == "day":
        return dt.date.fromisoformat(d.value).isoweekday()
    return d.written.weekday


def pick(ctx: Context, meant: list[DateMention], sentence_ids: list[int]) -> tuple[DateMention | None, str | None]:
    """The date of the signing reported in SENTENCE_IDS and the id of the tier that chose it.

    A weekday the signing sentences name alone ("diteken Senin") rules out a date found
    elsewhere that falls on another day of the week."""
    rules = _choice_rules()
    fallback = None  # a weekday or "kemarin" in a signing sentence, undatable without a publication date

    def agrees(d: DateMention) -> bool:
        if fallback is None or fallback.written.weekday is None or _weekday_of(d) is None:
            return True
        return _weekday_of(d) == fallback.written.weekday

    for tier in rules["tiers"]:
        if tier["where"] == "dateline":
            line = next((d for d in meant if d.written.role == "dateline" and d.precision == "day"), None)
            if line is not None and agrees(line):
                return line, tier["id"]
            continue
        if _signing_says(ctx, sentence_ids, tier.get("not_if_signing_says")):
            continue
        if tier.get("only_date") and sum(1 for d in meant if d.precision == "day" and d.written.role != "stamp") != 1:
            continue
        for sent in _sentences(ctx, tier["where"], sentence_ids, rules["window"]):
            if not _labelled(ctx, sent, tier):
                continue
            here = [d for d in meant if _in(sent, d)]
            day = next((d for d in here if _a_day(d) and agrees(d)), None)
            if day is not None:
                return day, tier["id"]
            if tier["where"] == "signing":
                stop = next((d for d in here if says_no_day(d)), None)
                if stop is not None:
                    return stop, tier["id"]
                if fallback is None:
                    fallback = next((d for d in here if _undated_day(d)), None)
    return fallback, (rules["tiers"][0]["id"] if fallback is not None else None)


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
