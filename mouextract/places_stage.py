"""Stage 3: where each signing took place (venue, and the city on the official map).

The finding itself is places.find_place; this stage gives it the signing sentences as anchors
and the article's dateline, which it uses only as a last resort.
"""
from __future__ import annotations

import re

from .context import Context
from .places import find_place

# A dateline opens the body: "SLEMAN, Kabarjogja.id –", "Maros (Antara Sulsel) -",
# "Kupang || Media". It stands in one of the first lines after the headline.
DATELINE_LINES = 4
_DATELINE = re.compile(r"^\s*([A-Z][A-Za-z .]{2,30}?)\s*(?:\(|,|–|—|-\s|:|\|\|)")


def dateline(text: str) -> str | None:
    lines = [line for line in text.splitlines() if line.strip()]
    for line in lines[1:DATELINE_LINES]:
        m = _DATELINE.match(line)
        if m:
            return m.group(1).strip()
    return None


def run(ctx: Context) -> None:
    where = dateline(ctx.text)
    if where:
        ctx.found_article["dateline"] = where
    for ev in ctx.events:
        anchors = [(ctx.sents[i].start, ctx.sents[i].end) for i in ev.sentences]
        ev.place = find_place(ctx.text, anchors, dateline=where)
