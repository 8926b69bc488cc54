"""`mou_venues`: the venues an article names, as `doc.spans["venues"]`.

A venue is a building, room, compound or address: a head from patterns/venues.yml with the
name that follows it ("Aula Tribrata Mapolda X", "Ruang Rapat Wali Kota, Balaikota Y", "ruang
rapat Rektorat Universitas Z Jalan Kapten A No. 3", "kantor Kejari X, komplek perkantoran Y"),
a name in English order ("X Convention Center"), or a name followed by its street address
("Sentosa IT, jalan Melati no. 12"). Parts joined by commas are one venue while each is a
venue, an address, or a district named before the town.

Each span carries `span._.place`, a `Place`: the town the phrase puts the venue in (a town at
the end of the name, "Graha Bhakti Purwokerto"; one the name is bound to, "Mapolres Ternate",
"KBRI Beijing"; or one after a comma, "Hotel Mawar, Samarinda"), the province it names and
whether it is abroad. This module reads the Doc's tokens and `doc.spans["regions"]` (so
`mou_regions` runs first); `place_after` reads the same way what follows a bare region.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import IS_PUNCT
from spacy.language import Language
from spacy.tokens import Doc, Span

from mouextract import gazetteer
from mouextract.gazetteer import Region
from mouextract.nlp import rule_spans, sentence_bounds, token_lowers, token_spaces, token_texts
from mouextract.patterns import load as load_data
from mouextract.person_words import WEEKDAYS_MONTHS, numbered_unit
from mouextract.reading.regions import GROUP as REGIONS
from mouextract.reading.regions import is_municipal as _is_municipal

GROUP = "venues"
RULES = "rules"          # the span ruler's group (mouextract/nlp.py)
TITLE_LABEL = "TITLE"    # patterns/titles.yml
MAX_NAME_TOKENS = 25   # a venue's name with its address; longer runs are prose
MAX_BRACKET_TOKENS = 10
MAX_UNKNOWN_PART = 4   # a district named before the town ("Teladan", "Kebayoran Baru")


@dataclass(frozen=True)
class Place:
    """What a place phrase says besides its venue."""
    town: Span | None = None        # the kabupaten, kota, town or foreign city it names
    region: Region | None = None    # the official region of the town (a district's, in Jakarta)
    province: Region | None = None
    foreign: bool = False
    town_in_venue: bool = False     # the town is part of the venue's name ("Balaikota Semarang")
    named: bool = True              # the venue has a name; False: only its kind ("aula madrasah")


if not Span.has_extension("place"):
    Span.set_extension("place", default=None)


def _phrases(words) -> dict[str, list[tuple[str, ...]]]:
    """first word -> the phrases (lower-case word tuples) it opens, longest first."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for w in words:
        parts = tuple(str(w).lower().split())
        table.setdefault(parts[0], []).append(parts)
    for options in table.values():
        options.sort(key=len, reverse=True)
    return table


@dataclass(frozen=True)
class _Cues:
    heads: dict
    final_heads: dict
    address: frozenset
    numbered: frozenset
    modifiers: frozenset
    place_nouns: dict
    demonstratives: frozenset
    connectors: frozenset
    head_connectors: frozenset
    institution: frozenset
    stop: frozenset
    type_words: frozenset


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    data = load_data("venues.yml")
    weekdays = [w for spellings in load_data("calendar.yml")["weekdays"].values() for w in spellings]
    lower = lambda key: frozenset(str(w).lower() for w in data[key])  # noqa: E731
    type_words = {w.split()[0].lower() for words in load_data("regions.yml")["type_words"].values() for w in words}
    return _Cues(
        heads=_phrases(data["venue_heads"] + data["address_heads"]),
        final_heads=_phrases(data["final_heads"]),
        address=lower("address_heads"),
        numbered=lower("numbered"),
        modifiers=lower("head_modifiers"),
        place_nouns=_phrases(data["place_nouns"]),
        demonstratives=lower("demonstratives"),
        connectors=lower("name_connectors"),
        head_connectors=lower("head_connectors"),
        institution=lower("institution_words") | {w for h in data["venue_heads"] for w in str(h).lower().split()},
        stop=lower("stop_words") | frozenset(w.lower() for w in weekdays),
        type_words=frozenset(type_words),
    )


class Tokens:
    """What the readers ask of each token, read once per Doc into plain lists (a spaCy Token
    object per question would cost more than the reading)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = token_texts(doc)
        self.lower = token_lowers(doc)
        self.bare = [w.rstrip(".") for w in self.lower]
        self.caps = [w[:1].isupper() for w in self.text]
        self.space = token_spaces(doc)
        self.punct = doc.to_array(IS_PUNCT).astype(bool).tolist()
        self.sent_start = [False] * len(doc)
        self.sent_end = [0] * len(doc)
        self.sents: list[tuple[int, int]] = []
        for start, end in sentence_bounds(doc) if doc.has_annotation("SENT_START") else [(0, len(doc))]:
            self.sents.append((start, end))
            self.sent_start[start] = True
            self.sent_end[start:end] = [end] * (end - start)


_last: tuple[Doc, Tokens] | None = None


def tokens(doc: Doc) -> Tokens:
    """The token table of `doc`, kept for the last Doc read (the venue reader and the places
    stage read the same article one after the other)."""
    global _last
    if _last is None or _last[0] is not doc:
        _last = (doc, Tokens(doc))
    return _last[1]


def phrase_at(bare: list[str], i: int, table: dict, limit: int) -> int:
    """Number of tokens of the longest phrase of `table` that starts at token i (0: none)."""
    options = table.get(bare[i]) if i < limit else None
    for parts in options or ():
        n = len(parts)
        if i + n <= limit and all(bare[i + k] == parts[k] for k in range(n)):
            return n
    return 0


def _numbered(lower: str, cues: _Cues) -> tuple[bool, bool]:
    """(is a numbered word, carries its number): "No." / "Lt.8" / "no"."""
    word, _, rest = lower.partition(".")
    if word in cues.numbered:
        return True, rest.isdigit()
    return False, False


class _Reader:
    """Reads venue and place phrases over one Doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.t = tokens(doc)
        self.cues = _cues()
        self.regions_at = {s.start: s for s in doc.spans.get(REGIONS, [])}
        # the ruler's titles as nlp sorted them by label once per Doc (a pass over the whole group builds a Span per span)
        self.in_title = {k for s in rule_spans(doc, TITLE_LABEL) for k in range(s.start, s.end)}
        self.sent_end = self.t.sent_end

    # -- a venue's name ----------------------------------------------------------------------
    def read_name(self, j: int, limit: int) -> int:
        """The end of the name that starts at token j: capitalised words, region names, lower-case
        modifiers right after a head, connectors, a bracketed acronym, numbers after "No."/"Lt."."""
        cues = self.cues
        end = k = j
        after_head = True
        expect_number = in_address = False
        while k < limit and k - j < MAX_NAME_TOKENS:
            t = self.t
            low = t.bare[k]
            region = self.regions_at.get(k)
            if region is not None and region.end <= limit:
                k = end = region.end
                after_head = False
                continue
            if t.space[k] or low in cues.stop:
                break
            if k in self.in_title and k > j:
                k = end = k + 1   # "Ruang Rapat Wali kota": an office inside the name
                after_head = False
                continue
            numbered, glued = _numbered(t.lower[k], cues)
            if numbered:
                k = end = k + 1
                expect_number = not glued
                continue
            n = phrase_at(self.t.bare, k, cues.heads, limit)
            if n:
                in_address = in_address or low in cues.address
                k = end = k + n
                after_head = True
                continue
            unit = numbered_unit(self.doc, k, limit) if t.text[k][:1].isdigit() else k
            if unit > k:
                k = end = unit   # "Makodim 1707/Merauke": a unit's number and place
                after_head = False
                continue
            if t.text[k][:1].isdigit():
                if not (expect_number or in_address or self._numbered_name(k, j, limit)):
                    break
                k = end = k + 1
                expect_number = False
                continue
            if t.text[k] == "(":
                close = self._bracket_end(k, limit)
                if close is None:
                    break
                k = end = close
                continue
            if low in cues.connectors and (end > j or (after_head and low in cues.head_connectors)) \
                    and k + 1 < limit and self.t.caps[k + 1] \
                    and self.t.bare[k + 1] not in cues.stop:
                k += 1
                continue
            if t.text[k] == "-" and end == k and k + 1 < limit and t.caps[k + 1] and not t.space[k + 1] \
                    and not self.doc[k - 1].whitespace_ and not self.doc[k].whitespace_:
                k += 1   # "Shangri-La", "Al-Ikhlas": a hyphen inside a name
                continue
            if t.punct[k]:
                break
            if t.caps[k]:
                k = end = k + 1
                after_head = False
                continue
            if after_head and low in cues.modifiers:
                k = end = k + 1
                continue
            n = phrase_at(self.t.bare, k, cues.place_nouns, limit) if after_head else 0
            if n:   # "aula madrasah", "ruang rapat kantor desa"
                k = end = k + n
                continue
            if low in cues.demonstratives and k + 1 < limit and self.t.bare[k + 1] in cues.address:
                k = end = k + 1
                continue
            break
        return end

    def _numbered_name(self, k: int, j: int, limit: int) -> bool:
        """A short number between two capitalised words of the name ("Kantor Daop 8 Surabaya",
        "Aula SMA Negeri 3 Kupang"), not a day before its month ("Hotel Mawar 12 Maret")."""
        t = self.t
        return (k > j and len(t.text[k]) <= 3 and t.text[k].isdigit() and t.caps[k - 1] and not t.space[k - 1]
                and k + 1 < limit and t.caps[k + 1] and t.lower[k + 1] not in WEEKDAYS_MONTHS)

    def _bracket_end(self, k: int, limit: int) -> int | None:
        """The end of "(Gedung Rektorat)" / "(UNS)" at token k: capitalised words, no digits."""
        for c in range(k + 1, min(limit, k + MAX_BRACKET_TOKENS)):
            if self.t.text[c] == ")":
                inner = "".join(self.t.text[k + 1:c])
                if c > k + 1 and self.t.caps[k + 1] and not any(ch.isdigit() for ch in inner):
                    return c + 1
                return None
        return None

    # -- where a venue starts ----------------------------------------------------------------
    def _inside_a_name(self, i: int) -> bool:
        """A capitalised head right after a capitalised word is part of that name ("Kepala Kantor
        Wilayah"), unless that word opens the sentence ("Bertempat Aula X")."""
        if i == 0 or not self.t.caps[i]:
            return False
        t = self.t
        return t.caps[i - 1] and not t.sent_start[i - 1] and not t.punct[i - 1]

    def venue_at(self, i: int) -> tuple[int, int, int] | None:
        """(start, end of the head, end of the name) of a venue starting at token i, or None."""
        cues = self.cues
        limit = self.sent_end[i]
        n = phrase_at(self.t.bare, i, cues.heads, limit)
        if n and not self._inside_a_name(i):
            end = self.read_name(i + n, limit)
            # a head alone or with lower-case words is a common noun ("di ruang publik"), unless
            # they name a kind of institution ("di aula madrasah", "di kantor desa")
            named = any(self.t.caps[i + 1:end])
            kind = not named and self.t.bare[i] not in cues.address and self._names_a_kind(i + n, end)
            return (i, i + n, end) if named or kind else None
        if not self.t.caps[i] or self._inside_a_name(i):
            return None
        run = self._capitalised_run(i, limit)
        # "Jakarta Convention Centre", "Westin Hotel Nusa Dua": the head after the name
        for k in range(i + 1, run):
            m = phrase_at(self.t.bare, k, cues.final_heads, limit)
            if m:
                return i, i, self.read_name(k + m, limit)
        # "Sentosa IT, jalan Melati no. 12": a name followed by its address
        if run < limit and self.t.text[run] == "," and run + 1 < limit and self.t.bare[run + 1] in cues.address \
                and i not in self.regions_at:
            return i, i, run
        return None

    def _names_a_kind(self, start: int, end: int) -> bool:
        nouns = self.cues.place_nouns
        return any(phrase_at(self.t.bare, k, nouns, end) for k in range(start, end))

    def _capitalised_run(self, i: int, limit: int) -> int:
        k = i
        while k < limit and k - i < MAX_UNKNOWN_PART + 2 and self.t.caps[k] \
                and self.t.bare[k] not in self.cues.stop:
            k += 1
        return k

    # -- the whole phrase ----------------------------------------------------------------------
    def read_venue(self, i: int) -> tuple[Span, int] | None:
        """The venue span at token i (with its Place) and the end of the phrase it heads."""
        found = self.venue_at(i)
        if found is None:
            return None
        start, head_end, end = found
        after = self._after(end, self.sent_end[i], allow_venue_parts=True)
        venue_end = max(end, after.venue_end)
        town, region, province, town_in_venue = self._town_in_name(start, head_end, venue_end)
        if after.town is not None:
            town, region, town_in_venue = after.town, after.region, False
        elif town is not None and not town_in_venue:
            venue_end = town.start   # "Graha Bhakti Purwokerto": the town is not the venue's
        while venue_end > start and self.t.text[venue_end - 1] in ",-":
            venue_end -= 1
        if after.town is not None and after.region is not None:
            # a province inside the name ("kantor cabang Bank Sentosa Jateng, Jakarta") is part of
            # an institution's name; the town written after the venue says where it stands
            province = gazetteer.province_of(after.region)
        place = Place(town=town, region=region,
                      province=after.province or province or gazetteer.province_of(region),
                      foreign=after.foreign or (town is not None and town._.region is None),
                      town_in_venue=town_in_venue, named=any(self.t.caps[start:venue_end]))
        span = Span(self.doc, start, venue_end, label="VENUE")
        span._.place = place
        return span, max(after.end, end, venue_end)

    def _town_in_name(self, start: int, head_end: int, end: int):
        """(town, region, province, town is part of the name) from the region names inside."""
        cues = self.cues
        inside = [s for s in self.regions_at.values() if start <= s.start and s.end <= end]
        inside.sort(key=lambda s: s.start)
        province = None
        for s in inside:
            if s._.region is not None and s._.region.kind == "provinsi" and not gazetteer.is_municipal(s._.region):
                province = s._.region
        # "Makodim 0314/Inhil": the area a numbered unit commands is its name, not where it stands
        municipal = [s for s in inside if _is_municipal(s) and not (s.start > 0 and self.t.text[s.start - 1] == "/")]
        if not municipal:
            return None, None, province, False
        last = municipal[-1]
        if last.end == end:
            t, b = self.t, last.start - 1
            bound = (last.start <= start or last.start <= head_end
                     or t.bare[last.start] in cues.type_words
                     or t.bare[b] in cues.institution or t.text[b] == ")"
                     or not any(t.caps[head_end:last.start]))
            return last, last._.region, province, bound
        return last, last._.region, province, True

    @dataclass
    class _After:
        end: int
        venue_end: int = 0
        town: Span | None = None
        region: Region | None = None
        province: Region | None = None
        foreign: bool = False

    def _after(self, k: int, limit: int, *, allow_venue_parts: bool) -> "_Reader._After":
        """What follows a venue or a region after commas: more parts of the venue, the town,
        the province, the country ("..., Jl. X, Teladan, Medan, Sumatera Utara")."""
        doc, cues = self.doc, self.cues
        out = _Reader._After(end=k, venue_end=k)
        districts: list[Span] = []
        while k + 1 < limit and self.t.text[k] == ",":
            j = k + 1
            region = self.regions_at.get(j)
            if region is not None and region.end <= limit:
                e = region.end
                if e < limit and self.t.caps[e] and e not in self.regions_at and self.t.bare[e] not in cues.stop:
                    if not (allow_venue_parts and out.town is None):
                        break
                    k = out.venue_end = out.end = self.read_name(j, limit)   # "Batam Center"
                    continue
                if region.label_ == "country":
                    out.foreign = True
                    out.end = region.end
                    break
                if _is_municipal(region):
                    if out.town is not None:
                        break
                    nxt = self.regions_at.get(region.end + 1)
                    if allow_venue_parts and region.label_ == "town" and region.end < limit \
                            and self.t.text[region.end] == "," and nxt is not None and _is_municipal(nxt):
                        districts.append(region)          # "Cilangkap, Jakarta": the district is part of the venue
                        k = out.venue_end = out.end = region.end
                        continue
                    out.town, out.region = region, region._.region
                    k = out.end = region.end
                    continue
                if out.province is None:
                    out.province = region._.region
                k = out.end = region.end
                continue
            if out.town is not None or not allow_venue_parts:
                break
            if phrase_at(self.t.bare, j, cues.heads, limit):
                k = out.venue_end = out.end = self.read_name(j + phrase_at(self.t.bare, j, cues.heads, limit), limit)
                continue
            run = self._capitalised_run(j, limit)
            if run == j or run - j > MAX_UNKNOWN_PART or run + 1 >= limit or self.t.text[run] != ",":
                break
            nxt = self.regions_at.get(run + 1)
            if nxt is None:
                break
            if nxt.label_ == "country":          # "Canberra, Australia": a foreign city
                out.town, out.foreign, out.end = doc[j:run], True, nxt.end
                break
            k = out.venue_end = out.end = run    # "Teladan, Medan": a district of the town
        if out.town is not None and out.region is not None and out.region.code in gazetteer.city_provinces():
            finer = [d._.region for d in districts if d._.region is not None
                     and d._.region.province_code == out.region.code]
            if finer:
                out.region = finer[-1]
        return out

    def place_after(self, region: Span) -> Place:
        """What a bare region named after a cue says ("di Kabupaten Sleman, DIY", "di Canberra,
        Australia"): the town, the province, abroad or not."""
        limit = self.sent_end[region.start]
        after = self._after(region.end, limit, allow_venue_parts=False)
        if region.label_ == "country":
            return Place(foreign=True)
        if _is_municipal(region):
            return Place(town=region, region=region._.region,
                         province=after.province or gazetteer.province_of(region._.region),
                         foreign=region._.region is None or after.foreign)
        province = region._.region
        return Place(town=after.town, region=after.region, province=province, foreign=after.foreign)


def reader(doc: Doc) -> _Reader:
    return _Reader(doc)


@Language.component("mou_venues")
def mou_venues(doc: Doc) -> Doc:
    spans = []
    if len(doc):
        r = _Reader(doc)
        heads, bare, caps = r.cues.heads, r.t.bare, r.t.caps
        i = 0
        while i < len(doc):
            if not caps[i] and bare[i] not in heads:
                i += 1   # no venue starts at a lower-case word that is no head (venue_at)
                continue
            found = r.read_venue(i)
            if found is None:
                i += 1
                continue
            span, end = found
            spans.append(span)
            i = max(end, i + 1)
    doc.spans[GROUP] = spans
    return doc
