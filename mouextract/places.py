"""Where a signing took place: the venue (building or room) and the city, with its region code.

Reads the Doc only: its sentences, the venue phrases of `doc.spans["venues"]` (each with the town
and province it names) and the place names of `doc.spans["regions"]`. A place counts where a
cue of patterns/venues.yml (`place_cues`) puts something there: "di", "bertempat (di)", and in
the signing sentence itself "ke".

`candidates` collects, tier by tier, the places the text ties to the signing: the sentences that
report it, then their neighbours, then sentences about the occasion ("Acara digelar di ..."),
then the lead (venues only). `choose` picks among them and applies the city rule of the gold
guidelines: the text's place wins; the dateline gives the city only when the text places the
signing nowhere else (and within the province the text names, if it names one).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from spacy.tokens import Doc, Span

from mouextract import gazetteer
from mouextract.gazetteer import Region
from mouextract.patterns import load as load_data
from mouextract.reading import venues as venue_reading
from mouextract.reading.venues import Place

# rule labels of the span ruler (patterns/agreements.yml, signing.yml)
LEAD_LABELS = ("AGREEMENT", "AGREEMENT_WEAK", "SIGN")
OCCASION_LABELS = ("EVENT", "SIGN")   # "Acara digelar di ...", "penandatanganan yang dilakukan di ..."
AGREEMENT_LABELS = ("AGREEMENT", "AGREEMENT_WEAK")
RULES_KEY = "rules"
TIERS = ("signing", "neighbour", "occasion", "lead")  # not-linguistic: the tiers of `candidates`, best first
LEAD_SENTENCES = 5        # the lead: the first sentences, of which at most three name an agreement
MAX_QUOTE_TOKENS = 200    # a quotation longer than this lost its closing mark


@dataclass(frozen=True)
class _Cues:
    prepositions: dict
    signing_prepositions: dict
    event_verbs: frozenset
    scope_nouns: frozenset
    after_openers: frozenset
    lead_words: frozenset


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    data = load_data("venues.yml")["place_cues"]
    words = lambda key: frozenset(str(w).lower() for w in data[key])  # noqa: E731
    return _Cues(venue_reading._phrases(data["prepositions"]), venue_reading._phrases(data["signing_prepositions"]),
                 words("event_verbs"), words("scope_nouns"), words("after_signing_openers"), words("lead_words"))


@dataclass(frozen=True)
class Hit:
    """A place the text puts after a cue: a venue (with the place it names) or a bare region."""
    kind: str          # "venue" | "region"
    span: Span         # the venue, or the region named
    place: Place
    tier: str          # "signing" | "neighbour" | "occasion" | "lead"


@dataclass(frozen=True)
class Dateline:
    """The place a dateline names: an Indonesian region (None for a town the gazetteer does not
    know) or a foreign city."""
    text: str
    region: Region | None
    foreign: bool = False


@dataclass
class Found:
    place: dict | None
    why: list = field(default_factory=list)   # (field, rule id, (start, end))


# -- reading the cues in one sentence -------------------------------------------------------

def _quoted(texts: list[str]) -> set[int]:
    """Token indices inside quotation marks: what a speaker says happened elsewhere."""
    inside: set[int] = set()
    opened = None
    for i, t in enumerate(texts):
        if opened is None and t in ("“", '"'):
            opened = i
        elif opened is not None and (t == "”" or (t == '"' and texts[opened] == '"')):
            if i - opened <= MAX_QUOTE_TOKENS:
                inside.update(range(opened, i + 1))
            opened = None
    return inside


class _Sentences:
    """One article's places after cues, sentence by sentence."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.cues = _cues()
        self.reader = venue_reading.reader(doc)
        self.t = self.reader.t
        self.venue_at = {s.start: s for s in doc.spans.get(venue_reading.GROUP, [])}
        self.region_at = {s.start: s for s in doc.spans.get("regions", [])}
        self.quoted = _quoted(self.t.text)

    def hits(self, sent: Span, tier: str, *, regions_need_event: bool = False, after: set[int] | None = None,
             moving: bool = False) -> list[Hit]:
        """The places after a cue in `sent`; with `after`, only cues that follow one of those
        tokens; the cues of movement ("ke") in a signing sentence, or with `moving`."""
        cues, t = self.cues, self.t
        end = sent.end
        if t.lower[sent.start] in cues.after_openers:
            commas = [k for k in range(sent.start, sent.end) if t.text[k] == ","]
            end = commas[0] if commas else sent.start  # after the comma: what followed the signing
        tables = [cues.prepositions] + ([cues.signing_prepositions] if tier == "signing" or moving else [])
        out = []
        i = sent.start
        while i < end:
            n = max(venue_reading.phrase_at(t.bare, i, table, end) for table in tables)
            if not n or i in self.quoted or (after is not None and not any(sent.start <= k < i for k in after)):
                i += 1
                continue
            at = i + n
            hit = self._hit_at(at, sent, tier, before=i, regions_need_event=regions_need_event)
            if hit is not None:
                out.append(hit)
            i = at
        return out

    def _hit_at(self, at: int, sent: Span, tier: str, *, before: int, regions_need_event: bool) -> Hit | None:
        cues, t = self.cues, self.t
        venue = self.venue_at.get(at)
        if venue is not None:
            return Hit("venue", venue, venue._.place, tier)
        if tier == "lead":
            return None
        region = self.region_at.get(at)
        if region is None or region.end > sent.end:
            return self._foreign_city_at(at, sent, tier)
        if before > sent.start and t.lower[before - 1] in cues.scope_nouns:
            return None   # "pelayanan publik di Kota X": where people are served
        if region.end < sent.end and t.caps[region.end] and region.end not in self.region_at:
            return None   # "di Riau Teken MoU": a region inside a longer name
        if regions_need_event and not any(w in cues.event_verbs for w in t.lower[sent.start:before]):
            return None
        return Hit("region", region, self.reader.place_after(region), tier)

    def _foreign_city_at(self, at: int, sent: Span, tier: str) -> Hit | None:
        """"di Canberra, Australia": a capitalised name before a country is a foreign city."""
        t = self.t
        k = at
        while k < sent.end and t.caps[k] and k - at < venue_reading.MAX_UNKNOWN_PART:
            k += 1
        if k == at or k + 1 >= sent.end or t.text[k] != ",":
            return None
        country = self.region_at.get(k + 1)
        if country is None or country.label_ != "country":
            return None
        town = self.doc[at:k]
        return Hit("region", town, Place(town=town, foreign=True), tier)


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


def candidates(doc: Doc, anchors: list[Span], *, other_occasion: Callable[[Span], bool] = _never,
               other_day: Callable[[Span], bool] = _never) -> list[Hit]:
    """Every place the text ties to the signing reported in `anchors`, best tier first.

    `other_day(sentence)` tells a sentence dated to another day; `other_occasion(sentence)` one
    about another occasion (that, or a past or planned event). A signing sentence of another day
    reports another signing; the other tiers skip both kinds."""
    reading = _Sentences(doc)
    cues, t = reading.cues, reading.t
    sents = [doc[a:b] for a, b in t.sents if not all(t.space[a:b])]
    has_event_verb = lambda s: any(w in cues.event_verbs for w in t.lower[s.start:s.end])  # noqa: E731
    labelled = lambda labels: {sp.start for sp in doc.spans.get(RULES_KEY, []) if sp.label_ in labels}  # noqa: E731
    event_words, lead_words = labelled(OCCASION_LABELS), labelled(LEAD_LABELS)
    agreement = labelled(AGREEMENT_LABELS)
    names_agreement = lambda s: any(s.start <= k < s.end for k in agreement)  # noqa: E731
    hits: list[Hit] = []
    for s in anchors:
        if not other_day(s):
            hits += reading.hits(s, "signing")
    for s in _neighbours(sents, anchors, has_event_verb):
        if not other_occasion(s):
            hits += reading.hits(s, "neighbour", regions_need_event=True, moving=names_agreement(s))
    seen = {s.start for s in anchors}
    for s in sents:
        if s.start not in seen and not other_occasion(s) and any(s.start <= k < s.end for k in event_words):
            hits += reading.hits(s, "occasion", after=event_words)
    opening = sents[1:] if sents and not sents[0].text.rstrip().endswith((".", "!", "?")) else sents  # a headline
    lead = [s for s in opening[:LEAD_SENTENCES]
            if any(s.start <= k < s.end for k in lead_words) or any(w in cues.lead_words for w in t.lower[s.start:s.end])][:3]
    for s in lead:
        if not other_day(s):
            hits += reading.hits(s, "lead")
    return hits


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
    signing sentences or their neighbours name); its town is the city. Otherwise the first region named
    after a cue in the province the venue is in; otherwise the dateline, when it lies in that
    province. A region of the neighbours counts only after an event verb (`candidates` does that)."""
    region = next((h for h in hits if h.kind == "region" and h.place.town is not None and h.tier in TIERS[:2]), None)
    venue = next((h for h in hits if h.kind == "venue" and not _elsewhere(h, region)), None)
    place = venue.place if venue is not None else Place()
    rule = f"city_from_venue_{venue.tier}" if venue is not None and place.town is not None else None
    if place.town is None and not place.foreign:
        province = _province(place)
        regions = [h for h in hits if h.kind == "region" and h.tier != "lead"]
        town = next((h for h in regions if h.place.town is not None and _compatible(h.place, province)), None)
        if town is not None:
            place = Place(town=town.place.town, region=town.place.region, foreign=town.place.foreign,
                          province=province or _province(town.place))
            rule = f"city_after_cue_{town.tier}"
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
        # is as often an outlet's acronym ("HUMAS –") as a town
        return province is None and len(dateline.text.split()) > 1
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
        why.append(("city", "city_from_dateline", None))
        place = Place(foreign=dateline.foreign, province=place.province)
    venue_text = None
    if venue is not None:
        venue_text = " ".join(venue.span.text.split()).strip(" ,")
        why.insert(0, ("venue", f"venue_{venue.tier}", (venue.span.start_char, venue.span.end_char)))
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
