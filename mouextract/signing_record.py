"""The record of one signing, merged from the reports linked to it, each field with its sources.

Date, type, venue and city: the value most reports give (ties: the first report's); the venue
written most fully among those naming the same place. Parties, signatories and witnesses: the
union, one entry per institution or person, under its fullest name. Scope: the union, an item
another holds dropped for the fuller one. `sources` lists the agreement ids (`<article>-<n>`)
each value came from; `disagreements` the fields where reports give different values (two
dates, two venues), and `conflict` says whether there are any.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from .signings_match import person_words, same_institution, same_person, same_venue
from .writers import article_id

if TYPE_CHECKING:
    from .signings import Report


def _groups(items: list[tuple[str, object]], same: Callable[[object, object], bool]) -> list[list[tuple[str, object]]]:
    """(source, value) pairs grouped by SAME against any member, in order of first appearance."""
    groups: list[list[tuple[str, object]]] = []
    for source, value in items:
        group = next((g for g in groups if any(same(value, v) for _, v in g)), None)
        if group is None:
            groups.append([(source, value)])
        else:
            group.append((source, value))
    return groups


def _sources(group) -> list[str]:
    return list(dict.fromkeys(source for source, _ in group))


def _best(groups):
    """The group most reports support; the first on a tie (max keeps the first)."""
    return max(groups, key=lambda g: len(_sources(g)))


def _disagreement(field: str, groups, show: Callable) -> list[dict]:
    if len(groups) < 2:
        return []
    return [{"field": field, "values": [{"value": show(g), "sources": _sources(g)} for g in groups]}]


def _date(reports: list[Report]) -> tuple[dict | None, list[dict]]:
    days = [(r.id, r.day.isoformat()) for r in reports if r.day]
    loose = [(r.id, str((r.agreement.get("date") or {}).get("value"))) for r in reports
             if not r.day and (r.agreement.get("date") or {}).get("value")]
    items = days or loose
    if not items:
        return None, []
    groups = _groups(items, lambda a, b: a == b)
    best = _best(groups)
    precision = "day" if days else next((r.agreement["date"].get("precision") for r in reports
                                         if r.id == best[0][0]), None)
    return ({"value": best[0][1], "precision": precision, "sources": _sources(best)},
            _disagreement("date", groups, lambda g: g[0][1]) if days else [])


def _codes_fit(a: dict, b: dict) -> bool:
    ca, cb = a.get("region_code"), b.get("region_code")
    if ca and cb:
        return ca == cb or ca.startswith(cb + ".") or cb.startswith(ca + ".")
    return not ca and not cb and (a.get("city") or "").lower() == (b.get("city") or "").lower()


def _place(reports: list[Report]) -> tuple[dict | None, list[dict]]:
    venues = [(r.id, r.place["venue"]) for r in reports if r.place.get("venue")]
    cities = [(r.id, r.place) for r in reports if r.place.get("city")]
    if not venues and not cities:
        return None, []
    out = {"venue": None, "venue_sources": [], "city": None, "province": None, "region_code": None,
           "region_name": None, "city_sources": []}
    disagreements = []
    if venues:
        groups = _groups(venues, same_venue)
        best = _best(groups)
        out["venue"] = max((v for _, v in best), key=len)
        out["venue_sources"] = _sources(best)
        disagreements += _disagreement("venue", groups, lambda g: max((v for _, v in g), key=len))
    if cities:
        groups = _groups(cities, _codes_fit)
        best = _best(groups)
        fullest = max((p for _, p in best), key=lambda p: len(p.get("region_code") or ""))
        out.update({k: fullest.get(k) for k in ("city", "province", "region_code", "region_name")})
        out["city_sources"] = _sources(best)
        disagreements += _disagreement("city", groups, lambda g: g[0][1].get("city"))
    return out, disagreements


def _type(reports: list[Report]) -> tuple[dict, list[dict]]:
    strict = [(r.id, r.agreement.get("type")) for r in reports if not r.loose_type]
    groups = _groups(strict or [(r.id, r.agreement.get("type")) for r in reports], lambda a, b: a == b)
    best = _best(groups)
    return {"value": best[0][1], "sources": _sources(best)}, _disagreement("type", groups, lambda g: g[0][1])


class _Union:
    """Entries merged across reports: an item joins the first entry one of whose variants is SAME."""

    def __init__(self, same: Callable[[dict, dict], bool]):
        self.same = same
        self.entries: list[list[tuple[str, dict]]] = []

    def add(self, source: str, item: dict) -> int:
        for k, entry in enumerate(self.entries):
            if any(self.same(item, v) for _, v in entry):
                entry.append((source, item))
                return k
        self.entries.append([(source, item)])
        return len(self.entries) - 1


def _most(values: list) -> object:
    values = [v for v in values if v is not None]
    return Counter(values).most_common(1)[0][0] if values else None


def _parties(reports: list[Report]) -> tuple[list[dict], dict[tuple[str, int], int]]:
    union = _Union(same_institution)
    index: dict[tuple[int, int], int] = {}  # (report's place in REPORTS, party index in it) -> merged
    for i, r in enumerate(reports):
        for k, p in enumerate(r.agreement.get("parties") or []):
            if p.get("name") or p.get("short"):
                index[(i, k)] = union.add(r.id, p)
    out = []
    for entry in union.entries:
        names = [v["name"] for _, v in entry if v.get("name")]
        name = max(names, key=len) if names else None
        shorter = [n for _, v in entry for n in (v.get("short"), v.get("name")) if n and name and len(n) < len(name)]
        kinds = [v.get("kind") for _, v in entry if v.get("kind") not in (None, "other")]
        out.append({"name": name, "short": min(shorter, key=len) if shorter else None,
                    "kind": _most(kinds) or _most([v.get("kind") for _, v in entry]), "sources": _sources(entry)})
    return out, index


def _fullest(entry) -> dict:
    """The report of a person that gives the fullest name. A report that read a title apart from
    the name read the name better: "Sekdaprov Jatim Bambang Wicaksono" (no title) yields to
    "Bambang Wicaksono" (title "Sekdaprov Jatim")."""
    named = [v for _, v in entry if v.get("name")] or [v for _, v in entry]
    return max(named, key=lambda v: (v.get("title") is not None, len(person_words(v.get("name"))),
                                     len(v.get("name") or "")))


def _title(entry, fullest: dict) -> str | None:
    """The title most reports give; on a tie, the one beside the fullest name ("Wali Kota Mataram,
    Lalu Suryadi Pratama" rather than "Wali Kota Mataram Lalu", "Suryadi Pratama")."""
    titles = [v.get("title") for _, v in entry if v.get("title")]
    if not titles:
        return None
    counts = Counter(titles)
    return max(titles, key=lambda t: (counts[t], t == fullest.get("title"), len(t)))


def _people(reports: list[Report], key: str, party_index: dict | None) -> list[dict]:
    union = _Union(lambda a, b: same_person(a, b) if a.get("name") and b.get("name") else
                   not a.get("name") and not b.get("name") and a.get("title") == b.get("title"))
    for i, r in enumerate(reports):
        for person in r.agreement.get(key) or []:
            item = dict(person)
            if party_index is not None:
                item["party"] = party_index.get((i, person["party"])) if person.get("party") is not None else None
            union.add(r.id, item)
    out = []
    for entry in union.entries:
        fullest = _fullest(entry)
        person = {"name": fullest.get("name"), "title": _title(entry, fullest)}
        if party_index is not None:
            person["party"] = _most([v.get("party") for _, v in entry])
            person["on_behalf_of"] = _most([v.get("on_behalf_of") for _, v in entry])
        person["sources"] = _sources(entry)
        out.append(person)
    named_parties = {p.get("party") for p in out if p["name"]}
    # one named by office only ("Kepala Desa") stays unless a report names the one who signed for that party
    return [p for p in out if p["name"] or (party_index is not None and p["party"] not in named_parties)]


def _scope_words(text: str) -> frozenset:
    return frozenset(re.findall(r"[a-z0-9]+", text.lower()))


def _same_item(a: str, b: str) -> bool:
    """"pertimbangan hukum" / "pemberian pertimbangan hukum" are one item; "pemulihan aset daerah"
    is not "pemulihan aset daerah dan pendampingan hukum perdata", which also holds another."""
    wa, wb = _scope_words(a), _scope_words(b)
    small, big = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return bool(small) and small <= big and len(small) / len(big) >= 0.6


def _scope(reports: list[Report]) -> list[dict]:
    items = [(r.id, s["text"]) for r in reports for s in r.agreement.get("scope") or [] if s.get("text")]
    groups = _groups(items, _same_item)
    return [{"text": max((t for _, t in g), key=len), "sources": _sources(g)} for g in groups]


def _distinct(values) -> list[str]:
    return list(dict.fromkeys(v for v in values if v and isinstance(v, str)))


def _report(r: Report) -> dict:
    a = r.article
    return {"agreement_id": r.id, "article_id": article_id(a), "path": a.get("path"), "title": a.get("title"),
            "outlet": a.get("outlet"), "published": a.get("published"), "url": a.get("url")}


def merge(reports: list[Report], signing_id: int) -> dict:
    """The record of the signing SIGNING_ID from its REPORTS (in the order they were linked)."""
    kind, type_disagreement = _type(reports)
    date, date_disagreement = _date(reports)
    place, place_disagreement = _place(reports)
    parties, party_index = _parties(reports)
    disagreements = type_disagreement + date_disagreement + place_disagreement
    return {
        "signing_id": signing_id,
        "type": kind["value"], "type_sources": kind["sources"],
        "date": date, "place": place, "parties": parties,
        "signatories": _people(reports, "signatories", party_index),
        "witnesses": _people(reports, "witnesses", None),
        "scope": _scope(reports),
        "n_reports": len(reports),
        "reports": [_report(r) for r in reports],
        "outlets": _distinct(r.article.get("outlet") for r in reports),
        "urls": _distinct(r.article.get("url") for r in reports),
        "disagreements": disagreements,
        "conflict": bool(disagreements),
    }
