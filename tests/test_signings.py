"""Linking reports into signings and merging them (mouextract.signings), over hand-built results."""
import pytest

from mouextract.signings import Linker, link
from signing_results import HERU, JAKARTA, RECTOR, KAB, KEJARI, PEMKAB, PEMKOT, PROVINCE, UNI, agreement, result


def groups(results):
    return [[r["agreement_id"] for r in s["reports"]] for s in link(results)]


# --- which reports are one signing -------------------------------------------------------------

SAME = [
    ("one day, names written differently",
     [result("a", agreement()), result("b", agreement(((PEMKOT[1], None), ("Unibnus", None))))]),
    ("a report without a date, published the next day",
     [result("a", agreement()), result("b", agreement(date=None), published="2024-02-09")]),
    ("a report without a date, published that day (the dated one came later)",
     [result("b", agreement(date=None), published="2024-02-08"), result("a", agreement())]),
    ("two reports without a date, published five days apart",
     [result("a", agreement(date=None), published="2024-02-08"),
      result("b", agreement(date=None), published="2024-02-13")]),
    ("a province and a city in it",
     [result("a", agreement(place=PROVINCE)), result("b", agreement())]),
    ("another city, from the dateline only (filed elsewhere)",
     [result("a", agreement()), result("b", agreement(place=JAKARTA), dateline="JAKARTA")]),
    ("a city unknown on one side",
     [result("a", agreement(place={})), result("b", agreement())]),
    ("an instrument named only loosely ('kerja sama')",
     [result("a", agreement()), result("b", agreement(kind="perjanjian_kerja_sama", type_text="kerja sama"))]),
    ("a report naming a third party too",
     [result("a", agreement((PEMKOT, UNI, KEJARI))), result("b", agreement())]),
    ("dates a day apart, the same signatory named",
     [result("a", agreement(signatories=[HERU])),
      result("b", agreement(date="2024-02-09", signatories=[{**HERU, "name": "Heru Prasetyo"}]))]),
    ("a report naming one party, with the same day and both signatories",
     [result("a", agreement(signatories=[HERU, RECTOR])), result("b", agreement((PEMKOT,), signatories=[HERU, RECTOR]))]),
    ("a date given as the month, published that month",
     [result("a", agreement()), result("b", agreement(date="2024-02", precision="month"), published="2024-02-10")]),
]


@pytest.mark.parametrize("results", [c[1] for c in SAME], ids=[c[0] for c in SAME])
def test_reports_of_one_signing_are_linked(results):
    assert groups(results) == [[r["article"]["id"] + "-1" for r in results]]


DIFFERENT = [
    ("the same parties a year later",
     [result("a", agreement()), result("b", agreement(date="2025-02-11"))]),
    ("no date, published ten days after",
     [result("a", agreement()), result("b", agreement(date=None), published="2024-02-18")]),
    ("no date, published three days before",
     [result("a", agreement()), result("b", agreement(date=None), published="2024-02-05")]),
    ("two reports without a date, published a month apart",
     [result("a", agreement(date=None), published="2024-02-08"),
      result("b", agreement(date=None), published="2024-03-08")]),
    ("no date and no publication date",
     [result("a", agreement()), result("b", agreement(date=None))]),
    ("one party in common (one institution signing with two)",
     [result("a", agreement()), result("b", agreement((PEMKOT, KEJARI)))]),
    ("the kota and the kabupaten of one name",
     [result("a", agreement((PEMKOT, UNI))), result("b", agreement((PEMKAB, UNI)))]),
    ("a report naming one party only",
     [result("a", agreement()), result("b", agreement((PEMKOT,)))]),
    ("a report naming one party and one signatory of the two",
     [result("a", agreement(signatories=[HERU, RECTOR])), result("b", agreement((PEMKOT,), signatories=[HERU]))]),
    ("a report naming one party and both signatories, with no date",
     [result("a", agreement(signatories=[HERU, RECTOR])),
      result("b", agreement((PEMKOT,), date=None, signatories=[HERU, RECTOR]), published="2024-02-08")]),
    ("two kinds of instrument",
     [result("a", agreement()), result("b", agreement(kind="perjanjian_kerja_sama", type_text="PKS"))]),
    ("two cities",
     [result("a", agreement()), result("b", agreement(place=KAB))]),
    ("another city, the dateline's but with a venue there",
     [result("a", agreement()), result("b", agreement(place=JAKARTA, venue="Hotel Sahid Jaya"), dateline="JAKARTA")]),
    ("dates a day apart, nothing else shared",
     [result("a", agreement()), result("b", agreement(date="2024-02-09"))]),
    ("a date given as the month, another month",
     [result("a", agreement()), result("b", agreement(date="2024-01", precision="month"), published="2024-02-10")]),
]


@pytest.mark.parametrize("results", [c[1] for c in DIFFERENT], ids=[c[0] for c in DIFFERENT])
def test_reports_of_two_signings_are_not_linked(results):
    assert groups(results) == [[r["article"]["id"] + "-1"] for r in results]


@pytest.mark.parametrize("n", [2])
def test_records_of_one_article_are_never_one_signing(n):
    assert groups([result("a", *[agreement() for _ in range(n)])]) == [[f"a-{k}"] for k in range(1, n + 1)]


@pytest.mark.parametrize("late", ["2024-03-02"])
def test_an_undated_report_joins_the_renewal_not_the_first_signing(late):
    results = [result("first", agreement(date="2021-03-01")), result("renewal", agreement(date="2024-03-01")),
               result("late", agreement(date=None), published=late)]
    assert groups(results) == [["first-1"], ["renewal-1", "late-1"]]


NEUTRAL = {"city": None, "province": None, "region_code": None, "region_name": None}
SOLO = (("Universitas Batik Nusantara", None), ("PT Bank Sejahtera", None))


@pytest.mark.parametrize("cities", [("Pekalongan", "Semarang")])
def test_a_report_fitting_two_signings_equally_starts_its_own(cities):
    one, two = ({**NEUTRAL, "city": c} for c in cities)
    results = [result("a", agreement(SOLO, place=one)), result("b", agreement(SOLO, place=two)),
               result("c", agreement(SOLO, place={}))]
    assert groups(results) == [["a-1"], ["b-1"], ["c-1"]]


# --- incremental -------------------------------------------------------------------------------

@pytest.mark.parametrize("extra", [result("c", agreement(date=None), published="2024-02-09", outlet="Batiknews.id")])
def test_one_more_report_adds_a_source_not_a_signing(extra):
    linker = Linker()
    first = [linker.add(r) for r in (result("a", agreement()), result("x", agreement((PEMKOT, KEJARI))),
                                     result("b", agreement()))]
    assert first == [[1], [2], [1]]
    assert linker.add(extra) == [1]
    records = list(linker.records())
    assert [s["n_reports"] for s in records] == [3, 1]
    assert records[0]["reports"][-1]["agreement_id"] == "c-1" and records[0]["outlets"] == ["Batiknews.id"]


@pytest.mark.parametrize("r", [result("a", agreement())])
def test_an_article_added_twice_changes_nothing(r):
    linker = Linker()
    linker.add(r)
    before = list(linker.records())
    assert linker.add(dict(r)) is None and list(linker.records()) == before


# --- the merged record ---------------------------------------------------------------------------

def test_people_are_merged_under_the_fullest_name():
    results = [result("a", agreement(signatories=[{"name": "Heru", "title": "Wali Kota Pekalongan", "party": 0}])),
               result("b", agreement(signatories=[HERU])),
               result("c", agreement(signatories=[{"name": "Wali Kota Heru Prasetyo Wibowo", "title": None}]))]
    people = link(results)[0]["signatories"]
    assert [(p["name"], p["title"], p["sources"]) for p in people] == [
        ("Heru Prasetyo Wibowo", "Wali Kota Pekalongan", ["a-1", "b-1", "c-1"])]


def test_parties_are_the_union_with_the_fullest_name_and_a_short_form():
    results = [result("a", agreement(((PEMKOT[1], None), (UNI[1], None)))),
               result("b", agreement((UNI, PEMKOT, KEJARI)))]
    parties = link(results)[0]["parties"]
    assert [(p["name"], p["short"], p["sources"]) for p in parties] == [
        ("Pemerintah Kota Pekalongan", "Pemkot Pekalongan", ["a-1", "b-1"]),
        ("Universitas Batik Nusantara", "Unibnus", ["a-1", "b-1"]),
        ("Kejaksaan Negeri Kota Pekalongan", None, ["b-1"])]


def test_a_signatory_points_at_the_merged_party():
    results = [result("a", agreement((PEMKOT, UNI), signatories=[HERU])),
               result("b", agreement((UNI, PEMKOT), signatories=[{**RECTOR, "party": 0}]))]
    assert [(p["name"], p["party"]) for p in link(results)[0]["signatories"]] == [
        ("Heru Prasetyo Wibowo", 0), ("Lestari Anggraini Putri", 1)]


def test_the_date_most_reports_give_wins_and_the_disagreement_is_flagged():
    results = [result(k, agreement(date=d, signatories=[HERU])) for k, d in
               (("a", "2024-02-09"), ("b", "2024-02-08"), ("c", "2024-02-08"))]
    s = link(results)[0]
    assert s["date"] == {"value": "2024-02-08", "precision": "day", "sources": ["b-1", "c-1"]}
    assert s["conflict"] is True and s["disagreements"] == [{"field": "date", "values": [
        {"value": "2024-02-09", "sources": ["a-1"]}, {"value": "2024-02-08", "sources": ["b-1", "c-1"]}]}]


@pytest.mark.parametrize("venues,venue,disagreement", [
    (["Ruang Jlamprang", "Ruang Jlamprang Setda Kota Pekalongan", None],
     "Ruang Jlamprang Setda Kota Pekalongan", []),
    (["Ruang Jlamprang", "Pendopo Kabupaten", "Ruang Jlamprang Setda"], "Ruang Jlamprang Setda",
     [{"field": "venue", "values": [{"value": "Ruang Jlamprang Setda", "sources": ["a-1", "c-1"]},
                                    {"value": "Pendopo Kabupaten", "sources": ["b-1"]}]}]),
])
def test_the_venue_most_reports_give_wins_written_most_fully(venues, venue, disagreement):
    s = link([result(k, agreement(venue=v)) for k, v in zip("abc", venues)])[0]
    assert (s["place"]["venue"], s["disagreements"], s["conflict"]) == (venue, disagreement, bool(disagreement))


def test_scope_is_the_union_with_an_item_held_by_another_dropped():
    results = [result("a", agreement(scope=["pertimbangan hukum", "bantuan hukum"])),
               result("b", agreement(scope=["pemberian pertimbangan hukum", "pemulihan aset daerah"]))]
    assert [(x["text"], x["sources"]) for x in link(results)[0]["scope"]] == [
        ("pemberian pertimbangan hukum", ["a-1", "b-1"]), ("bantuan hukum", ["a-1"]),
        ("pemulihan aset daerah", ["b-1"])]


def test_reports_outlets_and_urls_are_listed():
    results = [result("a", agreement(), outlet="Jalurpantura.id", url="https://jp.id/1"),
               result("b", agreement(), outlet="Jalurpantura.id", url="https://jp.id/2"),
               result("c", agreement(), published="2024-02-08")]
    s = link(results)[0]
    assert (s["n_reports"], s["outlets"], s["urls"]) == (3, ["Jalurpantura.id"], ["https://jp.id/1", "https://jp.id/2"])
    assert s["reports"][2] == {"agreement_id": "c-1", "article_id": "c", "path": "in/c.txt", "title": "Berita c",
                               "outlet": None, "published": "2024-02-08", "url": None}


def test_a_signing_reported_once_is_its_report():
    s = link([result("a", agreement(venue="Ruang Jlamprang", witnesses=[{"name": "Yulianto Saputro", "title": "Ketua DPRD"}]))])[0]
    assert (s["signing_id"], s["type"], s["date"]["value"], s["place"]["region_code"], s["conflict"]) == (
        1, "nota_kesepahaman", "2024-02-08", "33.75", False)
    assert s["witnesses"] == [{"name": "Yulianto Saputro", "title": "Ketua DPRD", "sources": ["a-1"]}]


@pytest.mark.parametrize("odd", [
    {"article": "x", "agreements": "y"},
    {"article": {"sha256": ["x"], "published": 5, "outlet": ["o"]}, "agreements": [None, "a", 3]},
    {"agreements": [{"parties": None, "date": "2024", "place": [], "signatories": {"a": 1}, "scope": [1, None]}]},
    {"agreements": [{"parties": [{"name": 5, "short": ["x"]}, {"name": None}, "Pemkot"], "type_text": 7,
                     "date": {"value": 20240208, "precision": "day"}, "place": {"region_code": 33, "venue": 1},
                     "signatories": [{"name": 3, "title": {}, "party": "0"}], "witnesses": [{"name": ["a"]}]}]},
])
def test_results_of_an_odd_shape_are_linked_without_error(odd):
    records = link([result("a", agreement()), odd, result("b", agreement())])
    assert [r["agreement_id"] for r in records[0]["reports"]] == ["a-1", "b-1"]
