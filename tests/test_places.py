"""Place of the signing: venue and city from the sentences around the signing."""
import pytest

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
    ("Rektor dan Bupati menandatangani MoU di Istana Kepresidenan Bogor, Kota Bogor, Jawa Barat.",
     "Istana Kepresidenan Bogor", "Bogor", "32.71"),
    ("Penandatanganan berlangsung di aula Kantor Wilayah Kementerian Hukum Bali, Denpasar.",
     "aula Kantor Wilayah Kementerian Hukum Bali", "Denpasar", "51.71"),
])
def test_venue_and_city_from_the_venue_phrase(text, venue, city, code):
    place = _place(text)
    assert (place["venue"], place["city"], place["region_code"]) == (venue, city, code)


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
    ("Perjanjian ditandatangani Senin. Luasnya 2,8 kali luas Jabodetabek (Jakarta, Bogor, Depok).", None),
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
