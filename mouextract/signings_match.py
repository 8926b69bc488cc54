"""Whether two reports name one institution, or one person, however each writes the name.

Reports of one signing name an institution differently: "Pemerintah Kota (Pemkot) Pekalongan",
"Pemkot Pekalongan", "Kota Pekalongan"; "Badan Pusat Statistik Provinsi Jawa Timur", "BPS
Jatim"; "Universitas Batik Nusantara", "Unibnus". A name is compared as a key: the regions it
names, as Kemendagri codes at the level the name writes ("Pemkab Pekalongan" is the kabupaten,
"Pemkot Pekalongan" the kota: two governments), and its other words folded, short forms of
institution kinds spelled out (the words are in patterns/signings.yml). The extraction stage's
own merging (`parties.same_institution`) works inside one article; across articles the level of
a region matters more, so the region test here comes first.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .gazetteer import compact_key, find_mentions
from .institutions import abbreviates
from .patterns import load


@lru_cache(maxsize=None)
def _words(key: str) -> frozenset:
    """A word list of patterns/signings.yml: generic_words, body_words."""
    return frozenset(load("signings.yml")[key])


@lru_cache(maxsize=None)
def _spell_out() -> list[tuple[re.Pattern, str]]:
    """Short forms of institution kinds ("Pemkab"), spelled out before the regions are read, so
    that the level word ("Kabupaten", "Kota") stands where the gazetteer looks for it."""
    out = []
    for short, long in load("signings.yml")["spell_out"].items():
        end = r"\s*" if short.endswith(".") else r"\b\.?"
        out.append((re.compile(r"\b" + re.escape(short) + end, re.I), long + (" " if short.endswith(".") else "")))
    return out


def _spelled_out(text: str) -> str:
    for pattern, long in _spell_out():
        text = pattern.sub(long, text)
    return text


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


@dataclass(frozen=True)
class Place:
    """A region a name mentions: its code, its name as written, whether a level was written."""
    code: str
    written: str
    level_written: bool

    def fits(self, other: Place) -> bool:
        # "Kejari Pekalongan" may be the kota's or the kabupaten's: a name without a level fits
        # either region of that name; "Pemkot X" and "Pemkab X" do not fit each other
        return self.code == other.code or (
            self.written == other.written and not (self.level_written and other.level_written))


@dataclass(frozen=True)
class NameKey:
    text: str               # the name with short forms spelled out
    rest: str               # the same without its region names
    words: frozenset        # the folded words of `rest`, generic words dropped
    places: tuple

    @property
    def distinctive(self) -> bool:
        """A bare "Pemkab" or "Pemerintah" names no particular institution."""
        return bool(self.places) or bool(self.words - _words("body_words"))


@lru_cache(maxsize=65536)
def name_key(name: str) -> NameKey:
    text = " ".join(_spelled_out(" ".join(name.split())).split())
    places, rest, last = [], [], 0
    for m in find_mentions(text):
        places.append(Place(m.region.code, compact_key(m.written), bool(m.prefix)))
        rest.append(text[last:m.start])
        last = m.end
    rest.append(text[last:])
    rest_text = " ".join(" ".join(rest).split())
    words = frozenset(re.findall(r"[a-z0-9]+", _ascii(rest_text).lower())) - _words("generic_words")
    return NameKey(text, rest_text, words, tuple(places))


def _names(party: dict) -> list[str]:
    return [n for n in (party.get("name"), party.get("short")) if isinstance(n, str) and n.strip()]


def _places_fit(a: list[Place], b: list[Place]) -> bool:
    if not a or not b:
        return True  # "Universitas Batik Nusantara" / "... Pekalongan": one name leaves the town out
    fewer, more = (a, b) if len(a) <= len(b) else (b, a)
    return all(any(p.fits(q) for q in more) for p in fewer)


def _words_fit(x: NameKey, y: NameKey) -> bool:
    if x.words == y.words:
        return bool(x.words) or bool(x.places and y.places)
    small, big = (x, y) if len(x.words) <= len(y.words) else (y, x)
    if small.words <= big.words and big.words - small.words <= _words("body_words"):
        return True
    # "BPS" / "Badan Pusat Statistik", "Unibnus" / "Universitas Batik Nusantara"
    return bool(x.rest and y.rest) and (abbreviates(x.rest, y.rest) or abbreviates(y.rest, x.rest))


def same_institution(a: dict, b: dict) -> bool:
    """Two parties ({"name", "short"}) of two reports are one institution."""
    return _same_names(tuple(_names(a)), tuple(_names(b)))


@lru_cache(maxsize=1 << 17)  # linking compares the same institutions' names over and over
def _same_names(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    ka = [k for k in map(name_key, a) if k.distinctive]
    kb = [k for k in map(name_key, b) if k.distinctive]
    if not ka or not kb:
        return False
    if not _places_fit([p for k in ka for p in k.places], [p for k in kb for p in k.places]):
        return False
    return any(_words_fit(x, y) for x in ka for y in kb)


def person_words(name: str | None) -> tuple[str, ...]:
    return tuple(re.findall(r"[a-z0-9]+", _ascii(name or "").lower()))


def same_person(a: dict, b: dict) -> bool:
    """Two people ({"name", "title"}) of two reports are one person: one name holds the other's
    words ("Suharno" / "Suharno Wijayakusuma"); a one-word name needs a title word in common."""
    wa, wb = set(person_words(a.get("name"))), set(person_words(b.get("name")))
    if not wa or not wb or not (wa <= wb or wb <= wa):
        return False
    if min(len(wa), len(wb)) >= 2:
        return True
    ta = set(re.findall(r"[a-z]+", (a.get("title") or "").lower()))
    tb = set(re.findall(r"[a-z]+", (b.get("title") or "").lower()))
    return bool(ta & tb)


def _venue_words(venue: str | None) -> set[str]:
    text = _spelled_out(venue or "")  # "Aula Kejati NTB" / "Aula Kejaksaan Tinggi NTB"
    return set(re.findall(r"[a-z0-9]+", _ascii(text).lower()))


def same_venue(a: str | None, b: str | None) -> bool:
    """"Ruang Jlamprang Setda Kota Pekalongan" / "Ruang Jlamprang": one holds the other's words,
    or half their words are shared."""
    wa, wb = _venue_words(a), _venue_words(b)
    return bool(wa and wb) and (wa <= wb or wb <= wa or len(wa & wb) / len(wa | wb) >= 0.5)
