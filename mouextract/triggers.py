"""Stage 1: which sentences report a signing, and of what kind of agreement.

A sentence reports a signing when the ruler finds a signing verb (SIGN) in it and the article
names an instrument. A signing that is planned ("akan menandatangani", "berencana") or that
happened before the reported event ("MoU yang ditandatangani ... lalu") goes to `mentioned`.
Lines that link to other stories ("BACA JUGA: ...") are never evidence.
"""
from __future__ import annotations

import re

from .context import Context, Event, Sentence
from .records import Mention

# Words before a signing verb within which a PLANNED cue makes the signing a plan:
# "akan segera menandatangani" (2 words), "berencana untuk melakukan penandatanganan" (3).
PLANNED_WINDOW = 4
# Tokens between an instrument's name and the "yang" of a clause about it: "perjanjian kerja
# sama pengelolaan 120 los di Pasar Oeba yang ditandatangani" needs 7.
RELATIVE_REACH = 8
_LINK_LINE = re.compile(r"^\s*(baca juga|lihat juga|simak juga|berita terkait|artikel terkait)\b", re.I)
# Formal Indonesian names outrank the English "MoU" forms, which outrank the weak words:
# "MoU ... nota kesepakatan bersama tentang ..." is a nota kesepakatan.
_ENGLISH = re.compile(r"(?i)^(mou|memorandum|memory|loi|moa|letter)")


def _is_link_line(sent: Sentence) -> bool:
    return bool(_LINK_LINE.match(sent.text))


def _near(ctx: Context, sent: Sentence, sign, label: str) -> bool:
    """A cue of LABEL just before the signing word ("akan menandatangani", "pernah meneken"), or
    just after a signing noun ("jadwal penandatanganan yang rencananya dilakukan")."""
    for cue in ctx.rules(label, sent):
        if cue.end <= sign.start and sign.start - cue.end <= PLANNED_WINDOW:
            between = ctx.doc[cue.end:sign.start].text
        elif sign.end <= cue.start and cue.start - sign.end <= PLANNED_WINDOW and sign.text.lower().startswith("pen"):
            between = ctx.doc[sign.end:cue.start].text
            if "yang" not in between.lower().split():  # "penandatanganan ... dan rencana kerja" is no plan
                continue
        else:
            continue
        if "," not in between and "." not in between:
            return True
    return False


def _mention(sent: Sentence) -> Mention:
    return Mention(sent.text.strip(), (sent.start, sent.end))


def _about_an_instrument(ctx: Context, sent: Sentence) -> bool:
    """A signing sentence names a cooperation instrument, or stands next to one that does
    ("... telah menandatangani MoU. Yang membubuhkan tanda tangan adalah ..."); signing a pakta
    integritas or a berita acara is not signing an agreement."""
    if ctx.rules("AGREEMENT", sent):
        return True
    if ctx.rules("DOCUMENT", sent):
        return False
    near = [ctx.sents[j] for j in (sent.i - 1, sent.i, sent.i + 1) if 0 <= j < len(ctx.sents)]
    return any(ctx.rules("AGREEMENT", s) or ctx.rules("AGREEMENT_WEAK", s) for s in near)


def _planned(ctx: Context, sent: Sentence, sign) -> bool:
    return _near(ctx, sent, sign, "PLANNED")


def _relative(ctx: Context, sent: Sentence, sign) -> bool:
    """"perjanjian ... yang ditandatangani pada 12 Maret 2019": the signing describes an
    instrument; it is the reported event only beside a sentence that reports a signing itself."""
    window = ctx.doc[max(sent.span.start, sign.start - 3):sign.start]
    yang = next((t for t in window if t.lower_ == "yang"), None)
    if yang is None or ctx.doc[sign.start - 1].lower_ not in {"yang", "telah", "sudah"}:
        return False
    # the clause hangs on an instrument named just before ("perjanjian ... yang"), unlike a
    # cleft sentence ("Yang membubuhkan tanda tangan adalah ...")
    instruments = ctx.rules("AGREEMENT", sent) + ctx.rules("AGREEMENT_WEAK", sent)
    return any(sp.end <= yang.i and yang.i - sp.end <= RELATIVE_REACH for sp in instruments)


def _past(ctx: Context, sent: Sentence, sign) -> bool:
    """A relative clause about an earlier instrument: "MoU ... yang ditandatangani ... lalu"."""
    if _near(ctx, sent, sign, "PAST"):
        return True
    if any(cue.start - sent.span.start <= 1 for cue in ctx.rules("PAST", sent)):
        return True  # "Sebelumnya, pada 2019, kedua pihak telah menandatangani ...": an earlier event
    if not ctx.rules("PAST", sent):
        return False
    before = ctx.doc[max(sent.span.start, sign.start - 2):sign.start].text.lower().split()
    return "yang" in before


def _type_rank(span) -> int:
    if span.label_ == "AGREEMENT_WEAK":
        return 2
    return 1 if _ENGLISH.match(span.text) else 0


def agreement_type(ctx: Context, sentences: list[Sentence]):
    """The best-ranked instrument named in these sentences, or None."""
    spans = []
    for s in sentences:
        spans += ctx.rules("AGREEMENT", s) + ctx.rules("AGREEMENT_WEAK", s)
    if not spans:
        return None
    # longest first, so "perjanjian kerja sama" wins over the weak "perjanjian" inside it
    spans.sort(key=lambda sp: (_type_rank(sp), sp.start, -len(sp)))
    return spans[0]


_LIST_ITEM = re.compile(r"^\s*\d{1,2}\s*[.)]\s+\S")


def _events(ctx: Context, reported: list[int]) -> list[Event]:
    """One event, or one per numbered list item when the article enumerates the instruments
    signed ("1. Nota Kesepahaman tentang X, yang ditandatangani A dan B; 2. ..."). The other
    signing sentences describe the whole occasion and go with every item."""
    if not reported:
        return []
    items = [i for i in reported if _LIST_ITEM.match(ctx.sents[i].text)]
    if len(items) < 2:
        return [Event(sentences=reported)]
    shared = [i for i in reported if i not in items]
    return [Event(sentences=[i] + shared) for i in items]


def run(ctx: Context) -> None:
    has_instrument = bool(ctx.rules("AGREEMENT") or ctx.rules("AGREEMENT_WEAK"))
    if not has_instrument:
        return
    reported: list[int] = []
    relative: list[int] = []
    for sent in ctx.sents:
        if _is_link_line(sent):
            continue
        signs = ctx.rules("SIGN", sent)
        if not signs or not _about_an_instrument(ctx, sent):
            continue
        sign = signs[0]
        if _planned(ctx, sent, sign) or _past(ctx, sent, sign):
            ctx.mentioned.append(_mention(sent))
            continue
        reported.append(sent.i)
        if _relative(ctx, sent, sign) and not _LIST_ITEM.match(sent.text):
            # an enumeration of the instruments signed ("1. Nota Kesepahaman tentang X, yang
            # ditandatangani A dan B") reports the signings even in relative clauses
            relative.append(sent.i)
    if reported and set(reported) <= {ctx.headline}:
        # only the headline speaks of a signing ("Teken MoU Hari Ini") while the body plans it
        # or recalls it: no reported signing
        reported = []
    if reported and set(reported) <= set(relative):
        for i in reported:
            ctx.mentioned.append(_mention(ctx.sents[i]))
        reported = []
    ctx.events.extend(_events(ctx, reported))
    for ev in ctx.events:
        best = agreement_type(ctx, [ctx.sents[i] for i in ev.sentences])
        if best is None:  # the instrument is named only outside the signing sentences
            best = agreement_type(ctx, ctx.sents)
        if best is not None:
            ev.type, ev.type_text, ev.type_span = best.id_, best.text, (best.start_char, best.end_char)
