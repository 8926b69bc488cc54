"""Stage 6: the scope — what the agreement covers, as the article lists it.

The constructions that state it are the rows of patterns/slots/scope.yml (a cue such as
"meliputi", "tentang", "di bidang", "tujuannya adalah", the anchor it must follow, where its
window stops), applied by the slot engine; the list in a window is read by the engine's `list`
and `subject` readers (mouextract/lists.py). This stage chooses which sentences are read — not
the headline, a caption or another title line, nor a sentence about an agreement only
mentioned —, merges items that say the same, and gives each record its scope.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from .context import Context
from .slots import fill, tokens

SCOPE_RULES = "scope.yml"
_FINAL = {".", "!", "?", "”", '"', "’"}
TITLE_WORDS = 16          # a title line has at most this many longer words ...
TITLE_CAPITALS = 0.6      # ... and at least this share of them capitalised


@dataclass(frozen=True)
class Item:
    text: str
    span: tuple[int, int]
    rule: str


def _title_like(text: list[str]) -> bool:
    """A headline or caption: short, no closing mark, and most longer words capitalised."""
    words = [t for t in text if t[:1].isalpha() and len(t) > 3]
    last = next((t for t in reversed(text) if not t.isspace()), "")
    if not words or len(words) > TITLE_WORDS or last in _FINAL or last in {",", ";", ":"}:
        return False
    return sum(w[:1].isupper() for w in words) >= TITLE_CAPITALS * len(words)


def readable(ctx: Context) -> list[Span]:
    """The sentences whose scope cues are read: not the headline, not a title line, not one
    about an agreement only mentioned."""
    tk = tokens(ctx.doc, ctx.text)
    mentioned = {s.i for s in (ctx.sentence_of(m.span[0]) for m in ctx.mentioned if m.span) if s}
    return [s.span for s in ctx.sents if s.i != ctx.headline and s.i not in mentioned
            and not _title_like(tk.text[s.span.start:s.span.end])]


def _add(found: list[Item], item: Item) -> None:
    """Add ITEM unless an item found already says the same; a longer wording of the same item
    ("peningkatan sumber daya" / "... dalam rangka pembangunan daerah") replaces it."""
    words = set(item.text.lower().split())
    for k, other in enumerate(found):
        ow = set(other.text.lower().split())
        if len(words & ow) / len(words | ow) >= 0.8 or (len(words) >= 2 and words <= ow):
            return
        if len(ow) >= 2 and ow < words:
            found[k] = item
            return
    found.append(item)


def find_scope(ctx: Context) -> list[Item]:
    found: list[Item] = []
    for f in fill(ctx.doc, readable(ctx), SCOPE_RULES):
        for a, b in f.items:
            _add(found, Item(ctx.text[a:b], (a, b), f.rule))
    return found


def run(ctx: Context) -> None:
    if not ctx.events:
        return
    items = find_scope(ctx)
    for ev in ctx.events:
        # with several records, a record's own sentences may give its subject ("1. Nota
        # Kesepahaman tentang X, yang ditandatangani ..."); otherwise the article's scope is theirs
        own = [x for x in items if any(ctx.sents[i].start <= x.span[0] < ctx.sents[i].end for i in ev.sentences[:1])]
        chosen = own if own and len(ctx.events) > 1 else items
        ev.scope = [{"text": x.text, "span": list(x.span)} for x in chosen]
        for x in chosen:
            ev.explain("scope", x.rule, x.span)
