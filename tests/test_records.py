"""How reported signings become records: hub and spoke, joint documents, enumerated instruments."""
import pytest

import mouextract

HUB = ("Ombudsman RI Perwakilan Bengkulu menandatangani nota kesepakatan dengan Kabupaten Kaur, "
       "Kabupaten Seluma dan Kabupaten Mukomuko, Senin (4/9/2023).")
JOINT = ("Perjanjian kerja sama itu diteken empat pihak, yaitu Pemkab Sleman, PT Tirta Maju, "
         "Universitas Merapi dan Bank Sleman, Rabu (8/11/2023).")
LISTED = ("Berikut kedua nota kesepahaman tersebut:\n"
          "1. Nota Kesepahaman tentang Kerja Sama Pertanian, yang ditandatangani Menteri Pertanian RI dan "
          "Menteri Pertanian Malaysia;\n"
          "2. Nota Kesepahaman tentang Kerja Sama Perikanan, yang ditandatangani Menteri Kelautan dan Perikanan RI "
          "dan Menteri Perikanan Malaysia.\n")


@pytest.mark.parametrize("text,parties", [
    (HUB, [["Ombudsman RI Perwakilan Bengkulu", "Pemerintah Kabupaten Kaur"],
           ["Ombudsman RI Perwakilan Bengkulu", "Pemerintah Kabupaten Seluma"],
           ["Ombudsman RI Perwakilan Bengkulu", "Pemerintah Kabupaten Mukomuko"]]),
    (JOINT, [["Pemkab Sleman", "PT Tirta Maju", "Universitas Merapi", "Bank Sleman"]]),
])
def test_one_record_per_signed_document(text, parties):
    assert [[p["name"] for p in a["parties"]] for a in mouextract.extract(text)["agreements"]] == parties


def test_each_enumerated_instrument_is_a_record():
    records = mouextract.extract(LISTED)["agreements"]
    assert [[s["text"] for s in a["scope"]] for a in records] == [["Kerja Sama Pertanian"], ["Kerja Sama Perikanan"]]


def test_enumerated_signers_by_office():
    records = mouextract.extract(LISTED)["agreements"]
    assert [[s["title"] for s in a["signatories"]] for a in records] == [
        ["Menteri Pertanian RI", "Menteri Pertanian Malaysia"],
        ["Menteri Kelautan dan Perikanan RI", "Menteri Perikanan Malaysia"]]


def test_signatory_linked_by_dari():
    text = ("Nota kesepahaman itu diteken Prof. Dr. Hendra Gunawan dari Universitas Andalas dan "
            "Dr. Rina Sari dari Politeknik Negeri Padang, Kamis (1/3/2018).")
    a = mouextract.extract(text)["agreements"][0]
    assert [(s["name"], a["parties"][s["party"]]["name"]) for s in a["signatories"]] == [
        ("Hendra Gunawan", "Universitas Andalas"), ("Rina Sari", "Politeknik Negeri Padang")]


def test_office_named_elsewhere_gives_the_name():
    text = ("Bupati Bantaeng, Andi Saputra, membuka acara itu. "
            "Yang membubuhkan tanda tangan pada MoU itu adalah Bupati Bantaeng dan Kepala Cabang Bank Sulsel, Andi Amir.")
    a = mouextract.extract(text)["agreements"][0]
    assert [s["name"] for s in a["signatories"]] == ["Andi Saputra", "Andi Amir"]
