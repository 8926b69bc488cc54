"""Behaviour of the extraction stages, on sentences written for these tests."""
import pytest

import mouextract

SIGNED = ("SLEMAN, Kabarjogja.id – Pemerintah Kabupaten Sleman melakukan penandatanganan nota "
          "kesepahaman dengan Universitas Merapi di Aula Lantai 3 Kantor Bupati Sleman, Selasa (14/3/2023). "
          "Penandatanganan dilakukan oleh Bupati Sleman, Drs. H. Budi Santoso, M.Si. dan Rektor Universitas "
          "Merapi, Prof. Dr. Andini Pratiwi, M.Sc., disaksikan oleh Wakil Bupati Sleman, Rina Kusuma. "
          "Nota kesepahaman ini meliputi pendidikan, penelitian, serta pengabdian masyarakat. "
          "Kepala Dinas Pendidikan Sleman, Joko Susilo, hadir dalam acara itu.")


@pytest.fixture(scope="module")
def signed():
    return mouextract.extract(SIGNED)


@pytest.mark.parametrize("text", [
    "Dinas Kesehatan berencana menandatangani nota kesepahaman dengan rumah sakit itu pekan depan.",
    "Pemkot Tegal akan meneken MoU dengan Universitas Pancasakti bulan depan.",
    "Perkara itu berawal dari perjanjian kerja sama yang ditandatangani pada 12 Maret 2019 antara dinas dan CV Maju.",
    "Pemkab Bantul pernah meneken nota kesepahaman dengan sebuah kampus pada 2020.",
    "Harga cabai di Pasar Beringharjo naik dua kali lipat pekan ini.",
])
def test_no_record_without_a_reported_signing(text):
    assert mouextract.extract(text)["agreements"] == []


def test_planned_signing_is_mentioned():
    result = mouextract.extract("Dinas Kesehatan berencana menandatangani nota kesepahaman dengan RSUD Wates.")
    assert [m["text"] for m in result["mentioned"]] == ["Dinas Kesehatan berencana menandatangani nota kesepahaman dengan RSUD Wates."]


def test_type(signed):
    assert (signed["agreements"][0]["type"], signed["agreements"][0]["type_text"]) == ("nota_kesepahaman", "nota kesepahaman")


def test_date(signed):
    date = signed["agreements"][0]["date"]
    assert (date["value"], date["text"], date["precision"], date["year_inferred"]) == ("2023-03-14", "Selasa (14/3/2023)", "day", False)


def test_venue_and_city(signed):
    place = signed["agreements"][0]["place"]
    assert (place["venue"], place["city"], place["region_code"], place["region_name"]) == (
        "Aula Lantai 3 Kantor Bupati Sleman", "Sleman", "34.04", "Kabupaten Sleman")


def test_signatory_names_without_degrees(signed):
    assert [s["name"] for s in signed["agreements"][0]["signatories"]] == ["Budi Santoso", "Andini Pratiwi"]


def test_signatory_titles(signed):
    assert [s["title"] for s in signed["agreements"][0]["signatories"]] == ["Bupati Sleman", "Rektor Universitas Merapi"]


def test_witness_is_not_an_attendee(signed):
    assert [(w["name"], w["title"]) for w in signed["agreements"][0]["witnesses"]] == [("Rina Kusuma", "Wakil Bupati Sleman")]


def test_parties(signed):
    assert [p["name"] for p in signed["agreements"][0]["parties"]] == ["Pemerintah Kabupaten Sleman", "Universitas Merapi"]


def test_signatory_linked_to_party(signed):
    assert [s["party"] for s in signed["agreements"][0]["signatories"]] == [0, 1]


def test_scope(signed):
    assert [s["text"] for s in signed["agreements"][0]["scope"]] == ["pendidikan", "penelitian", "pengabdian masyarakat"]


def test_spans_point_into_the_text(signed):
    for s in signed["agreements"][0]["signatories"] + signed["agreements"][0]["scope"]:
        a, b = s["span"]
        assert (s.get("name") or s.get("text")) in SIGNED[a:b]


@pytest.mark.parametrize("text,expected", [
    ("Nota kesepahaman itu ditandatangani oleh Ketua Komisi Informasi, Hendra Wijaya, yang diwakili oleh "
     "Anggota Komisi Informasi, Siska Amelia, dan Wali Kota Madiun, Bambang Sutrisno, Kamis (4/5/2023).",
     [("Siska Amelia", "Hendra Wijaya"), ("Bambang Sutrisno", None)]),
    # "X, yang mewakili Y": the signer first, whom they act for after
    ("Perjanjian itu ditandatangani oleh Kepala Kejaksaan Tinggi Sleman Budi Santoso dan Direktur Kepatuhan Bank "
     "Merapi Andi Wijaya, yang mewakili Direktur Utama Bank Merapi Sri Rahayu, Kamis (4/5/2023).",
     [("Budi Santoso", None), ("Andi Wijaya", "Sri Rahayu")]),
    # "yang menandatangani untuk dan atas nama", the signer's degrees between
    ("PKS ditandatangani Dandim Sleman Letkol Inf Budi Santoso bersama Sekretaris Dinas Pertanian Sleman Sri "
     "Rahayu, S.P., M.Si., yang menandatangani untuk dan atas nama Kepala Dinas, Ir. Andi Wijaya, Jumat (5/12/2025).",
     [("Budi Santoso", None), ("Sri Rahayu", "Andi Wijaya")]),
])
def test_on_behalf_of(text, expected):
    signers = mouextract.extract(text)["agreements"][0]["signatories"]
    assert [(s["name"], s["on_behalf_of"]) for s in signers] == expected


@pytest.mark.parametrize("published,expected", [("2024-06-30", ("2024-06-27", True)), (None, (None, False))])
def test_year_from_publication_date(published, expected):
    # without a publication date nothing in the text gives the year: day and month only, no guess
    text = "Bupati Klaten, Sri Wahyuni, meneken MoU dengan Rektor UNS, Ahmad Fauzi, Kamis (27/6)."
    meta = {"published": published} if published else None
    date = mouextract.extract(text, meta)["agreements"][0]["date"]
    assert (date["value"], date["year_inferred"], date["precision"]) == (*expected, "day")


def test_weekday_conflict_is_flagged():
    result = mouextract.extract("Pemkot Solo meneken nota kesepahaman dengan Polresta Solo, Selasa (13/2/25).")
    assert result["agreements"][0]["date"]["weekday_conflict"] is True
    assert result["warnings"] == ["weekday conflict: 'Selasa (13/2/25)' is not a selasa (2025-02-13)"]


def test_agent_right_after_dilakukan():
    text = ("Penandatanganan perjanjian kerja sama dilakukan Kapolda Jateng Irjen Pol. Ahmad Fauzi dan "
            "Rektor Undip Prof. Dr. Sri Wahyuni Utami, S.H., M.Hum. di Gedung Serba Guna, Kamis (11/5/2023).")
    signers = mouextract.extract(text)["agreements"][0]["signatories"]
    assert [(s["name"], s["title"]) for s in signers] == [("Ahmad Fauzi", "Kapolda Jateng"), ("Sri Wahyuni Utami", "Rektor Undip")]


def test_earlier_signing_opened_by_sebelumnya_is_mentioned():
    text = ("Pemkot Solo dan UNS menandatangani perjanjian kerja sama, Senin (6/3/2023). "
            "Sebelumnya, pada 2019, kedua pihak telah menandatangani nota kesepahaman.")
    result = mouextract.extract(text)
    assert [m["text"] for m in result["mentioned"]] == ["Sebelumnya, pada 2019, kedua pihak telah menandatangani nota kesepahaman."]


@pytest.mark.parametrize("text", [
    "Sebanyak 250 ASN Pemkab Sleman menandatangani pakta integritas, Senin (2/1/2023). Kerja sama semua pihak dibutuhkan.",
    "Kedua pihak menandatangani berita acara serah terima aset, Selasa (3/1/2023), sebagai tindak lanjut kerja sama.",
])
def test_signing_another_kind_of_paper_is_no_agreement(text):
    assert mouextract.extract(text)["agreements"] == []


@pytest.mark.parametrize("text,expected", [
    ("Judul\nSLEMAN, Kabarjogja.id – Pemkab Sleman meneken MoU.", ("SLEMAN", "Kabarjogja.id")),
    ("Judul\nBantaeng (Antara Sulsel) - Pemkab Bantaeng meneken MoU.", ("Bantaeng", "Antara Sulsel")),
    ("Judul\nWRT.CO.ID, BATAM – Ombudsman meneken MoU.", ("BATAM", "WRT.CO.ID")),
    ("Judul\nRabu, 15 Maret 2023 | 08:40 WIB\nTEMANGGUNG, Warta.id – Pemkab meneken MoU.", ("TEMANGGUNG", "Warta.id")),
])
def test_dateline_and_outlet(text, expected):
    from mouextract.places_stage import dateline
    assert dateline(text) == expected


@pytest.mark.parametrize("text,person", [
    # a Bupati who only attends
    ("Dinas Kesehatan dan RSUD Wates menandatangani perjanjian kerja sama, Senin (6/3/2023). "
     "Bupati Kulon Progo, Agung Setyawan, hadir dalam acara tersebut.", "Agung Setyawan"),
    # a speaker
    ("Pemkot Madiun meneken MoU dengan Polres Madiun, Senin (6/3/2023). "
     "\"Kerja sama ini penting,\" kata Wakil Wali Kota Madiun, Inda Raya.", "Inda Raya"),
])
def test_attendees_and_speakers_neither_sign_nor_witness(text, person):
    agreement = mouextract.extract(text)["agreements"][0]
    names = [p["name"] for p in agreement["signatories"] + agreement["witnesses"]]
    assert person not in names


@pytest.mark.parametrize("text", [
    # "saksi" in a lawsuit
    "Dalam sidang gugatan itu, saksi Budi Hartono mengatakan perjanjian sewa tidak pernah ada.",
    # a BACA JUGA line naming another story's MoU
    "Harga beras naik di Pasar Klewer.\nBACA JUGA: Pemkot Solo dan UNS Teken MoU Smart City\nPedagang mengeluh.",
])
def test_no_record_from_lawsuit_or_link_line(text):
    assert mouextract.extract(text)["agreements"] == []


@pytest.mark.parametrize("text,signer", [
    ("Nota kesepahaman ditandatangani Rektor Unhas Prof. Dr. Ir. Jamaluddin Jompa, M.Sc. bersama "
     "Bupati Gowa Adnan Purichta Ichsan, S.H., M.H. di Ruang Senat, Kamis (9/2/2023).",
     ("Adnan Purichta Ichsan", "Bupati Gowa")),
    ("Perjanjian kerja sama ditandatangani oleh Direktur Utama Bank Sulselbar Yulis Suandi, Rabu (12/4/2023).",
     ("Yulis Suandi", "Direktur Utama Bank Sulselbar")),
    # a given name that is also a region's, after the office's own region
    ("Nota kesepahaman ditandatangani oleh Wali Kota Bogor Bima Arya, Senin (3/6/2024).",
     ("Bima Arya", "Wali Kota Bogor")),
    ("Nota kesepahaman ditandatangani Bupati Sleman Kustini Sri Purnomo, Senin (3/6/2024).",
     ("Kustini Sri Purnomo", "Bupati Sleman")),
    # an August date without its year before the signers closes its bracket
    ("Pemkab Belitung menandatangani MoU, Selasa (15/8).\n\nMoU tersebut ditandatangani oleh "
     "Wakil Bupati Belitung, Syamsul Rizal Hanafiah.", ("Syamsul Rizal Hanafiah", "Wakil Bupati Belitung")),
    # a bracket left open closes at the end of its line
    ("Pemkab Belitung menandatangani MoU, Selasa (15/8/2023 (foto: Humas.\n\nMoU tersebut ditandatangani oleh "
     "Wakil Bupati Belitung, Syamsul Rizal Hanafiah.", ("Syamsul Rizal Hanafiah", "Wakil Bupati Belitung")),
])
def test_office_words_before_the_name(text, signer):
    assert signer in [(s["name"], s["title"]) for s in mouextract.extract(text)["agreements"][0]["signatories"]]


@pytest.mark.parametrize("degree", ["M.Tr.Opsla.", "M.Tr.Han.", "S.H."])
def test_a_degree_glued_to_another_is_one_degree(degree):
    text = (f"Lanal Merapi dan Pemkab Merapi menandatangani PKS, Selasa (23/7/2024). Dokumen itu diteken Danlanal "
            f"Merapi Kolonel Laut (P) Budi Santoso, {degree}, dan Wakil Bupati Merapi, Rudi Hartono, S.E.")
    names = [s["name"] for s in mouextract.extract(text)["agreements"][0]["signatories"]]
    assert names == ["Budi Santoso", "Rudi Hartono"]


@pytest.mark.parametrize("written,name", [("Park Heong-joon", "Park Heong-joon"), ("Ma'ruf Amin", "Ma'ruf Amin")])
def test_name_kept_as_written(written, name):
    text = f"Nota kesepahaman diteken Wali Kota Busan, {written}, dan Bupati Gowa, Andi Amir, Senin (6/3/2023)."
    assert mouextract.extract(text)["agreements"][0]["signatories"][0]["name"] == name


def test_headline_alone_reports_no_signing():
    text = ("Pemkot Bogor Teken MoU dengan IPB Hari Ini\n\nBOGOR – Pemerintah Kota Bogor dan IPB University "
            "dijadwalkan menandatangani nota kesepahaman hari ini di Balai Kota Bogor.")
    assert mouextract.extract(text)["agreements"] == []


@pytest.mark.parametrize("text,sentences", [
    ("Diteken Rektor Unair, Prof. Nasih, SE., MT., Ak., di Aula Garuda. Acara usai.",
     ["Diteken Rektor Unair, Prof. Nasih, SE., MT., Ak., di Aula Garuda.", "Acara usai."]),
    ("Kertas, tinta, dll. dibawa. Acara usai.", ["Kertas, tinta, dll. dibawa.", "Acara usai."]),
    ("Baris satu\nbaris dua.", ["Baris satu\n", "baris dua."]),
    # a caption's aside after a degree's stop goes on with the sentence
    ("Foto: Ketua Yayasan, KH. Ahmad Fauzi, Lc. (kiri), dan Bupati Sleman. Acara usai.",
     ["Foto: Ketua Yayasan, KH. Ahmad Fauzi, Lc. (kiri), dan Bupati Sleman.", "Acara usai."]),
])
def test_sentences(text, sentences):
    from mouextract.nlp import parse
    assert [s.text for s in parse(text).sents] == sentences


def test_region_after_a_multiword_regional_title():
    text = ("Nota kesepakatan ditandatangani Gubernur Sumbar Mahyeldi Ansharullah, Kamis (25/5/2023), "
            "disaksikan Wakil Gubernur Sumbar Audy Joinaldy.")
    witnesses = mouextract.extract(text)["agreements"][0]["witnesses"]
    assert [(w["name"], w["title"]) for w in witnesses] == [("Audy Joinaldy", "Wakil Gubernur Sumbar")]


@pytest.mark.parametrize("office,name", [
    ("Rektor", "Rudi Hartono"),   # one holder of a one-holder office: that person
    ("Direktur", None),           # an institution has many directors: no name
])
def test_a_bare_office_is_its_one_named_holder(office, name):
    text = ("Judul\nNota kesepahaman ditandatangani oleh Direktur Bank Merapi, Budi Santoso, dan Rektor "
            "Universitas Merapi, Prof. Rudi Hartono, Senin (4/9/2023). Usai penandatanganan nota kesepahaman, acara "
            "dilanjutkan dengan penandatanganan perjanjian kerja sama antara Fakultas Hukum Universitas Merapi "
            "dengan Divisi Hukum Bank Merapi. PKS ditandatangani oleh Dekan Fakultas Hukum, Dr. Rina Sari, dan "
            f"Kepala Divisi Hukum, Andi Wijaya, disaksikan langsung oleh {office}.")
    witnesses = [w for a in mouextract.extract(text)["agreements"] for w in a["witnesses"] if w["title"] == office]
    assert witnesses and all(w["name"] == name for w in witnesses)


@pytest.mark.parametrize("text,expected", [
    # a clause of time about the signing, then a pronoun: the person the sentence before names
    ("Judul\nPemkot Sleman dan Politeknik Merapi meneken nota kesepahaman, Senin (24/11/2025). Wali Kota Sleman "
     "Budi Santoso mengatakan kerja sama itu penting. Usai membubuhkan tanda tangan bersama Direktur Politeknik "
     "Merapi Sri Rahayu, ia menyebut langkah itu menekan biaya listrik.", ["Budi Santoso", "Sri Rahayu"]),
    # a pronoun in a sentence that is no clause of time about the signing refers to no signer
    ("Judul\nPemkot Sleman dan Politeknik Merapi meneken nota kesepahaman, Senin (24/11/2025). Wali Kota Sleman "
     "Budi Santoso mengatakan kerja sama itu penting. Nota kesepahaman diteken Direktur Politeknik Merapi Sri "
     "Rahayu, dan ia menyebut langkah itu menekan biaya listrik.", ["Sri Rahayu"]),
])
def test_a_pronoun_after_a_clause_about_the_signing_is_the_signer(text, expected):
    assert [s["name"] for s in mouextract.extract(text)["agreements"][0]["signatories"]] == expected


@pytest.mark.parametrize("text,expected", [
    # "diteken olehnya": by the one saying so
    ("Judul\nPemkab Sleman dan BPJS Kesehatan Cabang Sleman telah menandatangani perjanjian kerja sama. Bupati "
     "Sleman Budi Santoso di Jayapura, Senin, mengatakan perjanjian itu diteken olehnya dan Kepala BPJS Kesehatan "
     "Cabang Sleman Agus Wibowo pada Kamis lalu.", ["Budi Santoso", "Agus Wibowo"]),
    # no one speaking before it: no one it stands for
    ("Judul\nPemkab Sleman dan BPJS Kesehatan Cabang Sleman telah menandatangani perjanjian kerja sama. "
     "Perjanjian itu diteken olehnya dan Kepala BPJS Kesehatan Cabang Sleman Agus Wibowo pada Kamis lalu.",
     ["Agus Wibowo"]),
])
def test_a_pronoun_agent_is_the_one_speaking(text, expected):
    assert [s["name"] for s in mouextract.extract(text)["agreements"][0]["signatories"]] == expected
