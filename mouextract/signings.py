"""One signing, many reports: link the records of articles that report the same signing.

Each agreement record of an article result (what `extract` returns) is a *report*. Two reports
are of the same signing when (`fit`):
  - they come from different articles (one article's records are different documents);
  - the instrument is of the same kind; a report that names it only loosely ("kerja sama",
    "kesepakatan") fits any kind;
  - the dates fit: the same day; or one side has no day and its article was published within
    CLOSE_DAYS after the other's date (or, both without a day, the two were published within
    CLOSE_DAYS of each other); or one day apart when the reports share a named person or the
    venue (the reports disagree about the date, and the signing is flagged);
  - the parties are the same institutions (`signings_match.same_institution`): every party of the
    report that names fewer is among the other's, and they have two in common; or one, when
    the two reports give the same day and name the same two signatories (an extraction that
    missed a party);
  - the cities do not contradict each other (region codes; a province holds its cities; a city
    that only repeats the report's dateline is where it was filed, and contradicts nothing).
A report joins the existing signing all of whose reports it fits; when it fits none, or fits two
equally well, it starts a signing of its own: a wrong merge costs a dataset more than a missed one.
Linking is incremental and keeps ids: a report never moves, and signings never merge later.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .signings_match import same_institution, same_person, same_venue
from .patterns import load
from .signing_record import merge
from .writers import agreement_id

CLOSE_DAYS = 7


@lru_cache(maxsize=None)
def loose_type_texts() -> frozenset:
    """The type_text of a record that names no instrument in particular (patterns/signings.yml)."""
    return frozenset(load("signings.yml")["loose_type_texts"])


def _folded(text) -> str:
    return " ".join(text.lower().split()) if isinstance(text, str) else ""


def _day(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value and len(str(value)) >= 10 else None
    except ValueError:
        return None


@dataclass
class Report:
    """One agreement record of one article: `n` counts the article's agreements from 1."""
    article: dict
    n: int
    agreement: dict
    key: object = None  # where the caller keeps it (a database row id); not compared

    @property
    def source(self) -> str | None:
        """The article, by the hash of its text (or its path)."""
        return self.article.get("sha256") or self.article.get("path")

    @property
    def id(self) -> str:
        return agreement_id(self.article, self.n)

    @cached_property
    def day(self) -> dt.date | None:
        date = self.agreement.get("date") or {}
        return _day(date.get("value")) if date.get("precision") == "day" else None

    @cached_property
    def published(self) -> dt.date | None:
        return _day(self.article.get("published"))

    @cached_property
    def parties(self) -> list[dict]:
        out: list[dict] = []
        for p in self.agreement.get("parties") or []:
            if (p.get("name") or p.get("short")) and not any(same_institution(p, q) for q in out):
                out.append(p)
        return out

    @cached_property
    def people(self) -> list[dict]:
        return [p for p in self.agreement["signatories"] + self.agreement["witnesses"] if p.get("name")]

    @property
    def place(self) -> dict:
        return self.agreement.get("place") or {}

    @property
    def stated_place(self) -> dict:
        """The place, unless it only repeats the dateline: where a report was filed ("JAKARTA -"
        over a signing in Mataram) may not be where the signing was, so it contradicts nothing."""
        place, dateline = self.place, self.article.get("dateline")
        if not place.get("venue") and isinstance(dateline, str) and _folded(place.get("city")) == _folded(dateline):
            return {}
        return place

    @property
    def loose_type(self) -> bool:
        return (self.agreement.get("type_text") or "").strip().lower() in loose_type_texts()

    def windows(self) -> tuple[tuple[dt.date, dt.date], tuple[dt.date, dt.date]] | None:
        """Where a report that fits this one by date must lie (see `_date_fit`), inclusive: the
        days of the reports with a day, and the publication days of those without; None if none."""
        one, close = dt.timedelta(days=1), dt.timedelta(days=CLOSE_DAYS)
        if self.day:
            return (self.day - one, self.day + one), (self.day - one, self.day + close)
        if self.published:
            return (self.published - close, self.published + one), (self.published - close, self.published + close)
        return None


_TEXT_FIELDS = ("type", "type_text", "name", "short", "kind", "title", "on_behalf_of", "text",  # not-linguistic: keys
                "value", "precision", "venue", "city", "province", "region_code", "region_name")


def _clean(item: dict) -> dict:
    """A JSON object read from a user's file, with the text fields the linking reads as text or None."""
    return {k: (v if k not in _TEXT_FIELDS or isinstance(v, str) else None) for k, v in item.items()}


def _agreement(a) -> dict:
    a = _clean(a) if isinstance(a, dict) else {}
    for key in ("parties", "signatories", "witnesses", "scope"):  # not-linguistic: record keys
        a[key] = [_clean(x) for x in a.get(key) or [] if isinstance(x, dict)] if isinstance(a.get(key), list) else []
    for key in ("date", "place"):  # not-linguistic: record keys
        a[key] = _clean(a[key]) if isinstance(a.get(key), dict) else None
    for person in a["signatories"]:
        person["party"] = person.get("party") if isinstance(person.get("party"), int) else None
    return a


def reports(result: dict) -> list[Report]:
    """The reports of an article result; fields of the wrong type (a hand-made file) read as absent."""
    article = result.get("article") if isinstance(result.get("article"), dict) else {}
    agreements = result.get("agreements") if isinstance(result.get("agreements"), list) else []
    return [Report(article, n, _agreement(a)) for n, a in enumerate(agreements, start=1)]


# --- does one report fit another? --------------------------------------------------------------

def cities_fit(a: dict, b: dict) -> bool:
    """Two places ({"city", "region_code"}) do not contradict each other: the same region, a
    province and a city in it, or a place unknown on one side."""
    ca, cb = a.get("region_code"), b.get("region_code")
    if ca and cb:
        return ca == cb or ca.startswith(cb + ".") or cb.startswith(ca + ".")
    na, nb = " ".join((a.get("city") or "").lower().split()), " ".join((b.get("city") or "").lower().split())
    return not (na and nb) or na == nb


def _published_after(undated: Report, day: dt.date) -> bool:
    p = undated.published
    return p is not None and -1 <= (p - day).days <= CLOSE_DAYS  # -1: a time zone, a pre-dated release


def _date_fit(a: Report, b: Report) -> str | None:
    """'same', 'near' (one day apart), 'open' (a day unknown, publication close) or None."""
    if a.day and b.day:
        gap = abs((a.day - b.day).days)
        return "same" if gap == 0 else "near" if gap == 1 else None
    for x, y in ((a, b), (b, a)):
        value = str((x.agreement.get("date") or {}).get("value") or "")
        if value and not x.day and not str(y.day or y.published or "").startswith(value):
            return None  # "Februari 2024" does not fit 8 March 2024
    if a.day or b.day:
        dated, undated = (a, b) if a.day else (b, a)
        return "open" if _published_after(undated, dated.day) else None
    if a.published and b.published and abs((a.published - b.published).days) <= CLOSE_DAYS:
        return "open"
    return None


def _common_parties(a: Report, b: Report) -> int | None:
    """How many parties the two share, if every party of the one naming fewer is the other's."""
    fewer, more = (a.parties, b.parties) if len(a.parties) <= len(b.parties) else (b.parties, a.parties)
    used: set[int] = set()
    for p in fewer:
        k = next((k for k, q in enumerate(more) if k not in used and same_institution(p, q)), None)
        if k is None:
            return None
        used.add(k)
    return len(used)


def _shares_someone(a: Report, b: Report) -> bool:
    return any(same_person(x, y) for x in a.people for y in b.people)


def _shared_signatories(a: Report, b: Report) -> int:
    theirs = [p for p in b.agreement["signatories"] if p.get("name")]
    return sum(any(same_person(x, y) for y in theirs) for x in a.agreement["signatories"] if x.get("name"))


def fit(a: Report, b: Report) -> int | None:
    """How well report A fits report B as the same signing (higher is better), or None."""
    if a.source is not None and a.source == b.source:
        return None
    if a.agreement.get("type") != b.agreement.get("type") and not (a.loose_type or b.loose_type):
        return None
    when = _date_fit(a, b)
    if when is None or not cities_fit(a.stated_place, b.stated_place):
        return None
    common = _common_parties(a, b)
    if common is None or common < 1:
        return None
    if common < 2 and not (when == "same" and _shared_signatories(a, b) >= 2):
        return None  # one party alone could be the hub of a ceremony; its two signers name the document
    shared = _shares_someone(a, b)
    venue = same_venue(a.place.get("venue"), b.place.get("venue"))
    if when == "near" and not (shared or venue):
        return None
    return common + {"same": 2, "open": 1, "near": 0}[when] + shared + venue


def choose(report: Report, candidates: Mapping[object, list[Report]]) -> object | None:
    """The candidate signing REPORT belongs to: the best one all of whose reports it fits;
    None when it fits none, or two equally well."""
    scored = []
    for key, members in candidates.items():
        fits = [fit(report, m) for m in members]
        if members and None not in fits:
            scored.append((sum(fits) / len(fits), key))
    scored.sort(key=lambda s: s[0], reverse=True)
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None
    return scored[0][1]


# --- linking in memory ------------------------------------------------------------------------

@dataclass
class Linker:
    """Signings of the article results added so far; `add` links one more article."""
    signings: dict[int, list[Report]] = field(default_factory=dict)
    _dated: dict[dt.date, set[int]] = field(default_factory=lambda: defaultdict(set))  # by the report's day
    _undated: dict[dt.date, set[int]] = field(default_factory=lambda: defaultdict(set))  # by its publication
    _seen: set[str] = field(default_factory=set)

    def add(self, result: dict) -> list[int] | None:
        """Link each agreement of RESULT; its signing ids, or None for an article already added."""
        article = result.get("article") if isinstance(result.get("article"), dict) else {}
        sha = article.get("sha256")
        if isinstance(sha, str) and sha in self._seen:
            return None
        if isinstance(sha, str):
            self._seen.add(sha)
        return [self.link(r) for r in reports(result)]

    def link(self, report: Report) -> int:
        # only a signing with a report that fits by date can hold REPORT, which must fit them all
        near: set[int] = set()
        for index, (first, last) in zip((self._dated, self._undated), report.windows() or ()):
            for offset in range((last - first).days + 1):
                near |= index.get(first + dt.timedelta(days=offset), set())
        chosen = choose(report, {k: self.signings[k] for k in sorted(near)})
        if chosen is None:
            chosen = len(self.signings) + 1
            self.signings[chosen] = []
        self.signings[chosen].append(report)
        if report.day or report.published:
            (self._dated if report.day else self._undated)[report.day or report.published].add(chosen)
        return chosen

    def records(self) -> Iterator[dict]:
        for key in sorted(self.signings):
            yield merge(self.signings[key], key)


def link(results: Iterable[dict]) -> list[dict]:
    """The signings reported in RESULTS (article results), merged, in the order first reported."""
    linker = Linker()
    for result in results:
        linker.add(result)
    return list(linker.records())
