"""Stage 3: where each signing took place (venue, and the city on the official map).

The finding itself is places.locate; this stage gives it the signing sentences as anchors, the
article's dateline (read here, once, from the Doc's opening lines) and a test for sentences
about another occasion (a past or planned event, or a date other than the signing's).
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from . import gazetteer
from .context import Context, Event
from .dates_stage import says_no_day
from .nlp import parse
from .patterns import load as load_data
from .places import Dateline, locate

# A dateline opens the body: "SLEMAN, Kabarjogja.id –", "Maros (Antara Sulsel) -",
# "Kupang || Media", "MAKASSAR-Politeknik ...". It stands in one of the first lines after the
# headline, before the first line of prose.
DATELINE_LINES = 8
DATELINE_HEAD_TOKENS = 14
PROSE_LINE_TOKENS = 25
SEPARATORS = frozenset({"–", "—", "-", "--", ":", "|", "||"})  # not-linguistic: punctuation
OTHER_OCCASION_LABELS = ("PAST", "PLANNED")   # rule labels (patterns/signing.yml)


@lru_cache(maxsize=1)
def _not_places() -> frozenset[str]:
    calendar = load_data("calendar.yml")
    words = [str(w) for w in load_data("venues.yml")["dateline"]["not_places"]]
    words += [w for spellings in calendar["weekdays"].values() for w in spellings]
    words += [w for spellings in calendar["months"].values() for w in spellings]
    return frozenset(w.lower() for w in words)


def _lines(doc: Doc, most: int) -> list[list[Token]]:
    """The first `most` non-empty lines of the Doc, as tokens."""
    lines: list[list[Token]] = [[]]
    for tok in doc:
        if tok.is_space:
            if "\n" in tok.text and lines[-1]:
                if len(lines) == most:
                    break
                lines.append([])
            continue
        lines[-1].append(tok)
    return [line for line in lines if line]


def _parts(head: list[Token]) -> list[tuple[str, bool]]:
    """The comma- and bracket-separated parts of a dateline head: (text, in brackets)."""
    parts: list[tuple[str, bool]] = []
    current: list[Token] = []
    bracket = False
    for tok in head + [None]:  # type: ignore[list-item]
        if tok is None or tok.text in {",", "(", ")"}:
            if current:
                text = current[0].doc[current[0].i:current[-1].i + 1].text
                parts.append((text, bracket))
            current = []
            if tok is not None and tok.text in "()":
                bracket = tok.text == "("
            continue
        current.append(tok)
    return parts


def _read_head(line: list[Token]) -> tuple[str | None, str | None] | None:
    """(place, outlet) of a line shaped like a dateline, or None."""
    cut = next((k for k, t in enumerate(line[:DATELINE_HEAD_TOKENS]) if t.text in SEPARATORS), None)
    if not cut:
        return None
    place = outlet = None
    for text, in_brackets in _parts(line[:cut]):
        low = text.lower()
        if low in _not_places():
            if place is None and outlet is None:
                return None   # "Baca juga:", "Foto:"
            continue
        if not any(ch.isalpha() for ch in text) or not text[:1].isupper():
            if any(ch.isalpha() for ch in text) and "." not in text:
                return None   # a lower-case word: prose, not a dateline
            if "." in text and outlet is None:
                outlet = text
            continue
        if in_brackets or "." in text:
            outlet = outlet or text
        elif place is None and (_known(text) or text.isupper()):
            place = text
        elif outlet is None:
            outlet = text
    return (place, outlet) if place or outlet else None


def _known(text: str) -> bool:
    return gazetteer.lookup(text) is not None or gazetteer.is_foreign_city(text)


def _resolve(text: str) -> Dateline:
    """The dateline's place on the map: a region, the regency of a district ("KALIANDA"), a
    foreign city, or a town the gazetteer does not know (kept as written, without a code)."""
    region = gazetteer.lookup(text)
    if region is not None:
        return Dateline(text, region)
    if gazetteer.is_foreign_city(text):
        return Dateline(text, None, foreign=True)
    district = gazetteer.lookup_district(text)
    if district is not None:
        return Dateline(text, district)
    return Dateline(text, None)


def dateline(text: str | Doc) -> tuple[str | None, str | None]:
    """(place, outlet) of the line a story opens with (see `read_dateline`)."""
    return read_dateline(text if isinstance(text, Doc) else parse(text))[:2]


def read_dateline(doc: Doc) -> tuple[str | None, str | None, Dateline | None]:
    """(place, outlet, resolved place) of the line a story opens with: "SLEMAN, Kabarjogja.id –",
    "Maros (Antara Sulsel) -", "BTM.CO.ID, BATAM –", "Beijing (ANTARA) –". The place is written
    in capitals or known to the gazetteer; the outlet is a web address or the name in brackets.
    A byline's weekday or month ("Rabu, 15 Maret 2023") is no place."""
    lines = _lines(doc, DATELINE_LINES)
    for line in lines[1:DATELINE_LINES] if len(lines) > 1 else lines:
        found = _read_head(line)
        if found and found[0]:
            return found[0], found[1], _resolve(found[0])
        if len(line) >= PROSE_LINE_TOKENS:
            break
    return None, None, None


def _other_day(ctx: Context, ev: Event):
    """A sentence that gives a day other than the signing's: any day, when the signing sentence
    leaves the signing's day open ("baru-baru ini", "25 September mendatang")."""
    date = ev.date or {}
    value = date.get("value")
    day = value if value and len(str(value)) == 10 else None
    span = tuple(date.get("span") or ())
    open_day = any((m.start, m.end) == span and says_no_day(m) for m in ctx.dates)

    def test(sent: Span) -> bool:
        return bool(day or open_day) and any(sent.start_char <= m.start < sent.end_char and m.precision == "day"
                                             and m.value and m.value != day for m in ctx.dates)
    return test


def _other_occasion(ctx: Context, ev: Event):
    """A sentence about another occasion: a past or planned event, or another day."""
    other_day = _other_day(ctx, ev)

    def test(sent: Span) -> bool:
        return other_day(sent) or any(sent.start <= sp.start < sent.end
                                      for label in OTHER_OCCASION_LABELS for sp in ctx.rules(label))
    return test


def run(ctx: Context) -> None:
    where, outlet, resolved = read_dateline(ctx.doc)
    if where:
        ctx.found_article["dateline"] = where
    if outlet:
        ctx.found_article["outlet"] = outlet
    for ev in ctx.events:
        anchors = [ctx.sents[i].span for i in ev.sentences]
        found = locate(ctx.doc, anchors, dateline=resolved, other_occasion=_other_occasion(ctx, ev),
                       other_day=_other_day(ctx, ev))
        ev.place = found.place
        for field, rule, span in found.why:
            ev.explain(field, rule, span)
