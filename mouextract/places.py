"""Where a signing took place: the venue (building or room) and the city, with its region code.

The pipeline passes the character spans of the sentences that report the signing ("anchors").
Places are looked for after the preposition "di" in those sentences first, then in the
sentences right next to them, then (venue only) in the article's lead; the dateline is the last
resort for the city (see DATELINE_FALLBACK).

A place phrase is read as comma-separated components: leading components headed by a venue word
(patterns/venues.yml) form the venue, trailing components that are regions, towns or countries
give the city and province ("di Ruang Hening Mabes TNI, Cilangkap, Jakarta, Jumat").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from mouextract import gazetteer
from mouextract.gazetteer import Mention, Region
from mouextract.patterns import load as load_data

# The dateline tells where the report was filed, which is often but not always where the
# signing was (a release datelined Tenggarong about a signing in a Balikpapan hotel). So the
# dateline city is used only when neither the signing sentences, their neighbours, nor the venue
# name a municipality, and only when it lies in the province they do name, if they name one.
DATELINE_FALLBACK = True

# Jakarta is a province with no "Kota Jakarta": written alone it is the city of the signing.
CITY_PROVINCE_CODES = frozenset({"31"})
_JAKARTA_FORMS = re.compile(r"^(?:DKI(?:\s+Jakarta)?|Jakarta(?:\s+Raya)?|Daerah Khusus(?:\s+Ibu\s*kota)?\s+Jakarta|DK Jakarta)$", re.I)

_AGREEMENT_WORD = re.compile(r"(?i)\b(?:mou|nota|kesepahaman|kesepakatan|perjanjian|kerja\s*sama|sepakat)")
_DI = re.compile(r"(?<![\w-])[Dd]i\s+")
_QUOTED = re.compile(r"[“\"][^“”\"\n]{1,800}[”\"]")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\W*$")
_ABBREVIATIONS = {"kab", "prov", "kep", "jl", "jln", "no", "st", "kec", "kel", "adm", "dr", "prof", "ir",
                  "h", "hj", "drs", "plt", "pj", "kh", "pol", "sos", "mt", "tbk", "bpk"}
_SENTENCE_END = re.compile(r"[.!?]+[\"”’)]*\s+(?=[\"“(]?[A-Z0-9])|\n+")


@dataclass
class _Cues:
    heads: tuple[str, ...]
    institution: frozenset[str]
    event_verbs: frozenset[str]
    scope_nouns: frozenset[str]
    stop_words: frozenset[str]
    after_openers: re.Pattern


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    data = load_data("venues.yml")
    heads = sorted((h.lower() for h in data["venue_heads"]), key=len, reverse=True)
    openers = "|".join(re.escape(w) for w in data["after_signing_openers"])
    return _Cues(
        heads=tuple(heads),
        institution=frozenset(w.lower() for w in data["institution_words"]),
        event_verbs=frozenset(w.lower() for w in data["event_verbs"]),
        scope_nouns=frozenset(w.lower() for w in data["scope_nouns"]),
        stop_words=frozenset(w.lower() for w in data["stop_words"]),
        after_openers=re.compile(rf"^\W*(?:{openers})\b"),
    )


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans: enough to find the neighbours of an anchor."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.group().startswith((".",)) and "\n" not in m.group():
            word = _LAST_WORD.search(text[start:m.start()])
            if word and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1):
                continue
        end = m.start() + len(m.group().rstrip())
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


# -- reading one place phrase ---------------------------------------------------------------

@dataclass
class _Component:
    start: int
    end: int
    kind: str  # "venue" | "area" (region + more words) | "region" | "town" | "country" | "foreign"
    mention: Mention | None = None


@dataclass
class _Phrase:
    start: int
    components: list[_Component] = field(default_factory=list)


_TOKEN = re.compile(r"[^\W_]+(?:['\-./][^\W_]+)*\.?|\(|\)|,|&|\S")
_SPACES = re.compile(r"[ \t]+")
_COMMA = re.compile(r"\s*,\s*")
_CAPITALISED_RUN = re.compile(r"((?:[A-Z][\w.'-]*)(?:\s+[A-Z][\w.'-]*){0,3}),\s+")
_TRAILING_PARENTHESIS = re.compile(r"\s*\([^)]*\)\s*$")
_LAST_WORD = re.compile(r"(\w+)$")
_LOWER_WORDS = re.compile(r"[a-z]+")
_DATELINE_PARTS = re.compile(r"[,(|–—:/]+|\s-\s")
_CITY_TYPE_WORD = re.compile(r"^(?:Kota\s+Administrasi|Kota\s+Adm\.?|Kota)\s+", re.I)
_KAB_ABBREVIATION = re.compile(r"^Kab\.?\s+", re.I)


class _Text:
    """A text with its region mentions and quoted stretches, computed once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.mentions = gazetteer.find_mentions(text)
        self.mention_at = {m.start: m for m in self.mentions}
        self.quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]

    def in_quote(self, pos: int) -> bool:
        return any(s < pos < e for s, e in self.quoted)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end]


def _venue_head_at(text: str, pos: int) -> str | None:
    low = text[pos:pos + 40].lower()
    for head in _cues().heads:
        if low.startswith(head) and not (len(low) > len(head) and (low[len(head)].isalnum() or low[len(head)] == "-")):
            return head
    return None


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _read_run(t: _Text, pos: int, limit: int) -> tuple[int, list[str]]:
    """Capitalised words (with connectors, parentheses and lowercase venue words) from pos.
    Returns the end offset and the words read."""
    text, cues = t.text, _cues()
    words: list[str] = []
    end = pos
    i = pos
    while i < limit:
        m = _TOKEN.match(text, i)
        if m is None:  # whitespace
            nxt = _SPACES.match(text, i)
            if nxt is None:
                break
            i = nxt.end()
            continue
        tok = m.group()
        if tok in (",", ")") or (tok == "(" and not words):
            break
        if tok == "(":
            close = text.find(")", i, min(limit, i + 40))
            inner = text[i + 1:close] if close > 0 else ""
            if close < 0 or not inner or any(ch.isdigit() for ch in inner) or not inner[:1].isupper():
                break
            i = end = close + 1
            words.append(text[m.start():end])
            continue
        bare = tok.rstrip(".")
        low = bare.lower()
        if low in cues.stop_words:
            break
        if tok in ("&",) or low in ("dan", "de", "of", "the"):
            after = _TOKEN.match(text, m.end() + 1) if m.end() < limit else None
            if not words or after is None or not _capitalised(after.group()) or after.group().lower() in cues.stop_words:
                break
        elif not (_capitalised(bare) or low in cues.heads or _venue_head_at(text, i) or low in ("lantai", "lt")):
            break
        words.append(bare)
        end = m.start() + len(bare)
        if tok.endswith(".") and low not in _ABBREVIATIONS:
            break  # sentence end
        i = m.end()
    return end, words


def _is_country_run(text: str) -> bool:
    """'Amerika Serikat (AS)' is a country name with its abbreviation."""
    return gazetteer.is_country(_TRAILING_PARENTHESIS.sub("", text))


def _classify(t: _Text, start: int, end: int) -> _Component:
    text = t.text[start:end]
    if _venue_head_at(t.text, start):
        return _Component(start, end, "venue")
    if _is_country_run(text):
        return _Component(start, end, "country")
    m = t.mention_at.get(start)
    if m is not None and m.end >= end - 1:
        return _Component(start, end, "town" if m.source == "town" else "region", m)
    if m is not None:
        return _Component(start, end, "area", m)  # "Batam Center": a named area, kept with the venue
    return _Component(start, end, "foreign")


def _read_phrase(t: _Text, pos: int, limit: int) -> _Phrase | None:
    """The place phrase starting at pos (right after "di"), or None when none starts there."""
    end, words = _read_run(t, pos, limit)
    if not words:
        return None
    first = _classify(t, pos, end)
    if first.kind == "venue" and first.mention is None:
        head = _venue_head_at(t.text, pos) or ""
        # a lone head word or an all-lowercase phrase is a common noun ("di ruang publik")
        if len(" ".join(words)) <= len(head) or not any(_capitalised(w) for w in words):
            return None
    elif first.kind in ("foreign", "area"):
        return None  # "di Riau Teken MoU": a region followed by other words is no venue
    phrase = _Phrase(pos, [first])
    while True:
        m = _COMMA.match(t.text, end)
        if not m or m.end() >= limit:
            break
        nxt_end, nxt_words = _read_run(t, m.end(), limit)
        if not nxt_words:
            break
        comp = _classify(t, m.end(), nxt_end)
        if comp.kind == "area":
            comp.kind = "venue"
        if comp.kind == "foreign":
            # an unknown name is kept only as the foreign city before a country
            after = _COMMA.match(t.text, nxt_end)
            if not after:
                break
            c_end, c_words = _read_run(t, after.end(), limit)
            if not c_words or not _is_country_run(t.text[after.end():c_end]):
                break
        phrase.components.append(comp)
        end = nxt_end
    return phrase


# -- what a phrase says ---------------------------------------------------------------------

@dataclass
class _Place:
    venue: tuple[int, int] | None = None
    city: tuple[int, int] | None = None
    city_region: Region | None = None
    foreign: bool = False
    province: Region | None = None


def _is_municipal(m: Mention) -> bool:
    return m.region.kind in ("kota", "kabupaten") or m.region.code in CITY_PROVINCE_CODES


def _province_of(region: Region | None) -> Region | None:
    if region is None:
        return None
    code = region.province_code or region.code
    return gazetteer.region_by_code(code)


def _interpret(t: _Text, phrase: _Phrase) -> _Place:
    comps = phrase.components
    place = _Place()
    n_venue = 0
    while n_venue < len(comps) and comps[n_venue].kind == "venue":
        n_venue += 1
    trailing = comps[n_venue:]
    city_idx = None
    for k, c in enumerate(trailing):
        if c.kind == "country":
            place.foreign = True
            prev = [x for x in trailing[:k] if x.kind in ("foreign", "region", "town")]
            if prev:
                city_idx = trailing.index(prev[-1])
            break
    if not place.foreign:
        for k, c in enumerate(trailing):
            if c.kind == "region" and c.mention and _is_municipal(c.mention):
                city_idx = k
                break
        if city_idx is None:
            for k, c in enumerate(trailing):
                if c.kind == "town":
                    city_idx = k
                    break
    if city_idx is not None:
        # towns named before the city stay with the venue ("Mabes TNI, Cilangkap, Jakarta")
        n_venue += sum(1 for c in trailing[:city_idx] if c.kind == "town")
        c = trailing[city_idx]
        place.city = (c.start, c.end)
        if not place.foreign and c.mention:
            place.city_region = c.mention.region
            if c.mention.region.code in CITY_PROVINCE_CODES:
                finer = [x.mention.region for x in trailing[:city_idx] if x.kind == "town" and x.mention]
                if finer:
                    place.city_region = finer[-1]
    for c in trailing:
        if c.kind == "region" and c.mention and c.mention.region.kind == "provinsi" and place.province is None:
            place.province = c.mention.region
    if n_venue:
        v_start, v_end = comps[0].start, comps[n_venue - 1].end
        if place.city is None:
            v_end = _split_trailing_town(t, v_start, v_end, place)
        place.venue = (v_start, v_end)
        if place.city is None and not place.foreign:
            _infer_city_from_venue(t, place)
    if place.province is None and not place.foreign:
        place.province = _province_of(place.city_region)
    return place


def _split_trailing_town(t: _Text, start: int, end: int, place: _Place) -> int:
    """'Smart Room Graha Satria Purwokerto': the town at the end goes to the city, unless the
    word before it makes it part of the venue's name ('Mapolres Ternate')."""
    inside = [m for m in t.mentions_in(start, end) if m.end == end and (_is_municipal(m) or m.source == "town")]
    if not inside:
        return end
    m = inside[-1]
    before = _WORD_BEFORE.search(t.text[start:m.start])
    if m.start == start or before is None or before.group(1).lower() in _cues().institution:
        return end
    if t.text[m.start - 1] == ")":
        return end
    head = _venue_head_at(t.text, start) or ""
    if len(t.text[start:m.start].strip()) <= len(head):
        return end
    place.city = (m.start, m.end)
    place.city_region = m.region
    return len(t.text[:m.start].rstrip(" ,"))


def _infer_city_from_venue(t: _Text, place: _Place) -> None:
    assert place.venue is not None
    inside = t.mentions_in(*place.venue)
    municipal = [m for m in inside if _is_municipal(m)]
    if municipal:
        m = municipal[-1]
        place.city = (m.start, m.end)
        place.city_region = m.region
    elif inside:
        place.province = _province_of(inside[-1].region)


def _region_place(t: _Text, pos: int, limit: int) -> _Place | None:
    """'di Kabupaten Buleleng, Provinsi Bali', 'di Denpasar', 'di Washington DC, Amerika Serikat'."""
    m = t.mention_at.get(pos)
    if m is None:
        phrase = _CAPITALISED_RUN.match(t.text, pos)
        if phrase and phrase.end() < limit:
            c_end, words = _read_run(t, phrase.end(), limit)
            if words and _is_country_run(t.text[phrase.end():c_end]):
                return _Place(city=(pos, phrase.end(1)), foreign=True)
        return None
    place = _Place()
    if _is_municipal(m) or m.source == "town":
        place.city, place.city_region = (m.start, m.end), m.region
        nxt = _COMMA.match(t.text, m.end)
        if nxt and nxt.end() in t.mention_at and t.mention_at[nxt.end()].region.kind == "provinsi":
            place.province = t.mention_at[nxt.end()].region
        if place.province is None:
            place.province = _province_of(m.region)
    else:
        place.province = m.region
    return place


def _places_in(t: _Text, start: int, end: int) -> list[tuple[int, str, _Place]]:
    """(offset, 'venue'|'region', place) for each 'di <place>' in text[start:end]."""
    text, cues = t.text, _cues()
    if cues.after_openers.match(text[start:end]):
        comma = text.find(",", start, end)
        if comma > 0:
            end = comma  # places after the comma belong to what followed the signing
    out = []
    for m in _DI.finditer(text, start, end):
        if t.in_quote(m.start()):
            continue
        phrase = _read_phrase(t, m.end(), end)
        if phrase is not None and phrase.components[0].kind == "venue":
            out.append((m.end(), "venue", _interpret(t, phrase)))
            continue
        before = _WORD_BEFORE.search(text[max(start, m.start() - 40):m.start()])
        if before and before.group(1).lower() in cues.scope_nouns:
            continue
        place = _region_place(t, m.end(), end)
        if place is not None:
            if phrase is not None and not place.foreign:
                # a region with its province after a comma: let the phrase reading pick the city
                read = _interpret(t, phrase)
                if read.city is not None:
                    place = read
            out.append((m.end(), "region", place))
    return out


# -- choosing the place of the signing -----------------------------------------------------

def _neighbours(text: str, sentences: list[tuple[int, int]], anchors: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences right before and after each anchor; then those two away that say where an
    event took place ("Acara digelar di ..." after a line listing who attended)."""
    out: list[tuple[int, int]] = []
    covered = lambda s: any(a < s[1] and s[0] < b for a, b in anchors)  # noqa: E731
    for ring in (1, 2):
        for a, b in anchors:
            prev = [s for s in sentences if s[1] <= a]
            nxt = [s for s in sentences if s[0] >= b]
            for s in (prev[-ring:][:1] if len(prev) >= ring else []) + nxt[ring - 1:ring]:
                if covered(s) or s in out:
                    continue
                if ring == 2 and not _has_event_verb(text[s[0]:s[1]]):
                    continue
                out.append(s)
    return out


def _lead(text: str, sentences: list[tuple[int, int]], limit: int = 3) -> list[tuple[int, int]]:
    """The first sentences of the article that talk about an agreement."""
    return [s for s in sentences[: limit + 2] if _AGREEMENT_WORD.search(text[s[0]:s[1]])][:limit]


def _has_event_verb(text: str) -> bool:
    words = set(_LOWER_WORDS.findall(text.lower()))
    return bool(words & _cues().event_verbs)


def _clean_city(written: str) -> str:
    s = " ".join(written.split()).strip(" ,.")
    s = _CITY_TYPE_WORD.sub("", s)
    s = _KAB_ABBREVIATION.sub("Kabupaten ", s)
    if _JAKARTA_FORMS.match(s):
        return "Jakarta"
    if s.isupper() and len(s) > 4:
        s = s.title()
    return s


def _dateline_region(dateline: str | None) -> tuple[str, Region] | None:
    if not dateline:
        return None
    for part in _DATELINE_PARTS.split(dateline):
        part = part.strip(" .")
        if not part:
            continue
        region = gazetteer.lookup(part)
        if region is not None:
            return part, region
    return None


def find_place(text: str, anchors: list[tuple[int, int]], *, dateline: str | None = None) -> dict | None:
    """Venue and city of the signing reported in `text`, or None when the text gives no place.

    `anchors` are the spans of the sentences reporting the signing, most important first.
    """
    t = _Text(text)
    sentences = split_sentences(text)
    anchors = [(max(0, a), min(len(text), b)) for a, b in anchors if b > a]
    tiers = [anchors, _neighbours(text, sentences, anchors), _lead(text, sentences)]

    found: list[list[tuple[int, str, _Place]]] = []
    for tier in tiers:
        hits = []
        for s, e in tier:
            hits.extend(_places_in(t, s, e))
        found.append(hits)

    venue_place = None
    for tier_hits in found:
        venues = [p for _, kind, p in tier_hits if kind == "venue"]
        if venues:
            venue_place = venues[0]
            break

    def compatible(p: _Place, province: Region | None) -> bool:
        if province is None or p.foreign:
            return True
        own = p.province or _province_of(p.city_region)
        return own is None or own.code == province.code

    result = _Place()
    if venue_place is not None:
        result = venue_place
    if result.city is None and not result.foreign:
        region_hits = [p for _, kind, p in found[0] if kind == "region"]
        region_hits += [p for pos, kind, p in found[1] if kind == "region"
                        and _has_event_verb(text[max(0, pos - 200):pos])]
        for p in region_hits:
            if (p.city is not None or p.foreign) and compatible(p, result.province):
                result.city, result.city_region, result.foreign = p.city, p.city_region, p.foreign
                if result.province is None:
                    result.province = p.province
                break
        else:
            if result.province is None:
                provinces = [p.province for p in region_hits if p.province is not None]
                if provinces:
                    result.province = provinces[0]

    city_text = _clean_city(text[result.city[0]:result.city[1]]) if result.city else None
    region = result.city_region
    if city_text is None and DATELINE_FALLBACK and not result.foreign:
        hit = _dateline_region(dateline)
        if hit and _is_municipal_region(hit[1]) and (result.province is None or _province_of(hit[1]).code == result.province.code):
            city_text, region = _clean_city(hit[0]), hit[1]

    venue_text = None
    if result.venue is not None:
        venue_text = " ".join(text[result.venue[0]:result.venue[1]].split()).strip(" ,")
    province = result.province if result.province is not None else _province_of(region)
    if venue_text is None and city_text is None and province is None:
        return None
    if region is None and province is not None and not result.foreign:
        region = province
    span = result.venue or result.city
    return {
        "venue": venue_text,
        "city": city_text,
        "province": None if result.foreign else (province.name if province else None),
        "region_code": None if result.foreign else (region.code if region else None),
        "region_name": None if result.foreign or region is None else region.name,  # official name
        "span": list(span) if span else None,
    }


def _is_municipal_region(region: Region) -> bool:
    return region.kind in ("kota", "kabupaten") or region.code in CITY_PROVINCE_CODES
