"""Stage 1: which signings an article reports, and how many documents they are.

Every signing word (SIGN, patterns/signing.yml) about a cooperation instrument — named in its
sentence or beside it — gets a status from the rows of patterns/slots/relevance.yml: reported
unless a row says planned, past, relative (reported only beside a signing reported elsewhere),
anaphor (the signing spoken of just before), condition, other_paper or link. One mechanism the rows cannot
say is here: a signing dated before another dated occasion the article told first (or a
signing it reported first) is an earlier one, recalled at that occasion (a rector's graduation
speech recalling last month's MoU). Planned and past signings go to `mentioned`.

The reported sentences are then read as documents (signed_documents.py): one event per signed
document, each with the sentences about it, the part of a sentence it owns when a sentence
speaks of two, and how many documents of that kind it stands for (`Event.count`).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .context import Context, Sentence
from .instruments import INSTRUMENTS, is_list_item
from .lists import BULLETS
from .records import Mention
from .signed_documents import read_documents
from .slots import fill, holds
from .slots.rules import rows_of

LINK_HEADING_WORDS = 4   # a list of links is headed by a short line
FURNITURE_WORDS = 4      # ... and a page's furniture between paragraphs is as short ("ADVERTISEMENT")
# How many sentences after a signing of a named instrument a signing of "the text" (DOC_REF) may
# stand and still be that signing.
DOCUMENT_REACH = 3
RELEVANCE = "relevance.yml"
STATUS, OCCASION = "status", "occasion"   # not-linguistic: the slots of relevance.yml
# The status values of relevance.yml that the code acts on.
REPORTED, RELATIVE, ANAPHOR, PLANNED, PAST, LINK = "reported", "relative", "anaphor", "planned", "past", "link"  # not-linguistic: the rows' values
MENTIONED = (PLANNED, PAST, RELATIVE)   # listed under `mentioned` when their sentence reports nothing
RECALLED = "status.before_an_occasion_told_first"
# Days between a signing and a later occasion the article dates beyond which the article is about
# the occasion (an evaluation months on) and the signing is its background.
RECALL_GAP = 30


@dataclass
class Signing:
    """One signing word and what relevance.yml says of it."""
    sent: int
    span: object          # the SIGN span
    status: str
    rule: str | None
    cue: object = None    # the span of the row that decided, if any


def _names_an_instrument(ctx: Context, sent: Sentence) -> bool:
    """A signing is about a cooperation instrument named in its sentence or beside it ("...
    telah menandatangani MoU. Yang membubuhkan tanda tangan adalah ..."); a weak name
    ("perjanjian", "kerja sama") will do."""
    near = [ctx.sents[j] for j in (sent.i - 1, sent.i, sent.i + 1) if 0 <= j < len(ctx.sents)]
    return any(ctx.rules(label, s) for s in near for label in INSTRUMENTS)


def _signing_words(ctx: Context, sent: Sentence) -> list:
    """The SIGN spans of a sentence, overlapping ones as the longest ("membubuhkan tanda tangan")."""
    out = []
    for sp in sorted(ctx.rules("SIGN", sent), key=lambda s: (s.start, -len(s))):
        if out and sp.start < out[-1].end:
            continue
        out.append(sp)
    return out


def _beside(ctx: Context, j: int) -> tuple[int, int]:
    """The sentences before and after sentence J, past the page's furniture between them
    ("ADVERTISEMENT", "GULIR UNTUK MELANJUTKAN": a short line without a closing mark, or one in
    capitals)."""
    before, after = j - 1, j + 1
    while before >= 0 and _furniture(ctx, ctx.sents[before]):
        before -= 1
    while after < len(ctx.sents) and _furniture(ctx, ctx.sents[after]):
        after += 1
    if before < j - 1 and before in ctx.headings:
        before = j - 1   # the headline over a dateline line is no part of the body's run
    return before, after


def _furniture(ctx: Context, sent: Sentence) -> bool:
    text = sent.text.strip()
    return ctx.own_line(sent) and not text.endswith((".", "!", "?", '"', "”")) \
        and (len(text.split()) <= FURNITURE_WORDS or text.isupper())


def _link_lists(ctx: Context) -> set[int]:
    """The lines of a list of links to other stories: after a short line of its own that heads
    such a list ("Berita Populer", "Baca Juga"; relevance.yml `link_heading`), the lines of
    their own that follow, each numbered, bulleted or a title, up to the first line of prose."""
    out: set[int] = set()
    sents = ctx.sents
    for k, sent in enumerate(sents):
        if len(sent.text.split()) > LINK_HEADING_WORDS or not ctx.own_line(sent) \
                or not holds(ctx.doc, sent.span, RELEVANCE, "link_heading"):
            continue
        j = k + 1
        while j < len(sents) and ctx.own_line(sents[j]) and _link_title(sents[j]):
            out.add(j)
            j += 1
    return out


def _link_title(sent: Sentence) -> bool:
    """A numbered or bulleted line, or one without a closing full stop (a story's title)."""
    text = sent.text.strip()
    return is_list_item(sent) or text[:1] in BULLETS or not text.endswith(".")


def _covers(f, sp) -> bool:
    """A row speaks for a signing word its window overlaps (or its cue is)."""
    a, b = f.window
    return (a < sp.end_char and sp.start_char < b) or (f.cue.start <= sp.start and sp.end <= f.cue.end)


def _rules(slot: str):
    return rows_of(RELEVANCE, slot)


def signings(ctx: Context) -> list[Signing]:
    """Every signing word about an instrument, with its status."""
    with_words = {sent.i: words for sent in ctx.sents if (words := _signing_words(ctx, sent))}
    about = {i for i in with_words if _names_an_instrument(ctx, ctx.sents[i])}
    # "... menandatangani nota kesepakatan. [...] Ia diwakili X, yang menandatangani naskah untuk
    # Y": the signed text or document, a few sentences after a signing of a named instrument
    about |= {i for i in with_words if i not in about and ctx.rules("DOC_REF", ctx.sents[i])
              and any(j in about for j in range(i - DOCUMENT_REACH, i))}
    # a run of signing sentences tells of one instrument ("... menandatangani nota kesepahaman.
    # Penandatanganan berlangsung di X. Ketua A dan Direktur B membubuhkan tanda tangan ...")
    grown = about
    while grown:
        grown = {i for j in grown for i in _beside(ctx, j) if i in with_words and i not in about}
        about |= grown
    signing_sentences = [(ctx.sents[i], with_words[i]) for i in sorted(about)]
    by_sentence: dict[int, list] = {}
    for f in fill(ctx.doc, [sent.span for sent, _ in signing_sentences], _rules(STATUS)):
        s = ctx.sentence_of(f.cue.start_char)
        if s is not None:
            by_sentence.setdefault(s.i, []).append(f)
    out = []
    for sent, words in signing_sentences:
        here = by_sentence.get(sent.i, [])
        for sp in words:
            best = max((f for f in here if _covers(f, sp)), key=lambda f: f.priority, default=None)
            out.append(Signing(sent.i, sp, best.value if best else REPORTED, best.rule if best else None,
                               best.cue if best else None))
    links = _link_lists(ctx)
    out = [Signing(s.sent, s.span, LINK, "status.link_list", None) if s.sent in links else s for s in out]
    _resolve_anaphors(out, ctx.headings)
    if out:
        # the dates read once (each pass over a span group builds a Span per mention)
        mentions = list(ctx.doc.spans.get("dates", []))
        starts = [d.start_char for d in mentions]
        dated = [s.span for s in ctx.sents if any(s.start <= c < s.end for c in starts)]
        _recalled(ctx, out, fill(ctx.doc, dated, _rules(OCCASION)), mentions)
    return out


def _resolve_anaphors(found: list[Signing], headings: set[int]) -> None:
    """"Penandatanganan itu": reported when a reported signing precedes it, else as the one
    before it (after a planned lead, the plan); the first signing of an article is reported,
    and so is one that points back to a signing a relative clause described ("... dituangkan
    dalam PKS yang ditandatangani di X, Kamis (25/1). A dan B menandatangani perjanjian
    tersebut ..."): the two tell one signing. A title line ("Teken MoU") is no antecedent: it
    may sum up a plan."""
    for k, s in enumerate(found):
        if s.status != ANAPHOR:
            continue
        before = [b for b in found[:k] if b.sent not in headings]
        if not before or any(b.status == REPORTED for b in before) or before[-1].status == RELATIVE:
            s.status = REPORTED
        else:
            s.status = before[-1].status


def _days(sent: Sentence, written: list) -> list[dt.date]:
    """The dates a sentence writes in full (day, month and year written); WRITTEN: the article's
    dates (the `date` of each mention of doc.spans["dates"])."""
    out = []
    for w in written:
        if w is None or not (sent.start <= w.start < sent.end) or w.role is not None:
            continue
        if w.year and w.month and w.day:
            try:
                out.append(dt.date(w.year, w.month, w.day))
            except ValueError:
                continue
    return out


# Tokens between a signing word and a month or year that dates it, in its sentence ("Pada 2019,
# Pemkab meneken", "ditandatangani pada Januari 2024", "diteken Wali Kota X dan Direktur Utama
# Bank Y Cabang Z pada Agustus 2022": the signers' names and offices may stand between).
PERIOD_REACH = 20


def _period_ends(signing, sent: Sentence, mentions: list) -> list[dt.date]:
    """The last day of each period that dates SIGNING (a SIGN span) by its month or year alone,
    written in its sentence SENT within PERIOD_REACH tokens of it ("pada Januari 2024", "Pada
    2019, ..."); MENTIONS: the article's date mentions (doc.spans["dates"])."""
    out = []
    for span in mentions:
        w = span._.date
        if w is None or w.role is not None or w.day or not w.year \
                or not (sent.start <= span.start_char and span.end_char <= sent.end) \
                or not (signing.start - PERIOD_REACH <= span.start and span.end <= signing.end + PERIOD_REACH):
            continue
        month = w.month or 12
        out.append(dt.date(w.year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))
    return out


def _stamped(written: list) -> dt.date | None:
    """The date the page or its dateline gives the report, written in full; else None."""
    for w in written:
        if w is not None and w.role is not None and w.year and w.month and w.day:
            try:
                return dt.date(w.year, w.month, w.day)
            except ValueError:
                return None
    return None


def _recalled(ctx: Context, found: list[Signing], occasions: list, mentions: list) -> None:
    """A reported signing dated before an occasion the article has already told — a dated event
    with no signing (a graduation, an evaluation meeting) or a signing reported before it — is
    an earlier one, recalled ("Penandatanganan serupa dilakukan pada 5 Agustus" after the
    signing of 2 October); so is one dated only by its month or year before an occasion told
    first, before a dated signing still to come, or long before the page's date. MENTIONS: the
    article's date mentions (doc.spans["dates"])."""
    written = [m._.date for m in mentions]
    occasion_days: list[tuple[int, dt.date]] = []
    for f in occasions:
        s = ctx.sentence_of(f.cue.start_char)
        if s is not None:
            occasion_days += [(s.i, d) for d in _days(s, written)]
    told = list(occasion_days)
    stamped = _stamped(written)
    # a signing still to come, dated, is an occasion the article tells too ("yang dijadwalkan
    # Kamis (17/7/2025)"): one dated only by a year before it is an earlier one
    to_come = [(s.sent, d) for s in found if s.status != REPORTED for d in _days(ctx.sents[s.sent], written)]
    for s in sorted(found, key=lambda s: s.span.start):
        if s.status != REPORTED:
            continue
        days = _days(ctx.sents[s.sent], written)
        periods = [] if days else _period_ends(s.span, ctx.sents[s.sent], mentions)
        if periods and (any(i < s.sent and max(periods) < d for i, d in told + to_come)
                        or (stamped is not None and (stamped - max(periods)).days > RECALL_GAP)):
            # "Pada 2019, Pemkab meneken MoU ...", "PKS tersebut ditandatangani pada Januari 2024"
            # in a report of a later occasion, or on a page dated long after
            s.status, s.rule = PAST, RECALLED
            continue
        if days and any((i < s.sent and max(days) < d) or (d - max(days)).days > RECALL_GAP for i, d in occasion_days):
            s.status, s.rule = PAST, RECALLED
        elif days and any(i < s.sent and max(days) < d for i, d in told):
            s.status, s.rule = PAST, RECALLED
        else:
            told += [(s.sent, d) for d in days]


def _mention(sent: Sentence) -> Mention:
    return Mention(sent.text.strip(), (sent.start, sent.end))


def reported_sentences(ctx: Context, found: list[Signing]) -> list[int]:
    """The sentences that report a signing. A relative or nameless mention ("perjanjian ... yang
    ditandatangani ...") is evidence only beside a sentence that reports one itself, and so is
    a title line ("Teken MoU Hari Ini" over a body that plans or recalls it)."""
    reported = {s.sent for s in found if s.status == REPORTED
                or (s.status == RELATIVE and is_list_item(ctx.sents[s.sent]))}   # "1. MoU tentang X, yang ditandatangani A"
    if not reported - ctx.headings:
        return []
    relative = {s.sent for s in found if s.status == RELATIVE}
    return sorted(reported | relative)


def run(ctx: Context) -> None:
    if not any(ctx.rules(label) for label in INSTRUMENTS):
        return
    found = signings(ctx)
    reported = reported_sentences(ctx, found)
    for i in sorted({s.sent for s in found if s.status in MENTIONED} - set(reported)):
        ctx.mentioned.append(_mention(ctx.sents[i]))
    if not reported:
        return
    ctx.read("signings")   # a signing is reported: its people and institutions are read now
    events = read_documents(ctx, reported, [s for s in found if s.sent in reported and s.status in (REPORTED, RELATIVE)])
    for ev in events:
        for s in found:
            mine = ev.parts.get(s.sent, [(s.span.start_char, s.span.end_char)])   # its part of a shared sentence
            if s.sent in ev.sentences and s.status in (REPORTED, RELATIVE) \
                    and any(a <= s.span.start_char < b for a, b in mine):
                ev.explain("relevance", s.rule or "status.reported", (s.span.start_char, s.span.end_char))
    ctx.events.extend(events)
