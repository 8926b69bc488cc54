"""Stage 3: where each signing took place (venue, and the city on the official map).

The finding itself is places.find_place; this stage gives it the signing sentences as anchors
and the article's dateline, which it uses only as a last resort.
"""
from __future__ import annotations

import re

from .context import Context
from .gazetteer import lookup
from .places import find_place

# A dateline opens the body: "SLEMAN, Kabarjogja.id –", "Maros (Antara Sulsel) -",
# "Kupang || Media". It stands in one of the first lines after the headline.
DATELINE_LINES = 4
_NOT_PLACES = {"senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "oleh", "foto", "baca", "penulis",
               "editor", "reporter", "pewarta"}
_DATELINE_HEAD = re.compile(r"^\s*([A-Z][\w .,()]{1,60}?)\s*(?:–|—|\s-\s|:|\|\|)")
_DATELINE_PARTS = re.compile(r"\s*[,(]\s*")


def dateline(text: str) -> tuple[str | None, str | None]:
    """(place, outlet) of the line a story opens with: "SLEMAN, Kabarjogja.id –", "Maros
    (Antara Sulsel) -", "BTM.CO.ID, BATAM –". The place is written in capitals or known to the
    gazetteer; the outlet is a web address or the name in brackets. A byline's weekday ("Rabu,
    15 Maret 2023") is no place."""
    lines = [line for line in text.splitlines() if line.strip()]
    for line in lines[1:DATELINE_LINES]:
        head = _DATELINE_HEAD.match(line)
        if not head:
            continue
        place = outlet = None
        for part in _DATELINE_PARTS.split(head.group(1)):
            part = part.strip(" ()")
            if not part or part.lower() in _NOT_PLACES:
                continue
            if "." in part or (outlet is None and place is not None):
                outlet = outlet or part
            elif place is None and (part.isupper() or lookup(part) is not None):
                place = part
        if place:
            return place, outlet
    return None, None


def run(ctx: Context) -> None:
    where, outlet = dateline(ctx.text)
    if where:
        ctx.found_article["dateline"] = where
    if outlet:
        ctx.found_article["outlet"] = outlet
    for ev in ctx.events:
        anchors = [(ctx.sents[i].start, ctx.sents[i].end) for i in ev.sentences]
        ev.place = find_place(ctx.text, anchors, dateline=where)
