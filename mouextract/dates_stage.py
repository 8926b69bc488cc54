"""Stage 2: the signing date of each reported signing.

The date is the one tied to the signing: first a date in a sentence that reports it, then one
in the sentence just before or after it, then one in a sentence about the occasion nearby (a date never comes from reported speech there: "Dalam
keterangan pers, Jumat (13/5/2022), X menyebut ..." dates the statement), then one in any
sentence naming the instrument. The publication stamp is never the signing date.
"""
from __future__ import annotations

import datetime as dt

from .context import Context, Sentence
from .dates import DateMention, dateparser_value, find_dates, find_published


# How far (in sentences) from a signing sentence a sentence about the occasion ("Acara digelar
# di ..., Selasa (13/2/25)") may give the date: the dev articles need 2; 3 leaves a margin.
EVENT_WINDOW = 3


def _published(ctx: Context) -> DateMention | None:
    return find_published(ctx.text)


def _as_date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _in(sent: Sentence, m: DateMention) -> bool:
    return sent.start <= m.start < sent.end


def _candidates(ctx: Context, sentence_ids: list[int]):
    signing = [ctx.sents[i] for i in sentence_ids]
    yield from signing
    for i in sentence_ids:
        for j in (i - 1, i + 1):
            if 0 <= j < len(ctx.sents) and j not in sentence_ids and not ctx.rules("SPEECH", ctx.sents[j]):
                yield ctx.sents[j]
    for i in sentence_ids:
        for j in range(max(0, i - EVENT_WINDOW), min(len(ctx.sents), i + EVENT_WINDOW + 1)):
            if ctx.rules("EVENT", ctx.sents[j]) and not ctx.rules("SPEECH", ctx.sents[j]):
                yield ctx.sents[j]
    for s in ctx.sents:
        if (ctx.rules("AGREEMENT", s) or ctx.rules("AGREEMENT_WEAK", s)) and not ctx.rules("SPEECH", s):
            yield s


def pick(ctx: Context, mentions: list[DateMention], sentence_ids: list[int], stamp) -> DateMention | None:
    weekday_only = None
    for sent in _candidates(ctx, sentence_ids):
        for m in mentions:
            if not _in(sent, m) or (stamp is not None and m.start == stamp.start):
                continue
            if m.value and m.precision == "day":
                return m
            if m.value is None and weekday_only is None and sent.i in sentence_ids:
                weekday_only = m
    return weekday_only


def normalised(m: DateMention, warnings: list[str]) -> str | None:
    """The ISO value of a signing date: dateparser's reading of the span when day, month and
    year are all written; the grammar's own value otherwise (a year it inferred, a weekday-only
    date). Should the two ever disagree, the grammar's value stands and a warning says so."""
    if m.value is None or m.precision != "day" or m.year_inferred or m.relative:
        return m.value
    parsed = dateparser_value(m.text)
    if parsed is not None and parsed != m.value:
        warnings.append(f"date {m.text!r}: dateparser reads {parsed}, the grammar {m.value}; kept {m.value}")
    return m.value if parsed is None else (m.value if parsed != m.value else parsed)


def as_record(m: DateMention | None, value: str | None = None) -> dict | None:
    if m is None:
        return None
    return {"value": value if value is not None else m.value, "text": m.text, "precision": m.precision,
            "year_inferred": m.year_inferred, "weekday_conflict": m.weekday_conflict,
            "span": [m.start, m.end]}


def run(ctx: Context) -> None:
    stamp = _published(ctx)
    published = _as_date(ctx.article.get("published")) or (_as_date(stamp.value) if stamp else None)
    if stamp is not None and not ctx.article.get("published"):
        ctx.found_article["published"] = stamp.value
    if not ctx.events:
        return
    mentions = find_dates(ctx.text, published=published)
    ctx.dates = mentions
    for ev in ctx.events:
        m = pick(ctx, mentions, ev.sentences, stamp)
        ev.date = as_record(m, normalised(m, ctx.warnings) if m is not None else None)
        if m is not None and m.weekday_conflict:
            ctx.warnings.append(f"weekday conflict: {m.text!r} is not a {m.weekday} ({m.value})")
