"""Last stage: one plain record per reported signing, in the output field order."""
from __future__ import annotations

from .context import Context, Event

# Confidence is a rough, documented score, not a probability: each field the text gives and the
# rules found adds to it. Calibrated by eye on the dev corpus; a record with a signing verb and
# an instrument but nothing else scores 0.3.
BASE_CONFIDENCE = 0.3
FIELD_WEIGHTS = {"date": 0.15, "place": 0.1, "parties": 0.2, "signatories": 0.15, "scope": 0.1}


def _confidence(ev: Event) -> float:
    score = BASE_CONFIDENCE + sum(w for f, w in FIELD_WEIGHTS.items() if getattr(ev, f))
    return round(min(score, 1.0), 2)


def record(ctx: Context, ev: Event) -> dict:
    return {
        "type": ev.type,
        "type_text": ev.type_text,
        "type_span": list(ev.type_span) if ev.type_span else None,
        "date": ev.date,
        "place": ev.place,
        "parties": ev.parties,
        "signatories": ev.signatories,
        "witnesses": ev.witnesses,
        "scope": ev.scope,
        "evidence": [ctx.sents[i].text.strip() for i in ev.sentences],
        "confidence": _confidence(ev),
    }


def run(ctx: Context) -> None:
    ctx.agreements = [record(ctx, ev) for ev in ctx.events]
