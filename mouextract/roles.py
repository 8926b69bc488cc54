"""Who signed and who witnessed, from the wording of a signing sentence.

- witnesses: after "disaksikan (oleh)" / "turut menyaksikan", or the subject of an active
  "menyaksikan" ("Gubernur X dan Y menyaksikan penandatanganan itu");
- signatories: the agent after "oleh" ("ditandatangani oleh", "dilakukan oleh"), right after a
  passive verb ("yang ditandatangani Menteri X dan Menteri Y"), after "antara" ("penandatanganan
  MoU antara Bupati X dan Kajari Y"), after "adalah" ("yang membubuhkan tanda tangan adalah"),
  the subject of an active verb ("X dan Y meneken", "X bertindak sebagai penandatangan",
  "sementara Y melakukannya") and its counterpart after "dengan";
- "A yang diwakili(kan) oleh B": B signs, on behalf of A.
Speakers and attendees are in none of these places, so they are neither.
"""
from __future__ import annotations

from .context import Context, Sentence
from .people import Person, Reader

_CLAUSE_END = {".", ";", "!", "?"}
_ACTIVE_BEFORE = {"melakukan", "membubuhkan", "sebagai", "menjadi", "bertindak", "turut", "ikut", "bergiliran"}
_SUBJECT_BREAK = {"sementara", "sedangkan", "adapun", ";", "bersama"}
# How far after a signing word the connective may stand: "penandatanganan [perjanjian kerja
# sama (PKS)] antara ..." needs up to 6 tokens for the instrument's name.
CONNECTIVE_WINDOW = 8


# Where the people of a clause end and its setting begins: "... dengan Rektor X di Aula ...".
_SETTING = {"di", "pada", "bertempat", "berlokasi"}


def _clause_end(doc, i: int, end: int, stops: set[int]) -> int:
    while i < end and doc[i].text not in _CLAUSE_END and i not in stops and doc[i].lower_ not in _SETTING:
        i += 1
    return i


def _witness_ranges(ctx: Context, sent: Sentence) -> list[tuple[int, int]]:
    doc, a, b = ctx.doc, sent.span.start, sent.span.end
    signs = {t for sp in ctx.rules("SIGN", sent) for t in range(sp.start, sp.end)}
    out = []
    for w in ctx.rules("WITNESS", sent):
        prev = doc[w.start - 1].lower_ if w.start > a else ""
        after_verb = w.text.lower() == "disaksikan" or prev in {"turut", "ikut", ",", ""} or w.start == a
        if after_verb:
            i = w.end
            while i < b and doc[i].lower_ in {"oleh", "langsung", "pula", "juga"}:
                i += 1
            if i < b and doc[i].lower_ == "penandatanganan":  # "Turut menyaksikan penandatanganan, X"
                i += 1
            out.append((i, _clause_end(doc, i, b, signs)))
        else:
            start = w.start
            while start > a and doc[start - 1].text not in _CLAUSE_END and doc[start - 1].lower_ not in _SUBJECT_BREAK:
                start -= 1
            out.append((start, w.start))
    return out


def _inside(i: int, ranges) -> bool:
    return any(s <= i < e for s, e in ranges)


def _signer_ranges(ctx: Context, sent: Sentence, witness) -> list[tuple[int, int]]:
    doc, a, b = ctx.doc, sent.span.start, sent.span.end
    wstarts = {s for s, _ in witness} | {t.start for t in ctx.rules("WITNESS", sent)}
    out = []
    signs = [sp for sp in ctx.rules("SIGN", sent) + ctx.rules("SIGN_PRO", sent) if not _inside(sp.start, witness)]
    if not signs:
        return out
    first_sign = min(sp.start for sp in signs)
    # agents after "oleh" anywhere after the first signing word, except "disaksikan oleh"
    for i in range(first_sign, b):
        if doc[i].lower_ == "oleh" and not _inside(i, witness) and doc[i - 1].lower_ not in {"disaksikan", "dibuka"}:
            out.append((i + 1, _clause_end(doc, i + 1, b, wstarts | {i2 for i2 in range(i + 1, b) if doc[i2].lower_ == "oleh"})))
    # "Penandatanganan dilakukan Kapolda X dan Rektor Y": the agent right after the verb
    for i in range(first_sign, b - 1):
        if doc[i].lower_ in {"dilakukan", "dilaksanakan"} and not _inside(i, witness) \
                and (doc[i + 1].text[:1].isupper() or i + 1 in {t.start for t in ctx.rules("TITLE", sent)}):
            out.append((i + 1, _clause_end(doc, i + 1, b, wstarts)))
    for sp in signs:
        form = sp.text.lower()
        nxt = doc[sp.end] if sp.end < b else None
        prev = doc[sp.start - 1].lower_ if sp.start > a else ""
        window = range(sp.end, min(b, sp.end + CONNECTIVE_WINDOW))
        for i in window:
            if doc[i].lower_ in {"antara", "adalah"} and (i + 1 >= b or doc[i + 1].lower_ != "lain"):
                out.append((i + 1, _clause_end(doc, i + 1, b, wstarts)))
                break
            if doc[i].text in _CLAUSE_END or doc[i].text == ",":
                break
        if form.startswith("di") and nxt is not None and nxt.lower_ != "oleh" and (nxt.text[:1].isupper() or nxt.is_digit):
            out.append((sp.end, _clause_end(doc, sp.end, b, wstarts)))
        active = form.startswith("me") or form in {"teken", "melakukannya"} or prev in _ACTIVE_BEFORE \
            or (form == "penandatangan" and prev in {"sebagai", "menjadi"})
        if active and sp.label_ != "SIGN_PRO" or (sp.label_ == "SIGN_PRO" and prev not in {"yang"}):
            start = sp.start
            while start > a and doc[start - 1].text not in _CLAUSE_END and doc[start - 1].lower_ not in _SUBJECT_BREAK \
                    and not _inside(start - 1, witness):
                start -= 1
            if sp.label_ == "SIGN_PRO" and start == a:
                continue  # "melakukan" alone, not after "sementara X": not a signing
            out.append((start, sp.start))
            for i in range(sp.end, b):
                if doc[i].text in _CLAUSE_END or i in wstarts:
                    break
                if doc[i].lower_ in {"dengan", "bersama"}:
                    out.append((i + 1, _clause_end(doc, i + 1, b, wstarts)))
                    break
    return out


def _speakers(ctx: Context, sent: Sentence) -> set[int]:
    """Token positions of reported speech cues, so their subjects are not read as signers."""
    return {sp.start for sp in ctx.rules("SPEECH", sent)}


def sentence_roles(ctx: Context, reader: Reader, sent: Sentence) -> tuple[list[Person], list[Person]]:
    witness_ranges = _witness_ranges(ctx, sent)
    signer_ranges = _signer_ranges(ctx, sent, witness_ranges)
    speech = _speakers(ctx, sent)
    signers, witnesses = [], []
    for s, e in signer_ranges:
        if any(s <= x < e for x in speech):
            e = min(x for x in speech if s <= x < e)
        signers += reader.people(s, e)
    for s, e in witness_ranges:
        witnesses += reader.people(s, e)
    signers = _unique(signers)
    _link_representation(ctx, sent, signers)
    return signers, _unique(witnesses)


def _unique(persons: list[Person]) -> list[Person]:
    seen, out = set(), []
    for p in sorted(persons, key=lambda p: p.start):
        if (p.start, p.end) not in seen:
            seen.add((p.start, p.end))
            out.append(p)
    return out


def _link_representation(ctx: Context, sent: Sentence, found: list[Person]) -> None:
    """"A yang diwakili(kan) oleh B": drop A, record it as the one B signed for."""
    doc = ctx.doc
    reps = [sp for sp in ctx.rules("REPRESENT", sent) if sp.text.lower().startswith("diwakil")]
    for rep in reps:
        char = doc[rep.start].idx
        before = [p for p in found if p.end <= char]
        after = [p for p in found if p.start > char]
        if before and after and before[-1].name:
            after[0].on_behalf_of = before[-1].name
            found.remove(before[-1])
