"""Reading a list in running text: the items of "A, B dan C", "A; B; serta C", "1) A 2) B".

The mechanism behind a slot that takes a list or a subject (the scope: "meliputi A, B, dan C",
"tentang X"): the readers `list` and `subject` that slot rules call (`take: {read: list}`,
patterns/slots/). From where the slot opens, it passes a count and its introducer ("5 hal,
yaitu:"), cuts the window at commas, semicolons, line breaks and separating words ("serta"),
decides which pieces are items, reads numbered items across lines, and trims numbering and
connectives; items keep the article's wording. Its words are patterns/lists.yml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .patterns import load
from .slots.readers import Slot, reader
from .slots.tokens import Phrases, Tokens

# "1)", "2.", "a." and "3).Pendampingan": the shape of a list number, not a word
_MARKER = re.compile(r"^(\d{1,2}|[a-j])[.)]+")
_NUMBER = re.compile(r"\d{1,2}|[a-j]")
BULLETS = frozenset({"-", "–", "—", "•", "·", "▪", "●", "*"})   # marks that open a list's line
BULLET = "•"   # the label of every item of a bulleted list
_BRACKETS = {"(": 1, ")": -1}
_MARKS = {",", ";", ":", ".", "-", "–", "“", "”", '"'}
# what may come before a piece of a list besides a comma or a semicolon
LINE = "line"   # a line break
WORD = "word"   # a separating word ("serta")
LAST = "last"   # a comma and the word before the list's last item (", dan")


@dataclass(frozen=True)
class ListWords:
    lead: Phrases                   # connectives trimmed where an item begins
    trail: frozenset                # ... and where it ends
    separators: frozenset           # words that cut like a comma ("serta")
    conjunctions: frozenset         # a conjunction that may join the last item without a comma
    last: frozenset                 # words that introduce a list's last item
    introducers: Phrases            # "yaitu", ":" ... between a count and its list
    numbers: dict                   # number words ("enam": 6)
    quantities: frozenset           # words that count ("beberapa")
    function_words: frozenset       # not counted in an item's size
    list_heads: frozenset           # a word that heads every item ("bidang A, bidang B")
    elaborations: frozenset         # a word that opens an elaboration of the item before it
    field_heads: Phrases            # a head shared by a list of fields ("kerja sama A, B dan C")
    names: frozenset                # ruler labels of an instrument's name
    nominal_prefixes: tuple[str, ...]   # a field of work opens with a noun made from a verb
    nominal_suffixes: tuple[str, ...]
    borrowed_suffixes: tuple[str, ...]  # ... or with a borrowed noun of action ("rehabilitasi")
    field_nouns: Phrases            # ... or with one of these nouns of work ("riset", "magang")
    aim_verbs: Phrases              # a verb an aim may put before its field ("memperkuat X")
    general: Phrases                # what a general aim is about
    vague: Phrases                  # what names nothing in particular ("berbagai")
    not_field_labels: frozenset     # what names who or where
    not_field_words: Phrases
    counted: frozenset              # what a count announces ("tiga hal", "beberapa poin")
    qualifiers: frozenset           # ... and the word that may follow it ("tiga hal pokok")
    clause_reach: int               # how far into a clause its verb stands (its subject before it)
    action_prefixes: tuple[str, ...]    # an undertaking opens with an active verb ("membangun")
    outcomes: Phrases               # ... that is no outcome ("mendapatkan", "memperoleh")


@lru_cache(maxsize=1)
def words() -> ListWords:
    """The words of patterns/lists.yml (and the quantity words of calendar.yml)."""
    data, calendar = load("lists.yml"), load("calendar.yml")
    conn, fields = data["connectives"], data["fields"]
    return ListWords(
        lead=Phrases(conn["lead"]), trail=frozenset(conn["trail"]), separators=frozenset(conn["separators"]),
        conjunctions=frozenset(conn["and"]), last=frozenset(conn["last"]), introducers=Phrases(conn["introducers"]),
        numbers=dict(data["numbers"]), quantities=frozenset(calendar["quantity_words"]),
        function_words=frozenset(data["function_words"]), list_heads=frozenset(data["list_heads"]),
        elaborations=frozenset(data["elaborations"]),
        field_heads=Phrases(data["field_heads"]), names=frozenset(data["names"]["labels"]),
        nominal_prefixes=tuple(fields["nominal"]["prefixes"]), nominal_suffixes=tuple(fields["nominal"]["suffixes"]),
        borrowed_suffixes=tuple(fields["borrowed"]["suffixes"]), field_nouns=Phrases(fields["nouns"]),
        aim_verbs=Phrases(fields["aim_verbs"]),
        general=Phrases(fields["general"]), vague=Phrases(fields["vague"]), not_field_labels=frozenset(fields["not_fields"].get("labels") or ()),
        not_field_words=Phrases(fields["not_fields"].get("words")),
        counted=frozenset(data["announced"]["nouns"]), qualifiers=frozenset(data["announced"]["qualifiers"]),
        clause_reach=int(data["undertakings"]["clause_reach"]), action_prefixes=tuple(data["undertakings"]["prefixes"]),
        outcomes=Phrases(data["undertakings"]["outcomes"]))


def skip(tk: Tokens, i: int, end: int, options: Phrases) -> int:
    """Past OPTIONS and marks (":", ";", ",") from token i."""
    while i < end:
        n = tk.phrase(i, options)
        if n:
            i += n
        elif tk.text[i] in _MARKS or tk.text[i].isspace():
            i += 1
        else:
            break
    return i


def count(tk: Tokens, w: ListWords, i: int, end: int) -> tuple[int, int | None]:
    """ "5 hal, yaitu:", "enam kegiatan pokok yakni": where the list starts after a count, and
    the count (None when the words do not say)."""
    word = tk.lower[i] if i < end else ""
    if not (word.isdigit() or word in w.quantities or word in w.numbers):
        return i, None
    for j in range(i + 1, min(end, i + 6)):
        n = tk.phrase(j, w.introducers)
        if n:
            return j + n, int(word) if word.isdigit() else w.numbers.get(word)
    return i, None


# --- numbered items -------------------------------------------------------------------------

def _marker(tk: Tokens, i: int) -> tuple[str, int, int] | None:
    """A list number or a bullet opening a line at token i: (its label, the char where its item
    starts, the item's first token)."""
    n, text = len(tk), tk.text[i]
    if text in BULLETS:
        return (BULLET, tk.at(i + 1), i + 1) if i == 0 or tk.newline_before(i) else None
    if text == "(" and i + 2 < n and _NUMBER.fullmatch(tk.text[i + 1]) and tk.text[i + 2] == ")":
        return tk.text[i + 1], tk.at(i + 3), i + 3
    if _NUMBER.fullmatch(text) and i + 1 < n and tk.text[i + 1] in {")", "."}:
        j = i + 1
        while j < n and tk.text[j] in {")", "."}:
            j += 1
        return text, tk.at(j), j
    m = _MARKER.match(text)
    if m and m.end() < len(text):   # glued to its item: "3).Pendampingan"
        return (m.group(1), tk.idx[i] + m.end(), i) if text[m.end()].isalpha() else None
    return (m.group(1), tk.at(i + 1), i + 1) if m else None


def _opens_item(tk: Tokens, w: ListWords, i: int) -> bool:
    """A number opens an item at a line's start or after what ends the previous item."""
    j = i - 1
    while j >= 0 and tk.text[j].isspace():
        j -= 1
    return j < 0 or tk.newline_before(i) or tk.text[j] in {";", ",", ":", ".", ")"} or tk.lower[j] in w.last


def _next_label(label: str) -> str:
    return label if label == BULLET else str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)


def numbered(tk: Tokens, w: ListWords, start: int) -> list[tuple[int, int, int]] | None:
    """Items numbered 1, 2, 3 ... (or a, b, c, or bulleted lines) from token START, across
    lines: for each, its first token, the character where its text starts, and its end token.
    None: no such list."""
    first = _marker(tk, start)
    if first is None or first[0] not in {"1", "a", BULLET}:
        return None
    marks = [(start, first)]
    i = first[2] + 1
    while i < len(tk) and i - marks[-1][1][2] < 120:
        m = _marker(tk, i) if _opens_item(tk, w, i) else None
        if m and m[0] == _next_label(marks[-1][1][0]):
            marks.append((i, m))
            i = m[2] + 1
        else:
            i += 1
    if len(marks) < 2:
        return None
    items = []
    for k, (_, (_, begin, first_token)) in enumerate(marks):
        # the last item ends with its sentence
        end = marks[k + 1][0] if k + 1 < len(marks) else tk.doc[min(first_token, len(tk) - 1)].sent.end
        items.append((first_token, begin, end))
    return items


# --- items of a running list ----------------------------------------------------------------------

@dataclass
class Piece:
    start: int   # token indices [start, end)
    end: int
    sep: str     # what came before it: "", ",", ";", LINE, WORD or LAST


def pieces(tk: Tokens, w: ListWords, start: int, end: int) -> list[Piece]:
    """The window cut at commas, semicolons, line breaks and separating words, outside brackets."""
    out, depth, begin, sep = [], 0, start, ""
    for i in range(start, end):
        word = tk.text[i]
        depth = max(depth + _BRACKETS.get(word, 0), 0)
        if depth:
            continue
        cut = word if word in {",", ";"} else WORD if tk.lower[i] in w.separators \
            else LINE if i > begin and tk.newline_before(i) else None
        if cut == LINE:
            out.append(Piece(begin, i, sep))
            begin, sep = i, LINE
        elif cut is not None:
            if i > begin:
                out.append(Piece(begin, i, sep))
                sep = cut
            elif cut == WORD or (cut == ";" and sep == ","):
                sep = cut
            begin = i + 1
    if begin < end:
        out.append(Piece(begin, end, sep))
    for p in out:  # ", dan X": the conjunction before a list's last item
        if p.sep == "," and tk.lower[p.start] in w.last and tk.text[p.start + 1:p.start + 2] != ["/"]:
            p.sep = LAST
    return [p for p in out if p.end > p.start]


def _inner_and(tk: Tokens, w: ListWords, p: Piece) -> int | None:
    """The last "dan" inside a piece, outside brackets and not in "dan/atau"."""
    depth, found = 0, None
    for i in range(p.start + 1, p.end - 1):
        depth = max(depth + _BRACKETS.get(tk.text[i], 0), 0)
        if depth == 0 and tk.lower[i] in w.conjunctions and "/" not in (tk.text[i - 1], tk.text[i + 1]):
            found = i
    return found


def _size(tk: Tokens, w: ListWords, p: Piece) -> int:
    """The content words of a piece, without connectives and function words."""
    start, end = trim(tk, w, p.start, p.end)
    return sum(1 for i in range(start, end) if tk.text[i][:1].isalnum() and tk.lower[i] not in w.function_words)


def structure(tk: Tokens, w: ListWords, found: list[Piece], announced: int | None = None) -> list[Piece]:
    """Which pieces are items.

    A list has a conjunction before its last item: without one, only the first piece is an
    item (what follows a comma is the sentence going on). "A, B dan C" gives C its own item,
    unless the list puts a comma before its conjunctions ("A, B dan C, serta D": "B dan C" is
    one item) or announced as many items as there are pieces. Inside a list joined by "serta",
    "A, B, dan C X" is one item when A and B are bare heads of C's complement ("penyuluhan,
    pembinaan, dan pendampingan Program X"). "bidang A, termasuk B, bidang C" keeps B with A.
    """
    found = _elaborated(tk, w, found)
    if len(found) < 2:
        return found
    closed = any(p.sep in {LAST, WORD, ";", LINE} for p in found[1:]) or _inner_and(tk, w, found[-1]) is not None
    if not closed:
        return found[:1]
    serial = any(tk.text[i] == "," and tk.lower[i + 1] in w.last for i in range(found[0].start, found[-1].end - 1))
    segments: list[list[Piece]] = [[]]
    for p in found:
        if p.sep in {WORD, ";"} and segments[-1]:
            segments.append([])
        segments[-1].append(p)
    out: list[Piece] = []
    for seg in segments:
        k = 0
        while k < len(seg):
            j = next((m for m in range(k + 1, len(seg)) if seg[m].sep == LAST), None)
            if len(segments) > 1 and j is not None and _size(tk, w, seg[j]) >= 3 \
                    and all(_size(tk, w, seg[m]) <= 2 for m in range(k, j)):
                out.append(Piece(seg[k].start, seg[j].end, seg[k].sep))
                k = j + 1
                continue
            out.append(seg[k])
            k += 1
        last = out[-1]
        split = _inner_and(tk, w, last) if len(seg) > 1 and not serial and last.sep in {",", LINE} else None
        if split is not None and (announced is None or announced > len(found)):
            out[-1:] = [Piece(last.start, split, last.sep), Piece(split + 1, last.end, LAST)]
    return _under_heads(tk, w, out)


def _elaborated(tk: Tokens, w: ListWords, found: list[Piece]) -> list[Piece]:
    """ "A, termasuk B, C, dan D": an elaboration right after the first piece, and the pieces
    after it, belong to A (the list ends with the elaboration's own list). After two items or
    more the word introduces the last one ("A, B, termasuk C"); a list whose items share a head
    is left to `_under_heads` ("bidang A, termasuk B, bidang C")."""
    if len(found) < 2 or tk.lower[found[0].start] in w.list_heads:
        return found
    if found[1].sep in {",", LAST} and tk.lower[found[1].start] in w.elaborations:
        return [Piece(found[0].start, found[-1].end, found[0].sep)]
    return found


def _under_heads(tk: Tokens, w: ListWords, items: list[Piece]) -> list[Piece]:
    head = tk.lower[items[0].start]
    if head not in w.list_heads or sum(tk.lower[p.start] == head for p in items) < 2:
        return items
    merged: list[Piece] = []
    for p in items:
        if merged and tk.lower[p.start] != head:
            merged[-1] = Piece(merged[-1].start, p.end, merged[-1].sep)
        else:
            merged.append(p)
    return merged


def shared_head(tk: Tokens, w: ListWords, items: list[Piece]) -> list[Piece]:
    """ "kerja sama pendidikan, penelitian, dan pengabdian": the head is shared, not the first item's."""
    n = tk.phrase(items[0].start, w.field_heads) if len(items) > 1 else 0
    if n and tk.text[items[0].start][:1].islower() and items[0].start + n < items[0].end:
        items = [Piece(items[0].start + n, items[0].end, "")] + items[1:]
    return items


def trim(tk: Tokens, w: ListWords, start: int, end: int) -> tuple[int, int]:
    """Token range of an item without the connectives and marks around it."""
    while start < end:
        n = tk.phrase(start, w.lead)
        if n:   # a piece that is nothing but a connective ("pertama, pertukaran data") is no item
            start += n
        elif tk.text[start] in _MARKS or tk.text[start] == ")" or tk.text[start].isspace():
            start += 1
        else:
            break
    while end > start and (tk.text[end - 1] in _MARKS or tk.text[end - 1].isspace() or tk.lower[end - 1] in w.trail):
        end -= 1
    return start, end


def span(tk: Tokens, w: ListWords, start: int, end: int, begin: int | None = None) -> tuple[int, int] | None:
    """Character span of the item in tokens [start, end), trimmed (BEGIN: where a number glued
    to it ends); None when nothing worth an item is left."""
    start, end = trim(tk, w, start, end)
    if end <= start:
        return None
    a = tk.idx[start] if begin is None else max(begin, tk.idx[start])
    b = tk.idx[end - 1] + len(tk.text[end - 1])
    text = tk.string[a:b]
    return (a, b) if len(text) >= 3 and any(c.isalpha() for c in text) else None


def read(tk: Tokens, w: ListWords, start: int, end: int, announced: int | None = None,
         accept=None, fields: bool = False, verb_shared: bool = False) -> list[tuple[int, int]]:
    """Character spans of the items of the running list in tokens [start, end). ACCEPT, if
    given, says which pieces may be items; when the first may not, none may (its list belongs
    to what the first piece is: "meningkatkan kualitas, kesetaraan dan ..."). FIELDS: each item
    is the field it names, without the verb of aim before it. VERB_SHARED: when only the first
    piece opens with the verb ACCEPT asks for, the verb is the whole list's."""
    found = shared_head(tk, w, structure(tk, w, pieces(tk, w, start, end), announced))
    if verb_shared and len(found) > 1 and accept(found[0]) and not any(accept(p) for p in found[1:]):
        # "akan melayani A, B, serta C": one verb governs the list; the items are what it acts on
        first = trim(tk, w, found[0].start, found[0].end)[0] + 1
        found, accept = [Piece(first, found[0].end, found[0].sep)] + found[1:], None
    if accept is not None:
        found = [p for p in found if accept(p)] if found and accept(found[0]) else []
    if fields:
        heads = [_head(tk, w, *trim(tk, w, p.start, p.end)) for p in found]
        # a verb of aim before a field is the aim's wording when the list goes on with fields
        # named as such ("memperkuat X, pemberdayaan Y, dan pendidikan Z"); alone it states a
        # purpose ("dimaksudkan untuk memperkuat bantuan hukum")
        bare = [h == trim(tk, w, p.start, p.end)[0] for h, p in zip(heads, found)]
        if found and not bare[0] and not any(bare[1:]):
            found = []
        found = [Piece(h, p.end, p.sep) for h, p in zip(heads, found)]
    return [s for s in (span(tk, w, p.start, p.end) for p in found) if s]


# --- the readers slot rules call ----------------------------------------------------------------

def _name_ends(tk: Tokens, w: ListWords, i: int) -> bool:
    return bool(tk.labels[i] & w.names)


def _name_starts(tk: Tokens, w: ListWords, i: int) -> bool:
    return any((label, i) in tk.spans for label in w.names)


def _head(tk: Tokens, w: ListWords, start: int, end: int) -> int:
    """Where the noun phrase of an item begins: past a verb of aim ("memperkuat rehabilitasi
    mangrove": the field is what the verb works on) when at least two words follow it."""
    n = tk.phrase(start, w.aim_verbs)
    return start + n if n and end - (start + n) >= 2 and tk.text[start + n][:1].isalpha() else start


def _field_noun(tk: Tokens, w: ListWords, i: int) -> bool:
    """A noun that names work: made from a verb (pe-...-an, ke-...-an), a borrowed noun of
    action (-asi, -isasi: "rehabilitasi", "sosialisasi") or one of the nouns of work."""
    word = tk.lower[i]
    if tk.phrase(i, w.field_nouns):
        return True
    if len(word) <= 5:
        return False
    return (word.startswith(w.nominal_prefixes) and word.endswith(w.nominal_suffixes)) or word.endswith(w.borrowed_suffixes)


def _general(tk: Tokens, w: ListWords, start: int, end: int) -> bool:
    """A general aim: its head or the word after it is what general aims are about
    ("peningkatan kualitas ...", "sinergi ...")."""
    return any(tk.phrase(i, w.general) for i in range(start, min(end, start + 2)))


def _named(tk: Tokens, w: ListWords, i: int) -> bool:
    return bool(tk.labels[i] & w.not_field_labels) or bool(w.not_field_words.ending(tk.lower, i))


def is_field(tk: Tokens, w: ListWords, piece: Piece) -> bool:
    """An item names a field of work when its head (past a verb of aim) is a noun of work
    ("pengembangan", "sosialisasi", "rehabilitasi", "riset"), not a name or an entity
    ("perusahaan", "organisasi"), and neither its head nor the word after it is a general
    aim's ("peningkatan kualitas", "penguatan sinergi")."""
    start, end = trim(tk, w, piece.start, piece.end)
    if end <= start:
        return False
    start = _head(tk, w, start, end)
    return _field_noun(tk, w, start) and not _named(tk, w, start) and not _general(tk, w, start, end)


def is_concrete(tk: Tokens, w: ListWords, piece: Piece) -> bool:
    """An item names something concrete (the means an aim lists: "kartu santri", "pelatihan
    kader"): a word, not a name or an entity, nothing vague ("berbagai program"), and not what
    general aims are about."""
    start, end = trim(tk, w, piece.start, piece.end)
    if tk.lower[start] in w.quantities and end - start >= 2 and tk.lower[start + 1] in w.counted \
            and (end - start == 2 or (end - start == 3 and tk.lower[start + 2] in w.qualifiers)):
        return True   # "mengatur beberapa hal": a count the next sentences may give one by one (mouextract/scope.py)
    if end <= start or not tk.text[start][:1].isalpha() or tk.phrase(start, w.vague):
        return False
    return not _named(tk, w, start) and not _general(tk, w, start, end)


def _action_verb(tk: Tokens, w: ListWords, i: int) -> bool:
    """Token i is an active verb (meN-) that is no outcome ("mendapatkan") nor a word in me- that
    is no verb ("mereka", "melalui")."""
    return tk.lower[i].startswith(w.action_prefixes) and not tk.phrase(i, w.outcomes)


def is_action(tk: Tokens, w: ListWords, piece: Piece) -> bool:
    """An item states what a party undertakes to do ("menyusun rencana induk", "membangun dua
    unit rumah pengering"): it opens with an active verb that is no outcome ("mendapatkan
    layanan") and names something concrete (not "meningkatkan kualitas ..."), not a body or a
    person it acts for ("membantu Pemkab X dalam ...": what it helps with is the scope)."""
    start, end = trim(tk, w, piece.start, piece.end)
    if end - start < 2 or not _action_verb(tk, w, start) or _named(tk, w, start + 1):
        return False
    return is_concrete(tk, w, piece)


def is_clause(tk: Tokens, w: ListWords, piece: Piece) -> bool:
    """An item is a clause stating what a party does under the agreement ("pemkab menanggung
    iuran ...", "BPD Bali menyalurkan kredit ..."): an active verb that is no outcome within its
    first words (a subject of a few words before it), and no general aim after the verb."""
    start, end = trim(tk, w, piece.start, piece.end)
    for k in range(start, min(end - 1, start + w.clause_reach)):
        if _action_verb(tk, w, k):
            return not _general(tk, w, k + 1, end) and not _named(tk, w, k + 1) and not tk.phrase(k + 1, w.vague)
    return False


# what `require:` asks of every item a rule reads
_REQUIRE = {"field": is_field, "concrete": is_concrete, "action": is_action, "clause": is_clause}   # not-linguistic: names of the tests


def _items(slot: Slot, subject: bool) -> list[tuple[int, int]]:
    """The items from where SLOT opens: past a count and its introducer, on the next line when
    the cue ends its line ("yaitu:"), past the name of an instrument; a numbered list, or the
    running list up to the rule's stops. With `require: field`, only items that name a field."""
    tk, w, sents = slot.tokens, words(), slot.tokens.sents
    si = slot.sentence
    end = sents[si][1]
    start = skip(tk, slot.start, end, slot.rule.skip)
    start, announced = count(tk, w, start, end)
    start = skip(tk, start, end, w.introducers)
    if start >= end and si + 1 < len(sents):   # "... yaitu:" ends a line: the list is below
        si, start = si + 1, sents[si + 1][0]
        end = sents[si][1]
    if start >= len(tk):
        return []
    rest = start   # past the name of an instrument, to its subject
    while rest < end and _name_ends(tk, w, rest):
        rest += 1
    start = rest if rest < end and tk.text[rest][:1].isalpha() else start
    found = numbered(tk, w, start)
    if found and _name_starts(tk, w, found[0][0]):
        return []   # a list of instruments ("1. Nota Kesepahaman tentang X ..."): each gives its own subject
    if found:
        return [s for s in (span(tk, w, a, b, begin) for a, begin, b in found) if s]
    stop = slot.end(si, start)
    required = slot.options.get("require")
    if required is not None and required not in _REQUIRE:
        raise ValueError(f"{slot.rule.id}: require must be one of {sorted(_REQUIRE)}, not {required!r}")
    test = _REQUIRE.get(required)
    accept = (lambda p: test(tk, w, p)) if test else None
    if subject and tk.text[start][:1].isupper() and (tk.phrase(start, w.field_heads) or _title_case(tk, w, start, stop)):
        # "Kerja Sama Hidrologi, Oseanografi, dan Kebencanaan", "Pemanfaatan Informasi Meteorologi,
        # Klimatologi, dan Geofisika untuk Mendukung Pertanian": a title, one item
        whole = span(tk, w, start, stop)
        return [whole] if whole and (accept is None or accept(Piece(start, stop, ""))) else []
    return read(tk, w, start, stop, announced, accept, fields=required == "field", verb_shared=required == "action")


def _title_case(tk: Tokens, w: ListWords, start: int, stop: int) -> bool:
    """A subject written as a title: its commas inside, every word but the function words
    capitalised, past the sentence's first word ("tentang Pemanfaatan Informasi Meteorologi,
    Klimatologi, dan Geofisika"). An ordinary list is written in lower case."""
    words_ = [tk.text[k] for k in range(start, stop) if tk.text[k][:1].isalpha()]
    commas = sum(tk.text[k] == "," for k in range(start, stop))
    return commas >= 1 and len(words_) >= 4 and start > tk.sents[tk.sentence_of(start)][0] \
        and all(t[:1].isupper() or t.lower() in w.function_words for t in words_)


@reader("list")
def read_list(slot: Slot) -> list[tuple[int, int]]:
    """The items of the list that opens the slot."""
    return _items(slot, subject=False)


@reader("subject")
def read_subject(slot: Slot) -> list[tuple[int, int]]:
    """The subject that opens the slot (one item, a list of them, or a title in capitals)."""
    return _items(slot, subject=True)
