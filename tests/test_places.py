"""Place of the signing: venue and city from the sentences around the signing."""
import pytest

import mouextract

from mouextract.nlp import RULES_KEY, parse
from mouextract.places import find_place
from mouextract.places_stage import read_dateline


def _dateline(head):
    """The dateline read from an article whose body opens with `head` ("Tenggarong –")."""
    return read_dateline(parse(f"Judul berita\n{head} Isi berita.\n"))[2]


def _place(text, dateline=None):
    """find_place with the sentences that hold a signing word (the ruler's SIGN) as anchors;
    `dateline` is the head of a dateline line ("Tenggarong –")."""
    doc = parse(text)
    signs = [s.start for s in doc.spans[RULES_KEY] if s.label_ == "SIGN"]
    anchors = [s for s in doc.sents if any(s.start <= k < s.end for k in signs)]
    return find_place(doc, anchors, dateline=_dateline(dateline) if dateline else None)


@pytest.mark.parametrize("text, venue, city, code", [
    ("Nota kesepahaman itu ditandatangani di Aula Serbaguna, Kompleks Pemerintah Kota Depok, Senin (4/3/2024).",
     "Aula Serbaguna, Kompleks Pemerintah Kota Depok", "Depok", "32.76"),
    ("Penandatanganan dilaksanakan di Ruang Rapat Graha Bhakti Purwokerto.",
     "Ruang Rapat Graha Bhakti", "Purwokerto", "33.02"),
    ("MoU diteken di Mapolres Ternate pada Rabu pagi.", "Mapolres Ternate", "Ternate", "82.71"),
    ("Perjanjian ditandatangani kedua pihak di Hotel Mawar, Samarinda, Kamis.", "Hotel Mawar", "Samarinda", "64.72"),
    ("MoU ditandatangani di Gedung Utama Mabes Polri, Kebayoran Baru, Jakarta, Jumat.",
     "Gedung Utama Mabes Polri, Kebayoran Baru", "Jakarta", "31.74"),
    ("Kesepakatan diteken di Ruang Rapat Anggrek, Balai Kota DKI Jakarta, Selasa.",
     "Ruang Rapat Anggrek, Balai Kota DKI Jakarta", "Jakarta", "31"),
    ("Rektor dan Bupati menandatangani MoU di Gedung Pakuan, Kota Bandung, Jawa Barat.",
     "Gedung Pakuan", "Bandung", "32.73"),
    ("Penandatanganan berlangsung di aula Kantor Wilayah Kementerian Hukum Bali, Denpasar.",
     "aula Kantor Wilayah Kementerian Hukum Bali", "Denpasar", "51.71"),
    # a head in lower case with lower-case words before the name
    ("Naskah itu diteken di kantor cabang Koperasi Sentosa, Surabaya, Selasa (4/2/2025).",
     "kantor cabang Koperasi Sentosa", "Surabaya", "35.78"),
    ("Kedua pihak meneken MoU di ruang rapat lantai 2 Dinas Kesehatan Kabupaten Bantul, Kamis.",
     "ruang rapat lantai 2 Dinas Kesehatan Kabupaten Bantul", "Kabupaten Bantul", "34.02"),
    # a province inside an institution's name: the town written after the venue places it
    ("MoU diteken di kantor induk Bank Sentosa Jateng, Jakarta, Senin.", "kantor induk Bank Sentosa Jateng",
     "Jakarta", "31"),
    ("PKS diteken di kantor wilayah Asuransi Mulia Jawa Barat, Bandung, Senin.",
     "kantor wilayah Asuransi Mulia Jawa Barat", "Bandung", "32.73"),
])
def test_venue_and_city_from_the_venue_phrase(text, venue, city, code):
    place = _place(text)
    assert (place["venue"], place["city"], place["region_code"]) == (venue, city, code)


@pytest.mark.parametrize("text, venue", [
    ("Yayasan Nurul Iman dan Bank Sejahtera meneken MoU tabungan siswa di aula madrasah, Jumat (8/11/2024).", "aula madrasah"),
    ("Kepala desa dan BUMDes menandatangani perjanjian di ruang rapat kantor desa, Senin.", "ruang rapat kantor desa"),
    ("Bupati dan Kepala Dinas Koperasi menandatangani MoU di ruang kerja bupati, Senin.", "ruang kerja bupati"),
    ("Bupati dan Rektor menandatangani MoU di ruang kerja wali kota, Senin.", "ruang kerja wali kota"),
    ("Camat dan Kapolsek meneken MoU di aula kantor kecamatan, Senin.", "aula kantor kecamatan"),
])
def test_a_venue_named_by_its_kind(text, venue):
    assert _place(text)["venue"] == venue


@pytest.mark.parametrize("text", [
    "Kedua pihak menandatangani MoU di gedung serbaguna, Senin.",
    "Kedua pihak menandatangani MoU di kantor masing-masing, Senin.",
    "Kedua pihak menandatangani MoU di kantor cabang, Senin.",
    # where the service will be, not where it was signed
    "Pemkab dan Bank Sejahtera meneken MoU untuk membuka layanan kas di kantor desa, Senin.",
    "Pemkab dan Bank Sejahtera meneken MoU, Senin. Warga kini bisa menabung di kantor desa.",
])
def test_a_head_with_common_words_is_no_venue(text):
    assert (_place(text) or {}).get("venue") is None


@pytest.mark.parametrize("text, venue, city", [
    ("Kedua universitas meneken MoU di University of Tokyo, Jepang, Senin.", "University of Tokyo", "Tokyo"),
    ("Kedua universitas meneken MoU di Kyoto University, Jepang, Senin.", "Kyoto University", "Kyoto"),
    ("Kedua perusahaan meneken MoU di Hotel Shangri-La Kuala Lumpur, Malaysia, Senin.", "Hotel Shangri-La", "Kuala Lumpur"),
    ("Kedua perusahaan meneken MoU di kantor pusat Samsung di Seoul, Korea Selatan, Senin.", "kantor pusat Samsung", "Seoul"),
    # a venue abroad without a head word: no venue, and its name is no town
    ("Kadin dan mitra meneken MoU di Marina Bay Sands, Singapura, Senin.", None, None),
])
def test_venues_abroad(text, venue, city):
    place = _place(text) or {}
    assert (place.get("venue"), place.get("city"), place.get("region_code")) == (venue, city, None)


def test_a_place_in_a_clause_of_purpose_is_not_the_signing_place():
    place = _place("PT Energi Hijau meneken perjanjian untuk membangun pembangkit di Provinsi Maluku, Senin.",
                   dateline="JAKARTA –")
    assert (place["city"], place["region_code"]) == ("Jakarta", "31")


def test_city_is_inferred_from_the_venue_name():
    place = _place("Kedua lembaga meneken perjanjian di Aula Kejaksaan Negeri Pangkep, Selasa.")
    assert (place["city"], place["region_code"], place["province"]) == ("Pangkep", "73.10", "Sulawesi Selatan")


def test_region_named_with_di_gives_city_without_venue():
    place = _place("Kedua pihak meneken perjanjian di Kabupaten Sleman, Daerah Istimewa Yogyakarta, Senin.")
    assert (place["venue"], place["city"], place["region_code"]) == (None, "Kabupaten Sleman", "34.04")


def test_foreign_city_is_kept_as_written_without_code():
    place = _place("Penandatanganan MoU kedua perusahaan berlangsung di Canberra, Australia, pekan lalu.")
    assert (place["city"], place["region_code"], place["province"]) == ("Canberra", None, None)


def test_signing_place_wins_over_dateline():
    place = _place("Perjanjian ditandatangani di Hotel Mawar, Balikpapan.", dateline="Tenggarong –")
    assert place["city"] == "Balikpapan"


def test_dateline_fills_in_when_venue_names_no_city():
    place = _place("MoU itu diteken di Gedung Daerah Riau, Kamis.", dateline="Pekanbaru –")
    assert (place["venue"], place["city"], place["region_code"]) == ("Gedung Daerah Riau", "Pekanbaru", "14.71")


def test_dateline_outside_the_venue_province_is_not_used():
    place = _place("MoU itu diteken di Gedung Kantor Gubernur Kaltim, Kamis.", dateline="Medan –")
    assert (place["city"], place["province"]) == (None, "Kalimantan Timur")


def test_venue_in_the_next_sentence_that_says_where_the_event_was():
    text = ("Perjanjian itu ditandatangani kedua kepala daerah. "
            "Acara berlangsung di Hotel Grand Melati, Kota Bandung, Rabu.")
    place = _place(text)
    assert (place["venue"], place["city"]) == ("Hotel Grand Melati", "Bandung")


def test_span_points_at_the_venue():
    text = "Kedua pihak menandatangani nota kesepahaman di Wisma Bahari, Kota Kupang."
    place = _place(text)
    start, end = place["span"]
    assert text[start:end] == "Wisma Bahari"


@pytest.mark.parametrize("text, dateline", [
    # no place at all
    ("Nota kesepahaman itu ditandatangani Bupati dan Rektor pada Senin.", None),
    # the region is where the people served live, not where it was signed
    ("Kerja sama ditandatangani untuk melindungi penduduk di Kabupaten Bantul.", None),
    # a place inside a quotation is what the speaker talks about
    ("\"Layanan di Kota Malang akan membaik,\" kata Wali Kota usai menandatangani MoU.", None),
    # regions listed as a comparison of size
    ("Perjanjian ditandatangani Senin. Luasnya tiga kali luas Bandung Raya (Bandung, Cimahi, Sumedang).", None),
    # after the signing, the reading took place elsewhere
    ("Usai ditandatangani, dokumen itu dibacakan di Ruang Cendana, Istana Merdeka.", None),
    # a dateline that is the outlet's name
    ("Nota kesepahaman itu ditandatangani Bupati dan Rektor pada Senin.", "Kabarku –"),
])
def test_no_place_when_the_text_gives_none_for_the_signing(text, dateline):
    assert _place(text, dateline=dateline) is None


def test_person_named_like_a_town_is_not_the_city():
    place = _place("MoU diteken oleh Bapak Tegal Wibowo di Pendopo Agung.")
    assert (place["venue"], place["city"]) == ("Pendopo Agung", None)


def test_region_after_a_venue_word_used_as_common_noun_is_not_a_venue():
    place = _place("Kedua pihak menandatangani MoU di ruang rapat di Kota Madiun.")
    assert (place["venue"], place["city"]) == (None, "Madiun")


# -- the city rule of the guidelines, end to end ------------------------------------------------

def _extracted_place(text):
    agreements = mouextract.extract(text)["agreements"]
    assert len(agreements) == 1
    return agreements[0]["place"] or {}


@pytest.mark.parametrize("text, city, code", [
    # the dateline gives the city when the text places the signing nowhere else
    ("Judul\nMAGELANG – Pemkot Magelang dan Kejari Magelang meneken MoU, Senin (2/10/2023).", "Magelang", "33.71"),
    # an outlet's dateline yields to a venue in another town, even one named far from the signing
    ("Judul\nJAKARTA, Kabar.id – Wali Kota Salatiga meneken nota kesepakatan dengan Kejari Salatiga, "
     "Senin (2/10/2023).\nKerja sama ini memperluas layanan hukum. Layanan itu dibuka di mal pelayanan "
     "publik. Warga menyambutnya.\nDalam acara yang digelar di Ruang Sidang Wali Kota, Balaikota Salatiga, "
     "ia menekankan pentingnya layanan.", "Salatiga", "33.73"),
    # ... and to a town written after the venue
    ("Judul\nBANDUNG – Rektor dan Bupati meneken MoU di Kantor Kementerian Dalam Negeri, Jakarta, "
     "Senin (2/10/2023).", "Jakarta", "31"),
    # a venue that names its town gives the town
    ("Judul\nBupati Banggai dan Kajari Banggai meneken MoU di Kantor Bupati Banggai, Kamis (5/10/2023).",
     "Banggai", "72.01"),
    # a foreign city counts, named alone or by the embassy there; it has no region code
    ("Judul\nKadin Indonesia dan Kadin Senegal menandatangani MoU di Dakar, Senin (5/6/2017).", "Dakar", None),
    ("Judul\nDubes menyaksikan penandatanganan MoU kedua perusahaan di KBRI Tokyo, Jumat (9/6/2023).", "Tokyo", None),
    # a dateline's district gives its regency's code
    ("Judul\nKALIANDA – Pemkab dan Kejari meneken MoU, Senin (2/10/2023).", "Kalianda", "18.01"),
    # a town the gazetteer does not know, written in capitals, is kept as written
    ("Judul\nPANGKALAN KUAS – Pemkab dan Kejari meneken MoU, Senin (2/10/2023).", "Pangkalan Kuas", None),
    # ... and one word beside the outlet's name is a town, not an acronym
    ("Judul\nSungaikuas (ANTARA) – Pemkab dan Kejari meneken MoU, Senin (2/10/2023).", "Sungaikuas", None),
    # a lower-case venue with its town after it wins over the dateline
    ("Judul\nJAKARTA, Kabar.id – PT Surya Tani meneken nota kesepahaman dengan Bank Sentosa untuk menyediakan "
     "benih jagung bagi petani di Nusa Tenggara Barat. MoU itu diteken di kantor cabang Bank Sentosa, Semarang, "
     "Rabu (15/1/2025).", "Semarang", "33.74"),
    # a province in a clause of purpose does not keep the dateline out
    ("Judul\nJAKARTA, Kabar.id – PT Surya Tani meneken nota kesepahaman dengan PT Benih Unggul untuk menyediakan "
     "benih jagung bagi petani di Nusa Tenggara Barat, Rabu (15/1/2025).", "Jakarta", "31"),
])
def test_city_of_the_signing(text, city, code):
    place = _extracted_place(text)
    assert (place.get("city"), place.get("region_code")) == (city, code)


@pytest.mark.parametrize("text", [
    # one unknown word in capitals is as often an outlet's acronym as a town
    "Judul\nHUMASKAB – Pemkab dan Kejari meneken MoU, Senin (2/10/2023).",
    # a dateline outside the province the venue names
    "Judul\nMEDAN – Pemprov dan Bank meneken MoU di Gedung Daerah Riau, Senin (2/10/2023).",
])
def test_no_city_when_the_dateline_cannot_give_it(text):
    assert _extracted_place(text).get("city") is None


def test_a_signing_sentence_of_another_day_places_another_signing():
    place = _extracted_place(
        "Judul\nPemkot Madiun dan Polres Madiun meneken MoU di Kota Madiun, Senin (2/10/2023). "
        "Penandatanganan serupa dilakukan pada 5 Agustus 2023 di Hotel Merdeka, Kota Kediri.")
    assert (place["venue"], place["city"]) == (None, "Madiun")


def test_the_dateline_date_is_no_other_day():
    # the report's date after the dateline, the signing's day later in the sentence
    place = _extracted_place(
        "Judul\nJAMBI, 20 Februari 2025 – Balai Merapi menandatangani perjanjian kerja sama dengan Pemerintah "
        "Kabupaten Kerinci di Aula Kantor Balai Merapi, Rabu (19/2).")
    assert place["venue"] == "Aula Kantor Balai Merapi"


def test_an_office_title_inside_a_venue_name_is_no_cut():
    place = _extracted_place("Judul\nPerjanjian ditandatangani di Aula Kantor Wali Kota Magelang, Kamis (5/10/2023).")
    assert (place["venue"], place["city"]) == ("Aula Kantor Wali Kota Magelang", "Magelang")


# -- the dateline -----------------------------------------------------------------------------

@pytest.mark.parametrize("opening, place, outlet", [
    ("KUDUS, Warta.id – Pemkab meneken MoU.", "KUDUS", "Warta.id"),
    ("Blora (Antara Jateng) - Pemkab meneken MoU.", "Blora", "Antara Jateng"),
    ("Warta.com, SURABAYA - Pemkot meneken MoU.", "SURABAYA", "Warta.com"),
    ("Seoul (ANTARA) – Dua perusahaan meneken MoU.", "Seoul", "ANTARA"),
    ("PADANG-Universitas meneken MoU.", "PADANG", None),
    ("Kendal, Senin (2/10) – Pemkab meneken MoU.", "Kendal", None),
    ("Pati: Pemkab meneken MoU.", "Pati", None),
    # a town the gazetteer knows as a district, in title case
    ("Marabahan – Pemkab meneken MoU.", "Marabahan", None),
    # a hyphen inside the outlet's name is no separator
    ("BLORA, KABAR-BLORA.CO.ID – Pemkab meneken MoU.", "BLORA", "KABAR-BLORA.CO.ID"),
    # the part the gazetteer knows is the place, the other the outlet
    ("WARTA TIMUR, KUPANG – Pemkot meneken MoU.", "KUPANG", "WARTA TIMUR"),
    ("Kudus, Warta Muria – Pemkab meneken MoU.", "Kudus", "Warta Muria"),
    # the outlet's address before the place, without a comma
    ("kabarbaru.id Purwokerto – Pemkab meneken MoU.", "Purwokerto", "kabarbaru.id"),
    # a town unknown to the gazetteer beside an outlet in brackets
    ("Sungaikuas (ANTARA) – Pemkab meneken MoU.", "Sungaikuas", "ANTARA"),
    # a date glued to the place by a comma
    ("Gianyar,12/3 (Balinews) – Pemkab meneken MoU.", "Gianyar", "Balinews"),
    # the outlet on the dateline's own line, after the separator
    ("Kendal || Warta Kendal.Com\nPemkab meneken MoU.", "Kendal", "Warta Kendal.Com"),
    # a date written after the place
    ("Jakarta, 12 Maret 2024 – Pemkab meneken MoU.", "Jakarta", None),
    # an abbreviated type word is no web address
    ("KAB. SLEMAN – Pemkab meneken MoU.", "KAB. SLEMAN", None),
    # the outlet between two separators of different kinds; a dash repeated is an aside
    ("Purwokerto | Kabar Banyumas – Pemkab meneken MoU.", "Purwokerto", "Kabar Banyumas"),
    ("JAKARTA – Menteri Desa – yang juga ketua tim – meneken MoU.", "JAKARTA", None),
    # an outlet named without a place
    ("WARTAKITA.COM – Pemkab meneken MoU.", None, "WARTAKITA.COM"),
    ("WARTAKITA.COM – Pemkab meneken MoU dengan Kejari, Senin (2/10/2023), di Pendopo Kabupaten.", None, "WARTAKITA.COM"),
    # lines before the body: a byline's date, an advertisement
    ("Iklan\nSenin, 2 Oktober 2023\nBATANG, Warta.id – Pemkab meneken MoU.", "BATANG", "Warta.id"),
])
def test_dateline_place_and_outlet(opening, place, outlet):
    assert read_dateline(parse(f"Judul berita\n{opening}\n"))[:2] == (place, outlet)


@pytest.mark.parametrize("opening", [
    "Baca juga: Pemkab meneken MoU.",
    "KPUKUDUS, 2 Oktober 2023 bertempat di gedung DPRD – isi.",
    "Pemkab Kudus meneken MoU dengan Kejari Kudus di Pendopo, Senin.",
    # one name the gazetteer does not know, in title case: as often the outlet's as a town
    "Kabarku – Pemkab meneken MoU.",
    # a subtitle with a colon
    "Bupati Kendal: Kerja sama ini penting.",
])
def test_no_dateline(opening):
    assert read_dateline(parse(f"Judul berita\n{opening}\n"))[:2] == (None, None)


# -- the reading components ------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Rapat di Kab. Banyumas dan Kota Tegal.", [("Kab. Banyumas", "kabupaten", "33.02"), ("Kota Tegal", "kota", "33.76")]),
    ("Tim tiba di Tenggarong dari Kaltim.", [("Tenggarong", "town", "64.02"), ("Kaltim", "provinsi", "64")]),
    ("Delegasi dari Nairobi, Kenya tiba.", [("Nairobi", "foreign", None), ("Kenya", "country", None)]),
])
def test_regions_group_carries_each_region(text, expected):
    doc = parse(text)
    assert [(s.text, s.label_, s._.region.code if s._.region else None) for s in doc.spans["regions"]] == expected


@pytest.mark.parametrize("text, venue, town, in_venue", [
    ("Acara di Hotel Melati, Samarinda, Senin.", "Hotel Melati", "Samarinda", False),
    ("Acara di Graha Wisata Sleman, Senin.", "Graha Wisata", "Sleman", False),
    ("Acara di Mapolres Sleman, Senin.", "Mapolres Sleman", "Sleman", True),
    ("Acara di Aula Bank Kaltim, Senin.", "Aula Bank Kaltim", None, False),
])
def test_venues_group_carries_the_town_it_names(text, venue, town, in_venue):
    span = parse(text).spans["venues"][0]
    place = span._.place
    assert (span.text, place.town.text if place.town is not None else None, place.town_in_venue) == (venue, town, in_venue)


@pytest.mark.parametrize("text, quotes", [
    ("Kata dia, “Layanan di Kota Malang membaik,” lalu pergi.", ["“Layanan di Kota Malang membaik,”"]),
    ('Ia berkata "ini penting" dan "itu juga".', ['"ini penting"', '"itu juga"']),
    # a quotation that never closes is none
    ("Kata dia, “Layanan di Kota Malang membaik.", []),
])
def test_quotes_group_holds_each_quotation(text, quotes):
    assert [s.text for s in parse(text).spans["quotes"]] == quotes


def test_a_signing_sentence_that_also_dates_a_statement_keeps_its_venue():
    # "X di Jayapura, Senin, mengatakan ... diteken ... pada Kamis lalu di Y": the sentence gives
    # the signing's day, so its venue is the signing's, though it names the statement's day too
    text = ("Judul\n\nSenin, 19 Februari 2024\n\nJAYAPURA - Pemkab Sleman dan BPJS Kesehatan Cabang Sleman telah "
            "menandatangani perjanjian kerja sama. Bupati Sleman Budi Santoso di Jayapura, Senin, mengatakan "
            "perjanjian itu diteken olehnya pada Kamis lalu di Aula Kantor BPJS Kesehatan Sleman.")
    agreement = mouextract.extract(text)["agreements"][0]
    assert (agreement["date"]["text"], agreement["place"]["venue"]) == ("Kamis lalu", "Aula Kantor BPJS Kesehatan")


def test_the_place_of_a_signing_only_mentioned_is_not_the_records():
    text = ("BNI Cabang Sleman dan KSU Tebu Manis menandatangani perjanjian kerja sama, Kamis (29/2/2024). "
            "Penandatanganan dilakukan Pemimpin BNI Cabang Sleman Arief Santoso dan Ketua KSU Tebu Manis Suparman.\n\n"
            "Wahyu menambahkan, perjanjian ini merupakan turunan dari nota kesepahaman antara BNI dan PT SGN di "
            "tingkat pusat yang diteken di Jakarta pada Desember 2023.")
    [record] = mouextract.extract(text)["agreements"]
    assert record["place"] is None or record["place"]["city"] != "Jakarta"


def test_the_region_right_after_a_venue_is_its_town():
    text = ("Badan Pekerja Majelis Sinode Gereja Masehi Injili di Minahasa dan Politeknik Negeri Manado "
            "menandatangani nota kesepahaman. Penandatanganan berlangsung Senin di Kantor Sinode GMIM di Tomohon.")
    [record] = mouextract.extract(text)["agreements"]
    assert record["place"]["city"] == "Tomohon"
