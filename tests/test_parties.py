"""One institution under its several names, and two institutions kept apart."""
import pytest

import mouextract
from mouextract.institutions import abbreviates, institution_of_title, party, same_institution


@pytest.mark.parametrize("short,long", [
    ("UIN Susqa", "Universitas Islam Negeri Sultan Sahid Qamaruddin II"),
    ("Kemendesa PDTT", "Kementerian Desa, Pembangunan Daerah Tertinggal dan Transmigrasi RI"),
    ("BKKBN", "Badan Koordinasi Keluarga Berencana Nasional"),
])
def test_short_form_spells_the_long_name(short, long):
    assert abbreviates(short, long)


@pytest.mark.parametrize("short,long", [
    ("Universitas Riau", "Universitas Islam Riau"),
    ("Bank Jatim", "Bank Jatim Syariah"),
    ("Bank Sumut", "Bank Sulawesi Utara Timur"),
])
def test_different_names_are_not_short_forms(short, long):
    assert not abbreviates(short, long)


@pytest.mark.parametrize("a,b", [
    ("Fakultas Hukum", "Fakultas Hukum Universitas Merapi"),
    ("KPU", "KPU Kabupaten Sleman"),
    ("Pemkab Banyumas", "Pemerintah Kabupaten (Pemkab) Banyumas"),
    ("Polda Jateng", "Kepolisian Daerah Jawa Tengah"),
    ("Kementerian ESDM", "Kementerian Energi dan Sumber Daya Mineral (ESDM)"),
    ("Kabupaten Kolaka", "Pemerintah Kabupaten Kolaka"),
    ("Pemda Maros", "Pemerintah Kabupaten Maros"),
    # a unit word opening the name read from an office
    ("Cabang BRI Klaten", "PT Bank Rakyat Indonesia (Persero) Tbk Kantor Cabang Klaten"),
])
def test_same_institution(a, b):
    assert same_institution(party(a, None, None), party(b, None, None))


@pytest.mark.parametrize("a,b", [
    ("Kabupaten Kolaka", "Kabupaten Kolaka Utara"),
    ("Universitas Riau", "Universitas Islam Riau"),
    ("Bank Jatim", "Bank Jatim Syariah"),
    ("Kementerian Luar Negeri RI", "Kementerian Luar Negeri dan Kerja Sama Timor-Leste"),
    ("Pemerintah Kabupaten Pangkep", "Kejaksaan Negeri Pangkep"),
    # past the unit word, another company
    ("Cabang Bank Merapi Sleman", "PT Bank Rakyat Indonesia (Persero) Tbk Kantor Cabang Sleman"),
])
def test_different_institutions(a, b):
    assert not same_institution(party(a, None, None), party(b, None, None))


@pytest.mark.parametrize("title,institution", [
    ("Bupati Banyumas", "Pemerintah Kabupaten Banyumas"),
    ("Plt. Walikota Bekasi", "Pemerintah Kota Bekasi"),
    ("Menteri ESDM", "Kementerian ESDM"),
    ("Kapolres Ternate", "Polres Ternate"),
    ("Kepala DPMPTSP Kota Bekasi", "DPMPTSP Kota Bekasi"),
    ("Rektor Universitas Merapi", "Universitas Merapi"),
    ("Kepala Desa", None),
    ("Wakil Rektor Bidang Kerja Sama Universitas Merapi", "Universitas Merapi"),
    # a portfolio with no institution after it names none; its short form after it names it
    ("Wakil Rektor Bidang Perencanaan, Kerja Sama dan Sistem Informasi", None),
    ("Wakil Rektor Bidang Akademik UNIB", "UNIB"),
    # one word of portfolio before the institution's head
    ("Direktur Kepatuhan Bank Merapi", "Bank Merapi"),
    ("Direktur Operasional PT Beton Merapi", "PT Beton Merapi"),
    # a body's short form, a unit of the institution: part of it
    ("Ketua DPC Peradi Sleman", "DPC Peradi Sleman"),
    ("Kepala Kanwil Kemenag Jawa Tengah", "Kanwil Kemenag Jawa Tengah"),
])
def test_institution_behind_a_title(title, institution):
    assert institution_of_title(title) == institution


def test_long_form_in_brackets():
    p = party("UNS (Universitas Sebelas Maret) Surakarta", 0, 40)
    assert (p["name"], p["short"]) == ("Universitas Sebelas Maret Surakarta", "UNS Surakarta")


def test_company_legal_form_stays_in_the_name():
    p = party("PT PLN (Persero) Unit Induk Wilayah NTB", 0, 39)
    assert (p["name"], p["short"]) == ("PT PLN (Persero) Unit Induk Wilayah NTB", None)


@pytest.mark.parametrize("short,long", [("PLN UIW NTB", "PT PLN (Persero) Unit Induk Wilayah NTB")])
def test_short_form_may_leave_words_out(short, long):
    assert abbreviates(short, long)


@pytest.mark.parametrize("text,forms", [
    ("Universitas Hasanuddin (Unhas) menjalin kemitraan.", {"unhas": "Universitas Hasanuddin"}),
    ("Kepolisian Daerah Nusa Tenggara Timur (Polda NTT) hadir.", {}),
])
def test_defined_long_forms(text, forms):
    from mouextract.institutions import defined_long_forms
    assert defined_long_forms(text) == forms


@pytest.mark.parametrize("text", [
    "Universitas Hasanuddin (Unhas) dan Bank Sultra (BS) serta (KPU) saja.",
    "Satu Dua Tiga Empat Lima Enam Tujuh Delapan Sembilan (SDT) dan Satu (S)",   # more words than a match holds
    "aBc Def (DE) xY (Y)(Z) ( Pemkab )  Dinas\n\tX-Y O'Neil\u2003(XO)",        # a match opening inside a word, marks, spaces
    "Badan (B) Pusat (BP) (C) Kota Baru (KB)",                                 # brackets one after another
    "tanpa kurung sama sekali",
])
def test_definitions_are_the_regex_matches(text):
    """The short-form definitions found from the brackets are the regex's own matches."""
    from mouextract.institutions import _DEFINITION, _definitions
    assert [m.span() for m in _definitions(text)] == [m.span() for m in _DEFINITION.finditer(text)]


@pytest.mark.parametrize("short,long", [("Kanwil DJBC", "Kantor Wilayah Direktorat Jenderal Bea dan Cukai Sumatera Bagian Barat")])
def test_office_short_forms(short, long):
    assert abbreviates(short, long)


TITLE_ONLY = ("BANYUMAS - Bupati Banyumas Sugeng Haryanto dan Kepala Kantor Pertanahan Banyumas Budi Santoso "
              "menandatangani nota kesepahaman di Pendopo Si Panji, Senin (7/2/2022).")
NAMED_LATER = ("BANYUMAS - Bupati Banyumas Sugeng Haryanto dan Rektor Universitas Jenderal Soedirman Budi Santoso "
               "menandatangani nota kesepahaman, Senin (7/2/2022).\nKerja sama itu, kata Sugeng, membantu "
               "Pemerintah Kabupaten Banyumas menata data desa.")


@pytest.mark.parametrize("text,written", [(TITLE_ONLY, "Bupati Banyumas"), (NAMED_LATER, "Pemerintah Kabupaten Banyumas")])
def test_a_party_read_from_a_title_has_the_span_it_was_named_at(text, written):
    party = mouextract.extract(text)["agreements"][0]["parties"][0]
    assert party["name"] == "Pemerintah Kabupaten Banyumas"
    assert text[party["span"][0]:party["span"][1]] == written


@pytest.mark.parametrize("text", [
    # the sentence after the signing recalls an earlier MoU between other bodies
    "Judul\nRSUD Sleman dan Fakultas Kedokteran Universitas Merapi menandatangani perjanjian kerja sama, "
    "Kamis (19/10/2023). Perjanjian tersebut merupakan turunan dari nota kesepahaman antara Pemerintah "
    "Kabupaten Sleman dengan Universitas Merapi yang telah diteken pada tahun 2021.",
])
def test_an_earlier_signing_told_after_gives_no_party(text):
    (record,) = mouextract.extract(text)["agreements"]
    assert [p["name"] for p in record["parties"]] == ["RSUD Sleman", "Fakultas Kedokteran Universitas Merapi"]


_BODY = ("Sleman – Dinas Kesehatan Kabupaten Sleman menandatangani perjanjian kerja sama dengan PT Bank "
         "Merapi Sejahtera tentang layanan pembayaran retribusi, Kamis (21/8/2025). PKS diteken Kepala Dinas "
         "Kesehatan Kabupaten Sleman Budi Santoso dan Direktur PT Bank Merapi Sejahtera Ani Lestari.\n")


@pytest.mark.parametrize("head", [
    # a title joining two clauses with a comma, under the page's masthead, is no prose: no party in it
    "KOMINFO KABUPATEN SLEMAN\n\nDinkes Sleman Teken PKS dengan Bank Merapi, Warga Kini Bisa Bayar Lewat QRIS\n\n",
    "Dinkes Sleman Teken PKS dengan Bank Merapi, Warga Kini Bisa Bayar Lewat QRIS\n\n",
])
def test_a_title_line_with_a_comma_names_no_party(head):
    parties = [p["name"] for a in mouextract.extract(head + _BODY)["agreements"] for p in a["parties"]]
    assert parties == ["Dinas Kesehatan Kabupaten Sleman", "PT Bank Merapi Sejahtera"]


@pytest.mark.parametrize("text,expected", [
    # "kedua perguruan tinggi" in the signing sentence points back to the two named before
    ("Judul\nUniversitas Merapi resmi menjalin kerja sama dengan Universiti Sains Bromo Malaysia. Penandatanganan "
     "nota kesepahaman kedua perguruan tinggi berlangsung di Ruang Senat, Rabu (5/3/2025).",
     ["Universitas Merapi", "Universiti Sains Bromo Malaysia"]),
])
def test_a_signing_that_points_back_takes_the_parties_named_before(text, expected):
    assert [p["name"] for a in mouextract.extract(text)["agreements"] for p in a["parties"]] == expected


@pytest.mark.parametrize("unit,whole,expected", [
    ("Cabang BRI Pekalongan", "PT Bank Rakyat Indonesia (Persero) Tbk", True),   # its short form, a branch
    ("Bank Nusa Cabang Sleman", "PT Bank Nusa Tbk", True),
    ("Cabang BNI Pekalongan", "PT Bank Rakyat Indonesia (Persero) Tbk", False),
])
def test_an_office_names_a_branch_of_the_institution(unit, whole, expected):
    from mouextract.institutions import unit_of
    assert unit_of(unit, whole) is expected


@pytest.mark.parametrize("name,short,expected", [
    ("Bank Merapi Arso", "Bank Merapi", True),       # the branch's town after the short form
    ("Bank Merapi Syariah", "Bank Merapi", False),   # another bank
    ("Bank Merapi", "Bank Merapi", False),
    ("Bank Merapi Arso Timur", "Bank Merapi", False),
])
def test_a_short_form_with_a_branch_town(name, short, expected):
    from mouextract.institutions import branch_of_short
    assert branch_of_short(name, short) is expected


def test_a_name_after_atau_is_the_same_party():
    text = ("Judul\nMAKASSAR - PT Pelabuhan Merapi (Persero) atau Pelmer Regional 4 menandatangani nota kesepahaman "
            "dengan Politeknik Negeri Merapi, Selasa (14/3/2023). Penandatanganan dilakukan oleh Regional Head "
            "Pelmer Regional 4, Budi Santoso, dan Direktur Politeknik Negeri Merapi, Rudi Hartono.")
    records = mouextract.extract(text)["agreements"]
    assert [([p["name"] for p in a["parties"]], [s["party"] for s in a["signatories"]]) for a in records] == [
        (["PT Pelabuhan Merapi (Persero)", "Politeknik Negeri Merapi"], [0, 1])]


def test_a_branch_head_signs_for_the_institution_named_with_its_short_form():
    text = ("Judul\nPemkab Merapi dan PT Bank Pembangunan Daerah Merapi (Bank Merapi) menandatangani perjanjian "
            "kerja sama, Senin (4/9/2023). Perjanjian ditandatangani oleh Bupati Merapi, Budi Santoso, dan Pemimpin "
            "Cabang Bank Merapi Arso, Rudi Hartono.")
    agreement = mouextract.extract(text)["agreements"][0]
    assert [p["name"] for p in agreement["parties"]] == ["Pemkab Merapi", "PT Bank Pembangunan Daerah Merapi"]


@pytest.mark.parametrize("text,expected", [
    # a university written right after its unit says where the unit belongs: one party, one record
    ("Judul\nRSUD Sleman menandatangani perjanjian kerja sama dengan Program Studi D-III Keperawatan Sleman, "
     "Politeknik Kesehatan Merapi, Selasa (19/8/2025).",
     [["RSUD Sleman", "Program Studi D-III Keperawatan Sleman"]]),
])
def test_a_unit_and_its_university_after_a_comma_are_one_party(text, expected):
    records = mouextract.extract(text)["agreements"]
    assert [[p["name"] for p in a["parties"]] for a in records] == expected
