"""Stage 6: the scope — what the agreement covers, as the article lists it.

The constructions that state it are the rows of patterns/slots/scope.yml (a cue such as
"meliputi", "tentang", "di bidang", "tujuannya adalah", the anchor it must follow, where its
window stops), applied by the slot engine; the list in a window is read by the engine's `list`
and `subject` readers (mouextract/lists.py). This stage chooses which sentences are read — not
the headline, a caption or another title line, nor a sentence about an agreement only
mentioned —, merges items that say the same, and gives each record its scope: a row of low
priority (an instrument named by its subject, "PKS pengelolaan sampah") gives a record its scope
only when no other row gives it any, and what a sentence lists after singling out one
counterpart ("Khusus dengan Kabupaten X, ...": the rows of patterns/slots/scope_for.yml) goes to
that counterpart's record only.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from spacy.tokens import Span

from . import assemble, institutions
from .context import Context, Event
from .lists import words as list_words
from .patterns import load
from .slots import fill, tokens

SCOPE_RULES = "scope.yml"
OWNER_RULES = "scope_for.yml"
_FINAL = {".", "!", "?", "”", '"', "’"}
TITLE_WORDS = 16          # a title line has at most this many longer words ...
TITLE_CAPITALS = 0.6      # ... and at least this share of them capitalised


@dataclass(frozen=True)
class Item:
    text: str
    span: tuple[int, int]
    rule: str
    fallback: bool = False          # from a row of negative priority
    owners: tuple[dict, ...] = ()   # the counterparts its sentence singles out (none: every record's)


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
    ("penguatan kapasitas aparatur" / "... dalam rangka pelayanan desa") replaces it."""
    words = set(item.text.lower().split())
    for k, other in enumerate(found):
        ow = set(other.text.lower().split())
        if len(words & ow) / len(words | ow) >= 0.8 or (len(words) >= 2 and words <= ow):
            return
        if len(ow) >= 2 and ow < words:
            found[k] = item
            return
    found.append(item)


def _owners(ctx: Context, sentences: list[Span]) -> list[tuple[int, int, tuple[dict, ...]]]:
    """(from char, to char, institutions): the counterparts a sentence singles out, and the
    stretch of it that follows them."""
    out = []
    for f in fill(ctx.doc, sentences, OWNER_RULES):
        if f.mentions:
            sent = f.mentions[-1].sent
            named = tuple(institutions.party(m.text, m.start_char, m.end_char) for m in f.mentions)
            out.append((f.mentions[-1].end_char, sent.end_char, named))
    return out


def _announced(ctx: Context, item: Item) -> list[Item] | None:
    """The items a count announces ("mengatur tiga hal", "beberapa hal") and the sentences after it give one by
    one, each opened by its ordinal ("Pertama, A. Kedua, B. Ketiga, C."; patterns/lists.yml
    `announced`): none when fewer than two sentences follow so (a count of things is no item
    itself); None when ITEM is no such count."""
    words = item.text.lower().split()
    announced = load("lists.yml")["announced"]
    if len(words) == 3 and words[2] in announced["qualifiers"]:
        words = words[:2]   # "tiga hal pokok"
    numbers, quantities = list_words().numbers, list_words().quantities   # the count words every list reading uses
    if len(words) != 2 or words[1] not in announced["nouns"] \
            or not (words[0] in numbers or words[0].isdigit() or words[0] in quantities):
        return None
    # "beberapa hal": as many as the sentences after it give
    n = numbers.get(words[0]) or (int(words[0]) if words[0].isdigit() else len(announced["ordinals"]))
    sent = ctx.sentence_of(item.span[0])
    out: list[Item] = []
    for k, ordinal in enumerate(announced["ordinals"][:n]):
        i = sent.i + 1 + k
        if i >= len(ctx.sents):
            break
        s = ctx.sents[i]
        text = ctx.text[s.start:s.end]
        opening = text.lstrip()
        if not (opening.lower().startswith(ordinal) and opening[len(ordinal):len(ordinal) + 1] == ","):
            break
        a = s.start + (len(text) - len(opening)) + len(ordinal) + 1
        b = s.start + len(text.rstrip().rstrip("."))
        while a < b and ctx.text[a].isspace():
            a += 1
        out.append(Item(ctx.text[a:b], (a, b), item.rule, item.fallback, item.owners))
    return out if len(out) >= 2 else []


def find_scope(ctx: Context) -> list[Item]:
    found: list[Item] = []
    sentences = readable(ctx)
    owners = _owners(ctx, sentences)
    for f in fill(ctx.doc, sentences, SCOPE_RULES):
        for a, b in f.items:
            named = next((n for lo, hi, n in owners if lo <= a < hi), ())
            item = Item(ctx.text[a:b], (a, b), f.rule, f.priority < 0, named)
            announced = _announced(ctx, item)
            for x in [item] if announced is None else announced:
                _add(found, x)
    return found


def _belongs(item: Item, ev: Event, events: list[Event]) -> bool:
    """Whether ITEM is EV's: its sentence singles out none of the records' parties, or one of EV's."""
    if not item.owners:
        return True

    def has(e: Event) -> bool:
        return any(institutions.same_institution(o, p) for o in item.owners for p in e.parties)
    return has(ev) or not any(has(e) for e in events)


def _chosen(ctx: Context, ev: Event, items: list[Item]) -> list[Item]:
    # with several records, a record's own sentences may give its subject ("1. Nota
    # Kesepahaman tentang X, yang ditandatangani ..."); otherwise the article's scope is theirs
    own = [x for x in items if any(ctx.sents[i].start <= x.span[0] < ctx.sents[i].end for i in ev.sentences[:1])]
    chosen = own if own and len(ctx.events) > 1 else items
    if any(not x.fallback for x in chosen):
        chosen = [x for x in chosen if not x.fallback]
    return chosen


def _records(ctx: Context, ev: Event) -> list[Event]:
    """EV as the records the assembly makes of it (assemble.run: its own part of a shared
    sentence, then one record a member of a counted group or a pair of a hub and its spokes),
    each with provenance of its own. The assembly leaves them as they are."""
    ev = assemble.own_part(ctx, ev)
    found = assemble.counted(ctx, ev) if ev.count > 1 else assemble.hub_and_spokes(ctx, ev)
    return found if len(found) == 1 else [dataclasses.replace(e, why={k: list(v) for k, v in e.why.items()}) for e in found]


def run(ctx: Context) -> None:
    if not ctx.events:
        return
    items = find_scope(ctx)
    events: list[Event] = []
    for ev in ctx.events:
        chosen = _chosen(ctx, ev, items)
        # an item for one counterpart is the scope of the record it signed: the records are
        # made here, not in the assembly, so that each keeps only its own items
        pairs = _records(ctx, ev) if any(x.owners for x in chosen) else [ev]
        for pair in pairs:
            mine = [x for x in chosen if _belongs(x, pair, pairs)]
            pair.scope = [{"text": x.text, "span": list(x.span)} for x in mine]
            for x in mine:
                pair.explain("scope", x.rule, x.span)
        events += pairs
    ctx.events = events
