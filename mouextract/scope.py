"""Stage 6: the scope — what the agreement covers, as the article lists it.

Scope is introduced by a cue tied to the agreement: a numbered list after "ruang lingkup ...
terdiri dari", "cakupan ... meliputi"; "<instrument> tentang/mengenai/terkait/di bidang/dalam
hal X"; "lingkup/objek/isi kerja sama ... meliputi/mencakup/seperti LIST"; "berfokus pada
LIST"; ", terkait LIST" after a signing. Purpose statements (bertujuan, dalam rangka, untuk
meningkatkan ...) are not scope. Items keep the article's wording: only numbering and
connectives are trimmed.
"""
from __future__ import annotations

import re

from .context import Context
from .patterns import load as load_data

_INSTRUMENT = r"(?:nota\s+kesepahaman|nota\s+kesepakatan(?:\s+bersama)?|perjanjian(?:\s+kerja\s*sama)?|kesepakatan|mou|pks|memorandum\s+of\s+understanding|kerja\s*sama)"
# "<instrument> [kerja sama] tentang X": a single subject, up to where the clause moves on
_ABOUT = re.compile(
    rf"(?i)\b{_INSTRUMENT}(?:\s*\([^)]{{1,60}}\))?(?:\s+(?:ini|itu|tersebut|kerja\s*sama|bersama))*"
    r"(?:\s+dengan\s+[A-Z][\w ]{1,60}?)?\s+(?P<cue>tentang|mengenai|terkait|soal|di\s+bidang|bidang|dalam\s+hal)\s+(?P<body>[^.;\n]+)")
_LIST_CUE = re.compile(
    rf"(?i)\b(?:(?:ruang\s+)?lingkup(?:\s+kerja\s*sama)?|cakupan|objek\s+kerja\s*sama|isi|{_INSTRUMENT})\b[^.;\n]{{0,120}}?"
    r"\b(?P<cue>meliputi|mencakup|terdiri\s+(?:dari|atas)|seperti|berfokus\s+pada|mengatur(?:\s+tentang)?|berisi)\s+(?P<body>[^\n]+)")
_AFTER_SIGNING = re.compile(r"(?i)\bpenandatangan\w*[^.;\n]{0,60}?,\s+terkait\s+(?P<body>[^.;\n]+)")
_NUMBERED = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=[;:,.]))(\d{1,2})\s*[\).]+\s*")
# Where the subject matter ends and the sentence goes on about something else. A list keeps
# an item's own "untuk ..." ("penelitian terapan untuk mendukung perencanaan kota"); a single
# subject after "tentang" ends at a purpose.
_LIST_END = re.compile(
    r"(?i)[”\"]|,?\s+(?:dengan\s+harapan|sehingga|agar|supaya|akhirnya|ditandatangani|diteken"
    r"|(?<=,\s)(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu)\b"
    r"|,\s*(?=[a-z]+\s+(?:dan|telah|akan|sudah|merupakan)\b))|\.(?=\s|$)")
_BODY_END = re.compile(
    r"(?i)[”\"]|,?\s+(?:yang\s+(?:di|me)\w+|dengan\s+harapan|dengan\s+(?=[A-Z])|antara\s+|oleh\s+|pada\s+(?:hari|senin|selasa|rabu|kamis|jumat|sabtu|minggu|\d)"
    r"|untuk\s+(?:meningkatkan|menyokong|mendukung|mewujudkan|memperkuat)|sehingga|agar|supaya|guna|akhirnya|"
    r"ditandatangani|diteken|di\s+(?=(?:{venues})\b)|(?=(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu)\b)|,\s*(?=[a-z]+\s+(?:dan|telah|akan|sudah|merupakan)\b))|\.(?=\s|$)"
    .replace("{venues}", "|".join(re.escape(h) for h in sorted(load_data("venues.yml")["venue_heads"], key=len, reverse=True))))
_FIELD_HEAD = re.compile(r"(?i)^(?:kerja\s*sama|bidang)\b")
_SPLIT = re.compile(r"\s*;\s*(?:dan\s+|serta\s+)?|\s*,\s*(?:dan\s+|serta\s+)?|\s+serta\s+")
_SPLIT_KEEP = re.compile(r"(\s*;\s*(?:dan\s+|serta\s+)?|\s*,\s*(?:dan\s+|serta\s+)?|\s+serta\s+)")
_LEAD = re.compile(r"(?i)^(?:dan|serta|yaitu|yakni|antara\s+lain|adalah|kegiatan(?=\s+\w+\s))\s+")
_HEADS_TO_DROP = re.compile(r"(?i)^(?:\d+\s+(?:hal|poin|butir|bidang)\s*,?\s*(?:yaitu|yakni)?\s*:?\s*)")


def _clean(item: str) -> str:
    item = item.strip(" \t\n;,.:")
    item = _HEADS_TO_DROP.sub("", item)
    for _ in range(2):
        item = _LEAD.sub("", item).strip(" ;,.:")
    item = re.sub(r"\s+dan$", "", item)
    return item.strip(" ;,.:")


def _body(text: str) -> str:
    m = _BODY_END.search(text)
    return text[:m.start()] if m else text


def _split(body: str) -> list[str]:
    """List items, split at commas, semicolons and "serta". Single words heading a shared
    complement stay one item with it: "sosialisasi, pembinaan, dan pendampingan Program X" is
    one clause (two or more single words, then ", dan" and a longer item)."""
    pieces = _SPLIT_KEEP.split(body)
    parts, seps = pieces[0::2], [""] + pieces[1::2]
    items: list[str] = []
    k = 0
    while k < len(parts):
        run = k
        while run < len(parts) and len(parts[run].split()) == 1:
            run += 1
        if run - k >= 2 and run < len(parts) and re.search(r",\s*dan\s+$", seps[run]) and len(parts[run].split()) >= 3:
            items.append("".join(p + (seps[j + 1] if j < run else "") for j, p in enumerate(parts[k:run + 1], start=k)))
            k = run + 1
            continue
        items.append(parts[k])
        k += 1
    return [x for x in (_clean(p) for p in items) if x and len(x) > 2]


def numbered_list(text: str, start: int) -> list[tuple[str, int]]:
    """Items of a list numbered 1, 2, 3 ... starting at START, with their offsets."""
    out, expected, pos = [], 1, start
    marks = []
    for m in _NUMBERED.finditer(text, start):
        if int(m.group(1)) != expected:
            if expected > 1:
                break
            continue
        marks.append(m)
        expected += 1
        if m.start() - pos > 400:
            break
        pos = m.end()
    if len(marks) < 2:
        return []
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else _end_of_last(text, m.end())
        item = _clean(text[m.end():end])
        if item:
            out.append((item, m.end()))
    return out


def _end_of_last(text: str, pos: int) -> int:
    m = re.compile(r"\.(?:\s|$)|\n|\s\(").search(text, pos)
    return m.start() if m else len(text)


def _add(found: list, item: str, start: int) -> None:
    words = set(item.lower().split())
    for other, _ in found:
        ow = set(other.lower().split())
        if words and ow and len(words & ow) / len(words | ow) >= 0.8:
            return
    found.append((item, start))


def find_scope(text: str) -> list[dict]:
    found: list[tuple[str, int]] = []
    for m in _LIST_CUE.finditer(text):
        tail = text[m.start("body"):]
        items = numbered_list(text, m.start("body")) if _NUMBERED.match(tail[:40].split(" ", 3)[-1]) or re.search(r"\b1\s*[\).]", tail[:60]) else []
        if items and not re.match(rf"(?i){_INSTRUMENT}", items[0][0]):
            for item, at in items:
                _add(found, item, at)
            continue
        end = _LIST_END.search(m.group("body"))
        body = m.group("body")[:end.start()] if end else m.group("body")
        for part in _split(body):
            _add(found, part, m.start("body") + max(0, body.find(part)))
    for rx in (_ABOUT, _AFTER_SIGNING):
        for m in rx.finditer(text):
            body = _body(m.group("body"))
            # "tentang Kerja Sama Meteorologi, Klimatologi, dan Geofisika" names one field
            whole = rx is _ABOUT and ("," not in body or _FIELD_HEAD.match(body))
            parts = [_clean(body)] if whole else _split(body)
            for part in parts:
                if part:
                    _add(found, part, m.start("body") + max(0, body.find(part)))
    for m in re.finditer(r"(?i)\b(?:ruang\s+lingkup|cakupan)\b[^\n]{0,160}?(?=\b1\s*[\).])", text):
        for item, at in numbered_list(text, m.end()):
            _add(found, item, at)
    return [{"text": t, "span": [s, s + len(t)]} for t, s in found]


def run(ctx: Context) -> None:
    if not ctx.events:
        return
    items = find_scope(ctx.text)
    for ev in ctx.events:
        # with several records, a record's own sentences may give its subject ("1. Nota
        # Kesepahaman tentang X, yang ditandatangani ..."); otherwise the article's scope is theirs
        own = [x for x in items if any(ctx.sents[i].start <= x["span"][0] < ctx.sents[i].end for i in ev.sentences[:1])]
        ev.scope = [dict(x) for x in (own if own and len(ctx.events) > 1 else items)]
