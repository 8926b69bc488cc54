"""How persons and institutions are read, one kind of construction a test, over texts written for
these tests (the rule files' own examples run in test_patterns.py and test_slots.py)."""
import pytest

import mouextract
from mouextract.context import Context
from mouextract.nlp import parse

from conftest import SAMPLES


def signatories(text: str) -> list:
    return [s["name"] for a in mouextract.extract(text, fast=True)["agreements"] for s in a["signatories"]]


def witnesses(text: str) -> list:
    return [w["name"] for a in mouextract.extract(text, fast=True)["agreements"] for w in a["witnesses"]]


def parties(text: str) -> list:
    return [p["name"] for a in mouextract.extract(text, fast=True)["agreements"] for p in a["parties"]]


def person_names(text: str) -> list:
    return [s._.person.name for s in parse(text).spans["persons"]]


def org_names(text: str) -> list:
    return [s._.party["name"] for s in parse(text).spans["orgs"]]


@pytest.mark.parametrize("text,line", [
    ("Bupati dan Kajari Teken MoU\n\nSleman - Nota kesepahaman ditandatangani.\n\nBupati dan Kajari Teken MoU\n\nIsi.", 2),
    ("Judul\n\nSub Judul Panjang Tentang Kerja Sama Daerah\n\nIsi berita.", 1),
    # in the page's head, a line telling the signing, with one comma
    ("KOMINFO SLEMAN\n\nPA Sleman, Disdukcapil dan Kemenag Sleman Teken Perjanjian Kerja Sama\n\nIsi berita.", 1),
    # in the page's head, two clauses joined by a comma, the first telling the signing
    ("KOMINFO SLEMAN\n\nDinkes Sleman Teken PKS dengan Bank Merapi, Warga Kini Bisa Bayar Lewat QRIS\n\nIsi berita.", 1),
])
def test_a_title_line_is_a_heading(text, line):
    ctx = Context(text=text, doc=parse(text), article={})
    assert line in ctx.headings


@pytest.mark.parametrize("text", [
    "Judul\n\n1. Nota Kesepahaman tentang Kerja Sama Pendidikan, yang ditandatangani Menteri A\n\nIsi.",
    "Judul\n\nBupati Sleman, Kajari Sleman dan Rektor Hadir\n\nIsi.",
])
def test_a_list_item_or_a_clause_is_no_heading(text):
    ctx = Context(text=text, doc=parse(text), article={})
    assert ctx.headings <= {0}


@pytest.mark.parametrize("text,name", [
    ("Nota kesepahaman ditandatangani Wali Kota Magelang Drs  H T Budi Santoso  S MSi MH, Senin (4/9/2023).", "T Budi Santoso"),
    ("Nota kesepahaman ditandatangani Kapolres Magelang  AKBP  Rudi Hartono, Senin (4/9/2023).", "Rudi Hartono"),
])
def test_whitespace_runs_inside_a_name_are_read_over(text, name):
    assert name in signatories(text)


@pytest.mark.parametrize("text,expected", [
    # the office right after the name, no comma between
    ("MoU ditandatangani Budi Santoso Bupati Sleman dan Sri Rahayu Kepala BPS Kabupaten Sleman di pendopo.",
     {("Budi Santoso", "Bupati Sleman"), ("Sri Rahayu", "Kepala BPS Kabupaten Sleman")}),
    # ... but an office followed by a comma and a name is that name's
    ("MoU ditandatangani Budi Santoso dan Bupati Sleman, Andi Wijaya, di pendopo.",
     {("Budi Santoso", None), ("Andi Wijaya", "Bupati Sleman")}),
])
def test_a_name_then_its_office(text, expected):
    assert {(s._.person.name, s._.person.title) for s in parse(text).spans["persons"]} == expected


@pytest.mark.parametrize("text,name,title", [
    # a body named by its fields inside an office, then the holder's name
    ("PKS ditandatangani Kepala Dinas Tanaman Pangan, Hortikultura dan Perkebunan Kabupaten Sleman Nurhayati, S.P.",
     "Nurhayati", "Kepala Dinas Tanaman Pangan, Hortikultura dan Perkebunan Kabupaten Sleman"),
    ("PKS ditandatangani Kepala Balai Karantina Hewan, Ikan, dan Tumbuhan Sleman drh. Ni Luh Ariani.",
     "Ni Luh Ariani", "Kepala Balai Karantina Hewan, Ikan, dan Tumbuhan Sleman"),
    # a numbered unit closed by its place, no comma before the name
    ("MoU ditandatangani General Manager Pelindo Regional 4 Bitung Arief Wicaksono dan Wali Kota Bitung.",
     "Arief Wicaksono", "General Manager Pelindo Regional 4 Bitung"),
    # a ship's captain's rank and a master mariner's degree are no part of the name
    ("PKS diteken Kepala KSOP Kelas I Bitung Capt. Yosef Manurung, M.Mar. di Bitung.",
     "Yosef Manurung", "Kepala KSOP Kelas I Bitung"),
    # a representation's place known, the holder's name right after it
    ("MoU ditandatangani Kepala BBPOM di Ambon Yohana Maria Latuconsina, S.Si., dan Wali Kota Ambon.",
     "Yohana Maria Latuconsina", "Kepala BBPOM di Ambon"),
    # a list of offices is a list of people
    ("PKS ditandatangani Kepala Dinas Pendidikan, Kepala Dinas Sosial dan Kepala Dinas Kesehatan Budi Santoso.",
     "Budi Santoso", "Kepala Dinas Kesehatan"),
])
def test_an_office_named_by_a_list_of_fields(text, name, title):
    found = {(s._.person.name, s._.person.title) for s in parse(text).spans["persons"]}
    assert (name, title) in found


@pytest.mark.parametrize("text,full", [
    ("Duta Besar RI untuk Ghana Hendra Santoso hadir di Accra. Pemkab Sleman dan Universitas Merapi "
     "menandatangani nota kesepahaman, Senin (4/9/2023), disaksikan Dubes Hendra.", "Hendra Santoso"),
])
def test_a_one_word_name_takes_the_fuller_name_of_the_same_person(text, full):
    assert witnesses(text) == [full]


@pytest.mark.parametrize("text,signer", [
    ("MoU itu ditandatangani oleh Direktur Politeknik Merapi Budi Santoso. Sementara perusahaan mitra "
     "kerja sama diwakili HR Manager PT Baja Nusantara, Andi Wijaya.", "Andi Wijaya"),
])
def test_a_sentence_opened_by_sementara_goes_on_with_the_signing(text, signer):
    assert signer in signatories(text)


@pytest.mark.parametrize("text,absent", [
    ("Pemkab Sleman menandatangani nota kesepahaman dengan James Whitfield University (CDU), Senin (4/9/2023).",
     "James Whitfield"),
])
def test_a_name_inside_an_institutions_name_is_no_person(text, absent):
    assert absent not in signatories(text)


@pytest.mark.parametrize("text,name", [
    ("Pemkab Sleman bekerja sama dengan Tianhe Steel Group.", "Tianhe Steel Group"),
    ("Kadin bekerja sama dengan Ghana National Chamber of Commerce and Industry.", "Ghana National Chamber of Commerce and Industry"),
    ("Pemkab Sleman bekerja sama dengan James Whitfield University (CDU).", "James Whitfield University"),
    ("Ombudsman bekerja sama dengan pemerintah kabupaten/kota se-Kalbar.", "pemerintah kabupaten/kota se-Kalbar"),
    ("PT Baja bekerja sama dengan SMK se-Jawa Tengah.", "SMK se-Jawa Tengah"),
    # a signing word ends a name in a title-case headline
    ("PA Sleman dan Kemenag Sleman Teken Perjanjian Kerja Sama Sidang Isbat", "Kemenag Sleman"),
    # a body named by its fields joined by "dan", a rarer word among them
    ("Kodim bekerja sama dengan Dinas Pertanian dan Ketahanan Pangan Kabupaten Sleman.",
     "Dinas Pertanian dan Ketahanan Pangan Kabupaten Sleman"),
    # a body named by its fields, the list closed by "dan"
    ("Unri bekerja sama dengan Dinas Tanaman Pangan, Hortikultura dan Perkebunan Kabupaten Sleman.",
     "Dinas Tanaman Pangan, Hortikultura dan Perkebunan Kabupaten Sleman"),
    # a unit's area listed after its unit word
    ("Unja bekerja sama dengan PT Listrik Sentosa Unit Induk Wilayah Sumatera Selatan, Jambi dan Bengkulu.",
     "PT Listrik Sentosa Unit Induk Wilayah Sumatera Selatan, Jambi dan Bengkulu"),
    # "dan" inside a region's own name goes on
    ("Unhas bekerja sama dengan Pemerintah Kabupaten Pangkajene dan Kepulauan.",
     "Pemerintah Kabupaten Pangkajene dan Kepulauan"),
])
def test_institution_readings(text, name):
    assert name in org_names(text)


@pytest.mark.parametrize("text,name", [
    ("Bersama Tianhe Steel Group, PT Baja meneken MoU.", "Bersama Tianhe Steel Group"),
    ("Ombudsman bekerja sama dengan pemerintah se-Kalbar.", "pemerintah se-Kalbar"),
    # after a rank of two words, a head is the rank's arm, not an institution
    ("MoU diteken Laksamana Pertama TNI Budi Santoso dan Rektor Universitas Merapi.", "TNI Budi Santoso"),
    # without a closing "dan", or with other bodies or people after the comma, a list of names
    ("Unri bekerja sama dengan Dinas Pendidikan, Senin (3/6/2024).", "Dinas Pendidikan, Senin"),
    ("Unri bekerja sama dengan Dinas Pendidikan, Dinas Sosial dan Dinas Kesehatan.", "Dinas Pendidikan, Dinas Sosial dan Dinas Kesehatan"),
    ("Unri bekerja sama dengan Dinas Pendidikan, Budi Santoso dan Andi Wijaya.", "Dinas Pendidikan, Budi Santoso dan Andi Wijaya"),
    ("Unri bekerja sama dengan Dinas Pendidikan dan Budi Santoso.", "Dinas Pendidikan dan Budi Santoso"),
    ("Unri bekerja sama dengan Dinas Pendidikan dan Universitas Merapi.", "Dinas Pendidikan dan Universitas Merapi"),
    # regions listed after a name without a unit word are places, not the name's
    ("Bank Sentosa Sumatera Selatan, Jambi dan Bengkulu hadir.", "Bank Sentosa Sumatera Selatan, Jambi dan Bengkulu"),
    # a body's region closes its name: "dan" after it joins another body
    ("PKS diteken antara Dinas Komunikasi, Informatika, Statistik dan Persandian Provinsi Papua Barat Daya dan "
     "Telkom Witel Sorong.", "Dinas Komunikasi, Informatika, Statistik dan Persandian Provinsi Papua Barat Daya dan "
     "Telkom Witel Sorong"),
])
def test_institution_non_readings(text, name):
    assert name not in org_names(text)


@pytest.mark.parametrize("text,names", [
    ("Rektor Universitas Merapi dan Bupati Sleman menandatangani MoU. Sebagai saksi Budi.", 2),
    ("Kerja sama itu dengan TNI. Kapolri hadir.", 2),
])
def test_a_stop_after_a_word_ending_in_a_capital_ends_the_sentence(text, names):
    assert len(list(parse(text).sents)) == names


@pytest.mark.parametrize("text", ["", " ", "\n\n", "Budi", "Satu. Dua.\nTiga", "Kerja sama itu dengan TNI. Kapolri hadir.\n"]
                         + [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))])
def test_the_sentence_ranges_kept_with_a_doc_are_those_of_doc_sents(text):
    from mouextract.nlp import SENTS_KEY, sentence_bounds
    doc = parse(text)
    doc.user_data.pop(SENTS_KEY, None)   # read anew, not as a reader kept them
    assert sentence_bounds(doc) == [(s.start, s.end) for s in doc.sents]


@pytest.mark.parametrize("text,name", [
    ("Penandatanganan dilakukan Bupati Banyuasin Ir. SA. Budiman dan Rektor Universitas Merapi.", "SA. Budiman"),
    ("Penandatanganan dilakukan Wakil Direktur Pascasarjana Assoc. Prof. M. Fira Rahman.", "M. Fira Rahman"),
])
def test_initials_and_prefixes_parted_from_their_stops_stay_in_the_name(text, name):
    assert name in person_names(text)


@pytest.mark.parametrize("text,first", [
    ("antara Rektor UNITADr Dra Rosita Siregar dan Bupati Samosir.", ["UNITA", "Dr", "Dra"]),
])
def test_an_academic_prefix_glued_to_a_short_form_is_its_own_word(text, first):
    assert [t.text for t in parse(text)][2:5] == first


TITLED_TEXTS = ["Bupati Maros Andi Saputra dan Rektor Unhas Prof. Budi Santoso menandatangani MoU.",
                "Andi Saputra hadir. Kepala Dinas Kesehatan juga hadir."]


def titled_from_group(doc) -> set:
    return {i for p in doc.spans["persons"] if p._.person.title for i in range(p.start, p.end)}


@pytest.mark.parametrize("text", TITLED_TEXTS)
def test_titled_tokens_are_those_of_the_titled_person_mentions(text):
    from mouextract.reading.persons import titled_tokens
    doc = parse(text)
    assert titled_tokens(doc) == titled_from_group(doc) != set()


@pytest.mark.parametrize("text", TITLED_TEXTS)
def test_titled_tokens_follow_a_changed_persons_group(text):
    from mouextract.reading.persons import titled_tokens
    doc = parse(text)
    doc.spans["persons"] = [p for p in doc.spans["persons"] if not p._.person.title]
    assert titled_tokens(doc) == set()
