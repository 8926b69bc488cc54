"""The extraction stages and their order, declared once.

Each stage is a function `stage(ctx) -> None` over the shared `Context` (the parsed article and
what earlier stages found). `STAGES` is the order; `run` refuses unknown names.
"""
from __future__ import annotations

import time
from collections import defaultdict
from functools import partial

from . import assemble, dates_stage, parties, people_stage, places_stage, scope, triggers
from .context import Context
from .nlp import DEFERRED_SECONDS, parse_deferred, read_deferred

STAGES: tuple[tuple[str, callable], ...] = (
    ("triggers", triggers.run),
    ("dates", dates_stage.run),
    ("places", places_stage.run),
    ("people", people_stage.run),
    ("parties", parties.run),
    ("scope", scope.run),
    ("assemble", assemble.run),
)
STAGE_NAMES = tuple(name for name, _ in STAGES)

# Seconds spent per stage in this process, for the benchmark's time split.
TIMINGS: dict[str, float] = defaultdict(float)


def run(text: str, article: dict, *, fast: bool = False, stages: tuple[str, ...] = STAGE_NAMES, doc=None) -> dict:
    """The stages over TEXT. DOC: TEXT parsed, or, when the first pass found no cue in TEXT
    (firstpass.py), its head parsed by the few components the article-level facts come from:
    the stages then find no event and read only those facts."""
    ctx = context(text, article, fast=fast, stages=stages, doc=doc)
    result = ctx.result()   # plain records: nothing in them refers to the Doc
    if doc is None:
        # The Doc made here is no one else's. Its indexes in doc.user_data (token lists, the
        # slot rules' index, the readers' values) refer to the Doc in turn, a cycle that only
        # the garbage collector frees, after carrying it through its younger generations and
        # walking it at each pass; emptied now, they are freed at once.
        ctx.doc.user_data.clear()
    return result


def context(text: str, article: dict, *, fast: bool = False, stages: tuple[str, ...] = STAGE_NAMES, doc=None) -> Context:
    """`run`, giving the Context the stages leave (what they read, not only what they found)."""
    unknown = [s for s in stages if s not in STAGE_NAMES]
    if unknown:
        raise ValueError(f"unknown stage(s) {unknown}; known: {list(STAGE_NAMES)}")
    t0 = time.perf_counter()
    ctx = Context(text=text, doc=parse_deferred(text) if doc is None else doc, article=article, fast=fast)
    ctx.read = partial(read_deferred, ctx.doc)   # not a closure over ctx: no cycle through it
    TIMINGS["tokenise"] += time.perf_counter() - t0
    for name, stage in STAGES:
        if name in stages:
            t0, read0 = time.perf_counter(), DEFERRED_SECONDS[0]
            stage(ctx)
            reading = DEFERRED_SECONDS[0] - read0   # readers a stage asked for count as reading
            TIMINGS["tokenise"] += reading
            TIMINGS[name] += time.perf_counter() - t0 - reading
    return ctx

