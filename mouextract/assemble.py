"""Last stage: one plain record per reported signing, in the output field order.

Hub and spoke: when one institution signs "dengan" several others at one ceremony ("Ombudsman
X menandatangani nota kesepakatan dengan Kabupaten A, Kabupaten B dan Kabupaten C"), each pair
signed its own document, so each pair is its own record; an article that speaks of one joint
document ("diteken 5 pihak", "kerja sama tiga pihak", "bersama-sama") keeps one record.
"""
from __future__ import annotations

import dataclasses
import re

from .context import Context, Event
from .records import Agreement

_JOINT = re.compile(r"(?i)\b(?:\d+|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|ketiga|keempat|kelima|para|multi)\s*pihak\b"
                    r"|\bbersama-sama\b|\bsecara\s+bersama\b")
_CONNECTIVES = {"dengan", "bersama"}

# Confidence is a rough, documented score, not a probability: each field the text gives and the
# rules found adds to it. Calibrated by eye on the dev corpus; a record with a signing verb and
# an instrument but nothing else scores 0.3.
BASE_CONFIDENCE = 0.3
FIELD_WEIGHTS = {"date": 0.15, "place": 0.1, "parties": 0.2, "signatories": 0.15, "scope": 0.1}


def _confidence(ev: Event) -> float:
    score = BASE_CONFIDENCE + sum(w for f, w in FIELD_WEIGHTS.items() if getattr(ev, f))
    return round(min(score, 1.0), 2)


def record(ctx: Context, ev: Event) -> Agreement:
    return Agreement.from_dict({
        "type": ev.type,
        "type_text": ev.type_text,
        "type_span": ev.type_span,
        "date": ev.date,
        "place": ev.place,
        "parties": ev.parties,
        "signatories": ev.signatories,
        "witnesses": ev.witnesses,
        "scope": ev.scope,
        "evidence": [ctx.sents[i].text.strip() for i in ev.sentences],
        "confidence": _confidence(ev),
        "why": {name: [p.to_dict() for p in found] for name, found in ev.why.items()},
    })


def _key_sentence(ctx: Context, ev: Event):
    """The first sentence of the event in which a signing word is followed by "dengan"/"bersama"."""
    for i in ev.sentences:
        if i == ctx.headline:
            continue
        sent = ctx.sents[i]
        signs = ctx.rules("SIGN", sent)
        if not signs:
            continue
        for tok in ctx.doc[signs[0].end:sent.span.end]:
            if tok.lower_ in _CONNECTIVES:
                return sent, tok.idx
    return None


def hub_and_spokes(ctx: Context, ev: Event) -> list[Event]:
    if len(ev.parties) < 3 or any(_JOINT.search(ctx.sents[i].text) for i in ev.sentences):
        return [ev]
    found = _key_sentence(ctx, ev)
    if found is None:
        return [ev]
    sent, pivot = found
    anchors = ev.party_anchors or [None] * len(ev.parties)
    before = [k for k, a in enumerate(anchors) if a is not None and sent.start <= a < pivot]
    after = [k for k, a in enumerate(anchors) if a is not None and pivot < a < sent.end]
    if len(before) == 1 and len(after) >= 2:
        hub = before[0]
    elif len(after) == 1 and len(before) >= 2:
        hub = after[0]
    else:
        return [ev]
    out = []
    for spoke in (k for k in range(len(ev.parties)) if k != hub):
        renumber = {hub: 0, spoke: 1}
        signers = [dict(s, party=renumber.get(s.get("party"))) for s in ev.signatories
                   if s.get("party") in renumber or s.get("party") is None]
        out.append(dataclasses.replace(ev, parties=[ev.parties[hub], ev.parties[spoke]], signatories=signers,
                                       party_anchors=[anchors[hub], anchors[spoke]]))
    return out


def run(ctx: Context) -> None:
    events = [split for ev in ctx.events for split in hub_and_spokes(ctx, ev)]
    ctx.agreements = [record(ctx, ev) for ev in events]
