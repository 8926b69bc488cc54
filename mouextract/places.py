"""Where a signing took place: the venue (building or room) and the city, with its region code.

Reads the Doc only: its sentences, the venue phrases of `doc.spans["venues"]` (each with the town
and province it names) and the place names of `doc.spans["regions"]`. Which place a cue ties to
the signing ("di", "bertempat (di)", and "ke" in the signing sentence) is said by the rows of
patterns/slots/place.yml, read by the slot engine; a town named before its country ("di
Canberra, Australia") is read by the reader `town_before_country` here.

`candidates` gives the rows the sentences of each tier: the sentences that report the signing,
then their neighbours, then sentences about the occasion ("Acara digelar di ..."), then the lead
(venues only); and turns what they took into places, tier by tier. `choose` picks among them and
applies the city rule of the gold guidelines: the text's place wins; the dateline gives the city
only when the text places the signing nowhere else (and within the province the text names, if
it names one).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from spacy.tokens import Doc, Span

from mouextract import gazetteer
from mouextract.gazetteer import Region
from mouextract.reading import venues as venue_reading
from mouextract.reading.venues import Place
from mouextract.slots import fill, holds, rules, tokens
from mouextract.slots.readers import Slot, reader

PLACE_RULES = "place.yml"
# How many tokens may stand between a venue with no town of its own and the region that gives
# it one ("Kantor Sinode GMIM di Tomohon", "Aula Kantor Camat, Kecamatan X")
VENUE_TOWN_GAP = 3
TIERS = ("signing", "neighbour", "occasion", "lead")  # not-linguistic: the tiers of `candidates`, best first
SETS = {None: "signing", "neighbours": "neighbour", "occasion": "occasion", "lead": "lead"}  # not-linguistic: row sets -> tiers
LEAD_SENTENCES = 5        # the lead: the first sentences, of which at most three name an agreement
LEAD_MOST = 3
# a town abroad the gazetteer does not know, named before its country ("di Wollongong,
# Australia"): a longer capitalised run there is more often a venue ("Marina Bay Sands")
MAX_TOWN_ABROAD_WORDS = 2


@dataclass(frozen=True)
class Hit:
    """A place the text puts after a cue: a venue (with the place it names) or a bare region."""
    kind: str          # "venue" | "region"
    span: Span         # the venue, or the region named
    place: Place
    tier: str          # "signing" | "neighbour" | "occasion" | "lead"
    rule: str = ""     # the row of place.yml that took it


@dataclass(frozen=True)
class Dateline:
    """The place a dateline names: an Indonesian region (None for a town the gazetteer does not
    know) or a foreign city."""
    text: str
    region: Region | None
    foreign: bool = False
    beside_outlet: bool = False   # written beside the outlet ("Meulaboh (ANTARA) –"): a place, not an acronym


@dataclass
class Found:
    place: dict | None
    why: list = field(default_factory=list)   # (field, rule id, (start, end))


@reader("town_before_country")
def town_before_country(slot: Slot) -> list[tuple[int, int]]:
    """"di Canberra, Australia": the capitalised name where the slot opens, when a comma and a
    country follow it, is a town abroad."""
    tk, at = slot.tokens, slot.start
    end = tk.sents[slot.sentence][1]
    k = at
    while k < end and tk.text[k][:1].isupper() and k - at < MAX_TOWN_ABROAD_WORDS:
        k += 1
    if k == at or k + 1 >= end or tk.text[k] != ",":
        return []
    country = tk.group("regions").at.get(k + 1)
    if not country or country[-1].label_ != "country":
        return []
    return [(tk.idx[at], tk.end_char(k - 1))]


# -- the candidates, tier by tier ---------------------------------------------------------------

def _neighbours(sents: list[Span], anchors: list[Span], has_event: Callable[[Span], bool]) -> list[Span]:
    """The sentences right before and after each anchor; then those two away that say where an
    event took place ("Acara digelar di ..." after a line listing who attended)."""
    index = {s.start: k for k, s in enumerate(sents)}
    taken = {s.start for s in anchors}
    out: list[Span] = []
    for ring in (1, 2):
        for a in anchors:
            k = index.get(a.start)
            if k is None:
                continue
            for j in (k - ring, k + ring):
                if 0 <= j < len(sents) and sents[j].start not in taken and (ring == 1 or has_event(sents[j])):
                    taken.add(sents[j].start)
                    out.append(sents[j])
    return out


def _never(sent: Span) -> bool:
    return False


def _lead(doc: Doc, sents: list[Span], other_day: Callable[[Span], bool]) -> list[Span]:
    """The opening sentences (after a headline) that talk about the agreement: at most LEAD_MOST
    of the first LEAD_SENTENCES."""
    opening = sents[1:] if sents and not sents[0].text.rstrip().endswith((".", "!", "?")) else sents  # a headline
    lead = [s for s in opening[:LEAD_SENTENCES] if holds(doc, s, PLACE_RULES, "lead")][:LEAD_MOST]
    return [s for s in lead if not other_day(s)]


def candidates(doc: Doc, anchors: list[Span], *, other_occasion: Callable[[Span], bool] = _never,
               other_day: Callable[[Span], bool] = _never) -> list[Hit]:
    """Every place the text ties to the signing reported in `anchors`, best tier first.

    `other_day(sentence)` tells a sentence dated to another day; `other_occasion(sentence)` one
    about another occasion (that, or a past or planned event). A signing sentence of another day
    reports another signing; the other tiers skip both kinds."""
    sents = [Span(doc, a, b) for a, b in tokens(doc).sents]   # = doc[a:b], without spaCy's slice normalising
    seen = {s.start for s in anchors}
    sets = {
        "neighbours": [s for s in _neighbours(sents, anchors, lambda s: holds(doc, s, PLACE_RULES, "event_verb"))
                       if not other_occasion(s)],
        "occasion": [s for s in sents if s.start not in seen and not other_occasion(s)
                     and holds(doc, s, PLACE_RULES, "occasion")],
        "lead": _lead(doc, sents, other_day),
    }
    signing = [s for s in anchors if not other_day(s)]
    order = {None: {s.start: k for k, s in enumerate(signing)}}
    order.update({name: {s.start: k for k, s in enumerate(group)} for name, group in sets.items()})
    tiers = {rule.id: rule.sentences for rule in rules(PLACE_RULES)}
    reading = venue_reading.reader(doc)
    hits = []
    for f in fill(doc, signing, PLACE_RULES, sets=sets):
        key = tiers[f.rule]
        sentence = f.cue.sent.start
        hits.append(((TIERS.index(SETS[key]), order[key].get(sentence, 0), f.cue.start), _hit(doc, f, SETS[key], reading)))
    hits.sort(key=lambda pair: pair[0])
    return [h for _, h in hits]


def _hit(doc: Doc, f, tier: str, reading) -> Hit:
    if f.items:   # a town abroad
        town = doc.char_span(*f.items[0])
        return Hit("region", town, Place(town=town, foreign=True), tier, f.rule)
    mention = f.mentions[-1]
    if f.slot == "venue":
        return Hit("venue", mention, mention._.place, tier, f.rule)
    return Hit("region", mention, reading.place_after(mention), tier, f.rule)


# -- choosing the place of the signing --------------------------------------------------------

def _province(place: Place) -> Region | None:
    return None if place.foreign else (place.province or gazetteer.province_of(place.region))


def _compatible(place: Place, province: Region | None) -> bool:
    if province is None or place.foreign:
        return True
    own = _province(place)
    return own is None or own.code == province.code


def _same_town(a: Place, b: Place) -> bool:
    if a.region is not None and b.region is not None:
        return a.region.code == b.region.code
    return a.town is not None and b.town is not None and a.town.text.lower() == b.town.text.lower()


def _elsewhere(venue: Hit, region: Hit | None) -> bool:
    """A venue of a later tier in another town than the region the signing sentences name."""
    return (region is not None and TIERS.index(venue.tier) > TIERS.index(region.tier)
            and venue.place.town is not None and not _same_town(venue.place, region.place))


def choose(hits: list[Hit], dateline: Dateline | None) -> tuple[Hit | None, Place, str | None]:
    """(the venue hit, the place of the signing, the rule that gave the city).

    The first venue is the signing's (unless a later tier puts it in another town than the
    signing sentences or their neighbours name); its town is the city. Otherwise the region named
    right after the venue, else the first region named after a cue, in the province the venue is in; otherwise the dateline, when it lies in that
    province. A region of the neighbours counts only after an event verb (`candidates` does that)."""
    region = next((h for h in hits if h.kind == "region" and h.place.town is not None and h.tier in TIERS[:2]), None)
    venue = next((h for h in hits if h.kind == "venue" and not _elsewhere(h, region)), None)
    place = venue.place if venue is not None else Place()
    rule = venue.rule if venue is not None and place.town is not None else None
    if place.town is None and not place.foreign:
        province = _province(place)
        regions = [h for h in hits if h.kind == "region" and h.tier != "lead"]
        # "Kantor Sinode GMIM di Tomohon": the region right after the venue is its town, before
        # any region named earlier (one inside a body's name: "Gereja Masehi Injili di Minahasa")
        after_venue = [h for h in regions if venue is not None and h.span.doc is venue.span.doc
                       and 0 <= h.span.start - venue.span.end <= VENUE_TOWN_GAP]
        town = next((h for h in after_venue + regions if h.place.town is not None and _compatible(h.place, province)), None)
        if town is not None:
            place = Place(town=town.place.town, region=town.place.region, foreign=town.place.foreign,
                          province=province or _province(town.place))
            rule = town.rule
        elif province is None:
            named = next((_province(h.place) for h in regions if _province(h.place) is not None), None)
            place = Place(province=named)
    return venue, place, rule


def _dateline_fits(dateline: Dateline | None, place: Place) -> bool:
    """The dateline gives the city when the text names none, and lies in the province the text
    names, if it names one (a foreign city or a town the gazetteer does not know only when the
    text names no province)."""
    if dateline is None or place.town is not None or place.foreign:
        return False
    province = _province(place)
    if dateline.foreign:
        return province is None
    if dateline.region is None:
        # a town the gazetteer does not know ("PANGKALAN BALAI"); one unknown word in capitals
        # is as often an outlet's acronym ("HUMAS –") as a town, unless the outlet is named beside it
        return province is None and (len(dateline.text.split()) > 1 or dateline.beside_outlet)
    return gazetteer.is_municipal(dateline.region) and (
        province is None or gazetteer.province_of(dateline.region).code == province.code)


def _clean_city(written: str) -> str:
    """'Kota Depok' -> 'Depok'; 'Kab. Sleman' -> 'Kabupaten Sleman'; 'DKI Jakarta' -> 'Jakarta';
    'TERNATE' -> 'Ternate'."""
    s = " ".join(written.split()).strip(" ,.")
    words = s.split()
    for parts, kind in gazetteer.type_word_phrases():
        n = len(parts)
        if len(words) > n and tuple(w.rstrip(".").lower() for w in words[:n]) == parts:
            rest = " ".join(words[n:])
            s = rest if kind == "kota" else f"{kind.title()} {rest}" if kind == "kabupaten" else s
            break
    region = gazetteer.lookup(s)
    if region is not None and gazetteer.city_name(region):
        return gazetteer.city_name(region)
    if s.isupper() and len(s) > 3:
        s = s.title()
    return s


def locate(doc: Doc, anchors: list[Span], *, dateline: Dateline | None = None,
           other_occasion: Callable[[Span], bool] = _never, other_day: Callable[[Span], bool] = _never) -> Found:
    """Venue and city of the signing reported in the `anchors` sentences, with the rules that
    gave them; Found.place is None when the text gives no place."""
    venue, place, rule = choose(candidates(doc, anchors, other_occasion=other_occasion, other_day=other_day), dateline)
    why = []
    city_text = region = None
    if place.town is not None:
        city_text, region = _clean_city(place.town.text), place.region
        why.append(("city", rule, (place.town.start_char, place.town.end_char)))
    elif _dateline_fits(dateline, place):
        city_text, region = _clean_city(dateline.text), dateline.region
        why.append(("city", "place.city_from_dateline", None))
        place = Place(foreign=dateline.foreign, province=place.province)
    venue_text = None
    if venue is not None:
        venue_text = " ".join(venue.span.text.split()).strip(" ,")
        why.insert(0, ("venue", venue.rule, (venue.span.start_char, venue.span.end_char)))
    province = None if place.foreign else (place.province or gazetteer.province_of(region))
    if venue_text is None and city_text is None and province is None:
        return Found(None)
    if region is None and province is not None and not place.foreign:
        region = province
    where = venue.span if venue is not None else place.town
    return Found({
        "venue": venue_text,
        "city": city_text,
        "province": province.name if province else None,
        "region_code": None if place.foreign or region is None else region.code,
        "region_name": None if place.foreign or region is None else region.name,  # official name
        "span": [where.start_char, where.end_char] if where is not None else None,
    }, why)


def find_place(doc: Doc, anchors: list[Span], *, dateline: Dateline | None = None) -> dict | None:
    """Venue and city of the signing, or None when the text gives no place (see `locate`)."""
    return locate(doc, anchors, dateline=dateline).place
