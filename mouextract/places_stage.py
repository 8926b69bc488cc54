"""Stage 3: where each signing took place (venue, and the city on the official map).

The finding itself is places.locate; this stage gives it the signing sentences as anchors, the
article's dateline (read here, once, from the Doc's opening lines) and a test for sentences
about another occasion (a past or planned event, or a date other than the signing's).
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from . import gazetteer
from .context import Context, Event
from .dates_stage import says_no_day
from .nlp import parse, token_texts
from .patterns import load as load_data
from .places import Dateline, locate

# A dateline opens the body: "SLEMAN, Kabarjogja.id –", "Bantaeng (Antara Sulsel) -",
# "Kupang || Media", "MAKASSAR-Politeknik ...". It stands in one of the first lines after the
# headline, before the first line of prose.
DATELINE_LINES = 8
DATELINE_HEAD_TOKENS = 14
PROSE_LINE_TOKENS = 25
DATELINE_TAIL_TOKENS = 8    # "Kendal || Warta Kendal.Com": an outlet after the separator
SEPARATORS = frozenset({"–", "—", "-", "--", ":", "|", "||"})  # not-linguistic: punctuation
OTHER_OCCASION_LABELS = ("PAST", "PLANNED")   # rule labels (patterns/signing.yml)


@lru_cache(maxsize=1)
def _not_places() -> frozenset[str]:
    calendar = load_data("calendar.yml")
    words = [str(w) for w in load_data("venues.yml")["dateline"]["not_places"]]
    words += [w for spellings in calendar["weekdays"].values() for w in spellings]
    words += [w for spellings in calendar["months"].values() for w in spellings]
    return frozenset(w.lower() for w in words)


class _Line(Sequence):
    """A line's tokens (whitespace left out), each Token built when read: the dateline reader
    reads a line's first few tokens and its length, and most lines are whole paragraphs."""

    def __init__(self, doc: Doc, indexes: list[int]):
        self.doc, self.indexes = doc, indexes

    def __len__(self) -> int:
        return len(self.indexes)

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self.doc[i] for i in self.indexes[k]]
        return self.doc[self.indexes[k]]


def _lines(doc: Doc, most: int, start: int = 0) -> list[_Line]:
    """The first `most` non-empty lines of the Doc from token `start` on, as tokens."""
    texts = token_texts(doc)
    lines: list[list[int]] = [[]]
    for i in range(start, len(texts)):
        text = texts[i]
        if text.isspace():   # spaCy's is_space
            if "\n" in text and lines[-1]:
                if len(lines) == most:
                    break
                lines.append([])
            continue
        lines[-1].append(i)
    return [_Line(doc, line) for line in lines if line]


def _parts(head: list[Token]) -> list[tuple[str, bool]]:
    """The comma- and bracket-separated parts of a dateline head: (text, in brackets)."""
    parts: list[tuple[str, bool]] = []
    current: list[Token] = []
    bracket = False
    for tok in head + [None]:  # type: ignore[list-item]
        if tok is None or tok.text in {",", "(", ")"}:
            if current:
                text = current[0].doc[current[0].i:current[-1].i + 1].text
                # a comma the tokenizer left inside a word ("Gianyar,12/3") parts it too
                parts += [(piece.strip(), bracket) for piece in text.split(",") if piece.strip()]
            current = []
            if tok is not None and tok.text in "()":
                bracket = tok.text == "("
            continue
        current.append(tok)
    return parts


def _cut(line: list[Token]) -> int | None:
    """Where the dateline head ends: the first separator with a space beside it ("BLORA,
    KABAR-BLORA.CO.ID –": the hyphen inside the outlet's name joins words), else the first
    one ("MAKASSAR-Politeknik")."""
    head = line[:DATELINE_HEAD_TOKENS]
    found = [k for k, t in enumerate(head) if t.text in SEPARATORS]
    spaced = [k for k in found if head[k].whitespace_ or (k and head[k - 1].whitespace_)]
    return (spaced or found or [None])[0]


def _web_address(text: str) -> bool:
    """"Kabar.com", "WRT.CO.ID", "Warta Kendal.Com": a name with a dot inside a word."""
    return any("." in w.strip(".") for w in text.split())


def _read_head(line: list[Token]) -> tuple[str | None, str | None] | None:
    """(place, outlet) of a line shaped like a dateline, or None.

    The outlet is written as a web address or in brackets; the place is the part the gazetteer
    knows (a region, a district, a town abroad), else one in capitals, else the one name left
    beside an outlet so written ("Meulaboh (ANTARA) –")."""
    cut = _cut(line)
    if not cut:
        return None
    outlet = None
    names: list[str] = []
    for text, in_brackets in _parts(line[:cut]):
        low = text.lower()
        if low in _not_places() or low.split(" ", 1)[0] in _not_places():   # "FOTO BERSAMA: ...", a caption's label
            if not names and outlet is None:
                return None   # "Baca juga:", "Foto:"
            continue
        first, _, rest = text.partition(" ")
        if rest and _web_address(first) and rest[:1].isupper():
            text, outlet = rest, outlet or first    # "kabarbaru.id Purwokerto"
        if not any(ch.isalpha() for ch in text) or text[:1].isdigit():
            if any(w[:1].islower() and w.lower() not in _not_places() for w in text.split()):
                return None   # "2 Oktober 2023 bertempat di ...": prose
            continue   # a date or a time ("Jakarta, 12 Maret 2024 –")
        if not text[:1].isupper():
            if not _web_address(text):
                return None   # a lower-case word: prose, not a dateline
            outlet = outlet or text
            continue
        if in_brackets or _web_address(text):
            outlet = outlet or text
        else:
            names.append(text)
    place = next((n for n in names if _known(n)), None) or next((n for n in names if n.isupper()), None)
    if place is None and outlet is not None and len(names) == 1:
        place = names[0]
    if outlet is None:
        outlet = next((n for n in names if n != place), None)
    if outlet is None and place is not None:
        outlet = _after_separator(line, cut)
    return (place, outlet) if place or outlet else None


def _after_separator(line: list[Token], cut: int) -> str | None:
    """The outlet written after the place's separator: up to a separator of another kind
    ("Purwokerto | Kabar Banyumas – ..."), or as the line's end when it is a web address ("Kendal || Warta
    Kendal.Com")."""
    rest = line[cut + 1:cut + 2 + DATELINE_TAIL_TOKENS]
    # a mark of another kind ("|" then "–"): a dash repeated is an aside ("JAKARTA – Menteri X – ...")
    second = next((k for k, t in enumerate(rest) if t.text in SEPARATORS and t.text != line[cut].text), None)
    if second is not None:
        rest = rest[:second]
    elif len(line) - cut - 1 > DATELINE_TAIL_TOKENS:
        return None
    if not rest:
        return None
    text = rest[0].doc[rest[0].i:rest[-1].i + 1].text
    if not all(w[:1].isupper() for w in text.split()):
        return None
    return text if second is not None or _web_address(text) else None


def _known(text: str) -> bool:
    return (gazetteer.lookup(text) is not None or gazetteer.is_foreign_city(text)
            or gazetteer.lookup_district(text) is not None)


def _resolve(text: str, outlet: str | None) -> Dateline:
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
    return Dateline(text, None, beside_outlet=outlet is not None)


def dateline(text: str | Doc) -> tuple[str | None, str | None]:
    """(place, outlet) of the line a story opens with (see `read_dateline`)."""
    return read_dateline(text if isinstance(text, Doc) else parse(text))[:2]


def read_dateline(doc: Doc, headline: Span | None = None) -> tuple[str | None, str | None, Dateline | None]:
    """(place, outlet, resolved place) of the line a story opens with: "SLEMAN, Kabarjogja.id –",
    "Bantaeng (Antara Sulsel) -", "WRT.CO.ID, BATAM –", "Hanoi (ANTARA) –". The place is written
    in capitals or known to the gazetteer; the outlet is a web address or the name in brackets.
    A byline's weekday or month ("Rabu, 15 Maret 2023") is no place. The lines read are those
    after HEADLINE (the title line the article's context found), else after the first line."""
    return _dateline_reading(doc, headline)[0]


def dateline_read_within(doc: Doc, headline: Span | None = None) -> bool:
    """Whether `read_dateline` over DOC stops of itself (at a place, at a line of prose, or after
    all the lines it reads) rather than at DOC's end: then a Doc of a longer text whose first
    lines are DOC's (the first pass parses only an article's head) reads the same dateline."""
    return _dateline_reading(doc, headline)[1]


_READING_KEY = "mouextract.dateline"   # doc.user_data: (headline's end, _dateline_reading's answer)


def _dateline_reading(doc: Doc, headline: Span | None):
    """(read_dateline's answer, whether the reading stopped before DOC's end), read once a Doc."""
    key = headline.end if headline is not None else None
    kept = doc.user_data.get(_READING_KEY)
    if kept is None or kept[0] != key:
        kept = doc.user_data[_READING_KEY] = (key, _read_dateline(doc, headline))
    return kept[1]


def _read_dateline(doc: Doc, headline: Span | None):
    if headline is not None:
        most = DATELINE_LINES - 1
        body = _lines(doc, most, start=headline.end)
    else:
        most = DATELINE_LINES
        lines = _lines(doc, most)
        # a Doc of one line reads it; of more, the lines after the first
        body = lines[1:] if len(lines) > 1 else lines
        if len(lines) < 2:
            return _read_lines(body)[0], False   # a longer text's body would be its second line on
    found, stopped = _read_lines(body)
    return found, stopped or len(body) + (headline is None) == most


def _read_lines(body: list[_Line]) -> tuple[tuple[str | None, str | None, Dateline | None], bool]:
    """The dateline among BODY's lines, and whether the reading stopped before their end."""
    outlet = None   # an outlet named without a place ("WARTAKITA.COM –"), kept while a later line may date the story
    for line in body:
        found = _read_head(line)
        if found and found[0]:
            return (found[0], found[1] or outlet, _resolve(found[0], found[1])), True
        if found and outlet is None and _web_address(found[1]):
            outlet = found[1]
        if len(line) >= PROSE_LINE_TOKENS:
            return (None, outlet, None), True
    return (None, outlet, None), False


def _other_day(ctx: Context, ev: Event):
    """A sentence that gives a day other than the signing's and not the signing's own: any day,
    when the signing sentence leaves the signing's day open ("baru-baru ini", "25 September mendatang"). The page's stamp
    and the dateline's date ("JAMBI, 20 Februari 2025 – ...") date the report, not an occasion."""
    date = ev.date or {}
    value = date.get("value")
    day = value if value and len(str(value)) == 10 else None
    span = tuple(date.get("span") or ())
    open_day = any((m.start, m.end) == span and says_no_day(m) for m in ctx.dates)

    def test(sent: Span) -> bool:
        if span and sent.start_char <= span[0] < sent.end_char:
            return False   # it gives the signing's day too ("X, Senin, mengatakan ... diteken Kamis lalu")
        return bool(day or open_day) and any(sent.start_char <= m.start < sent.end_char and m.precision == "day"
                                             and m.value and m.value != day and m.written.role is None
                                             for m in ctx.dates)
    return test


def _other_occasion(ctx: Context, ev: Event):
    """A sentence about another occasion: a past or planned event, another day, or a signing the
    article only mentions ("... nota kesepahaman di tingkat pusat yang diteken di Jakarta pada
    Desember 2023")."""
    other_day = _other_day(ctx, ev)
    mentioned = [m.span for m in ctx.mentioned]

    def test(sent: Span) -> bool:
        return other_day(sent) or any(a <= sent.start_char < b for a, b in mentioned) \
            or any(sent.start <= sp.start < sent.end for label in OTHER_OCCASION_LABELS for sp in ctx.rules(label))
    return test


def run(ctx: Context) -> None:
    headline = ctx.sents[ctx.headline].span if ctx.headline is not None else None
    where, outlet, resolved = read_dateline(ctx.doc, headline)
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
