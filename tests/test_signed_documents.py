"""One record per signed document (patterns/slots/documents.yml, mouextract/signed_documents.py,
mouextract/assemble.py), on articles written for these tests."""
import pytest

import mouextract

LEAD = "Judul Berita\n"


def records(text: str) -> list[dict]:
    return mouextract.extract(LEAD + text)["agreements"]


def types(text: str) -> list[str]:
    return [a["type"] for a in records(text)]


@pytest.mark.parametrize("text, expected", [
    # another kind after a sequence
    ("Universitas Merapi dan Universitas Bromo meneken nota kesepahaman, Senin (5/6/2023). Selanjutnya, Dekan "
     "Fakultas Hukum kedua kampus meneken perjanjian kerja sama.", ["nota_kesepahaman", "perjanjian_kerja_sama"]),
    # two instruments joined, then each spoken of
    ("Kedua kampus menandatangani nota kesepahaman (MoU) dan perjanjian kerja sama (MoA), Senin (5/6/2023). "
     "Penandatanganan MoU dilakukan kedua rektor.", ["nota_kesepahaman", "perjanjian_kerja_sama"]),
    # "dirangkai dengan" in one sentence
    ("Penandatanganan MoU antara Universitas Merapi dan Universitas Bromo dirangkai dengan penandatanganan "
     "Memorandum of Agreement antara kedua fakultas ekonomi, Jumat (7/6/2024).",
     ["nota_kesepahaman", "perjanjian_kerja_sama"]),
    # an addition of the same kind
    ("Pemkab Banyumas meneken MoU dengan Universitas Merapi, Selasa (6/6/2023). Selain itu, ditandatangani pula MoU "
     "antara Bupati Banyumas dengan Kepala Balai Wilayah Sungai.", ["nota_kesepahaman", "nota_kesepahaman"]),
    # "Serta PKS antara ...": the verb of the sentence before
    ("MoU dilakukan antara Wali Kota Tegal Budi Santoso bersama Kepala BPJS Jawa Tengah Andi Wijaya, Senin (12/8/2024).\n"
     "Serta PKS antara Kepala Dinas Sosial Kota Tegal Sri Rahayu dengan Kepala Cabang BPJS Tegal Joko Susilo.",
     ["nota_kesepahaman", "perjanjian_kerja_sama"]),
    # counted instruments
    ("Pemkab Sleman dan Bank Merapi meneken tiga perjanjian kerja sama, Senin (5/6/2023), di Pendopo Sleman.",
     ["perjanjian_kerja_sama"] * 3),
    ("Kedua rektor meneken nota kesepahaman, Senin (5/6/2023). Turut diteken pula dua perjanjian "
     "kerja sama lainnya.", ["nota_kesepahaman", "perjanjian_kerja_sama", "perjanjian_kerja_sama"]),
    # "PKS pertama ... PKS kedua": the documents counted before, not more of them
    ("Balai Merapi menandatangani PKS dengan dua pemerintah kabupaten, yakni Pemerintah Kabupaten Sleman dan "
     "Pemerintah Kabupaten Magelang, Rabu (19/2/2025). PKS pertama diteken Kepala Balai Merapi Budi Santoso bersama "
     "Bupati Sleman Andi Wijaya. Selanjutnya, Budi Santoso menandatangani PKS kedua bersama Bupati Magelang Sri Rahayu.",
     ["perjanjian_kerja_sama"] * 2),
])
def test_one_record_per_document(text, expected):
    assert types(text) == expected


@pytest.mark.parametrize("text", [
    # one document under two names, no word that marks another
    "Pemkot Tegal dan BPJS Kesehatan meneken perjanjian kerja sama, Senin (5/6/2023). Wali Kota Tegal menyaksikan "
    "penandatanganan MoU itu di Balai Kota.",
    # a signing that only dates something else tells no signing a sequence follows
    "Sebelum dilakukan penandatanganan, jaksa memberi penyuluhan kepada para lurah. Selanjutnya, Kajari Sleman "
    "meneken kesepakatan bersama dengan seluruh lurah, Senin (5/6/2023).",
    # the signing narrated after the speeches is the same one
    "Pemkab Sleman dan UGM menandatangani MoU, Senin (5/6/2023). Bupati dan rektor memberi sambutan. Setelah itu, "
    "penandatanganan MoU tersebut dilakukan oleh Bupati Sleman dan Rektor UGM.",
    # an earlier instrument a clause describes is not one more signed
    "Pemkab Sleman dan UGM meneken perjanjian kerja sama, Senin (5/6/2023). PKS itu menindaklanjuti nota "
    "kesepahaman serupa yang ditandatangani pada Maret 2022.",
    # the sides of one joint document
    "Perjanjian itu diteken lima pihak, yaitu Pemkab Sleman, Bank Merapi, PT Sinar, PT Bulan, dan Universitas "
    "Bromo, Senin (5/6/2023).",
    # an unnamed group is one party
    "Penandatanganan perjanjian dilakukan Kepala Ombudsman Sleman dengan 16 perangkat daerah, Senin (5/6/2023).",
    # "bersama" after an institution: the group is on its side
    "Politeknik Merapi menandatangani MoU PT Sinar Baja bersama delapan perusahaan mitranya, Kamis (14/9/2023). "
    "Delapan perusahaan tersebut, yakni PT A1, PT A2, PT A3, PT A4, PT A5, PT A6, PT A7, dan PT A8.",
])
def test_one_document_stays_one_record(text):
    assert len(records(text)) == 1


@pytest.mark.parametrize("text, expected", [
    ("Nota kesepahaman (MoU) itu diteken kedua rektor, Senin (5/6/2023).", "nota_kesepahaman"),
    ("Kesepakatan Bersama (MoU) itu diteken kepala desa dan kajari, Senin (5/6/2023).", "nota_kesepahaman"),
    ("Kedua dekan meneken Memorandum of Agreement (MoA), Senin (5/6/2023).", "perjanjian_kerja_sama"),
    ("Bupati dan Ketua KPU meneken Naskah Perjanjian Hibah Daerah (NPHD), Senin (5/6/2023).", "other"),
    ("Kedua pihak meneken nota kesepakatan bersama tentang pendidikan, Senin (5/6/2023). MoU itu berlaku lima tahun.",
     "nota_kesepakatan"),
])
def test_type_from_the_most_specific_name(text, expected):
    assert types(text) == [expected]


def test_counted_counterparts_the_article_names_sign_one_each():
    found = records("Rektor Universitas Merapi meneken nota kesepahaman dengan tiga kampus, yakni Universitas "
                    "Bromo, Universitas Semeru, dan Institut Teknologi Kelud, Senin (5/6/2023).")
    assert [[p["name"] for p in a["parties"]] for a in found] == [
        ["Universitas Merapi", "Universitas Bromo"], ["Universitas Merapi", "Universitas Semeru"],
        ["Universitas Merapi", "Institut Teknologi Kelud"]]


def test_counterparts_named_in_a_later_sentence():
    found = records("Rektor Universitas Merapi meneken nota kesepahaman dengan dua perguruan tinggi, Senin "
                    "(5/6/2023). Kedua perguruan tinggi itu adalah Universitas Bromo dan Institut Teknologi Kelud.")
    assert len(found) == 2


def test_pairs_after_antara_are_one_record_each():
    found = records("Penandatanganan perjanjian kerja sama dilakukan antara Dinas Kesehatan Sleman dengan Bank Merapi, "
                    "serta Dinas Pendidikan Sleman dengan Bank Bromo, Senin (5/6/2023).")
    assert [[p["name"] for p in a["parties"]] for a in found] == [
        ["Dinas Kesehatan Sleman", "Bank Merapi"], ["Dinas Pendidikan Sleman", "Bank Bromo"]]


def test_a_sentence_about_two_documents_gives_each_its_own_signers():
    found = records("Penandatanganan MoU oleh Rektor Universitas Merapi Budi Santoso dengan Rektor Universitas Bromo "
                    "Andi Wijaya dirangkai dengan penandatanganan MoA oleh Dekan Fakultas Hukum Universitas Merapi "
                    "Sri Rahayu dengan Dekan Fakultas Hukum Universitas Bromo Joko Susilo, Jumat (7/6/2024).")
    assert [[s["name"] for s in a["signatories"]] for a in found] == [
        ["Budi Santoso", "Andi Wijaya"], ["Sri Rahayu", "Joko Susilo"]]


def test_hub_and_spoke_with_a_name_written_twice():
    found = records("Pimpinan Pusat (PP) Wathoniyah meneken nota kesepahaman antara PP Wathoniyah dengan Bank "
                    "Syariah Merapi dan Bank Bromo Indonesia, Senin (5/10/2020).")
    assert [[p["name"] for p in a["parties"]][1:] for a in found] == [["Bank Syariah Merapi"], ["Bank Bromo Indonesia"]]


def test_one_person_is_named_alike_in_every_record():
    found = records("Ketua KPU Sleman Yusuf Santoso dan Rektor UGM Budi Wijaya menandatangani nota kesepahaman, "
                    "Senin (5/6/2023). Berikutnya, kedua pihak juga meneken perjanjian kerja sama "
                    "antara Sekretariat KPU Sleman dan Fakultas Hukum UGM, disaksikan oleh Yusuf.")
    assert [(w["name"], w["title"]) for w in found[1]["witnesses"]] == [("Yusuf Santoso", "Ketua KPU Sleman")]


@pytest.mark.parametrize("text, expected", [
    # a sequence whose clause names no one who signs goes on with the same signing
    ("Pemkab Boyolali dan Kejari Boyolali menandatangani nota kesepahaman di Pendopo Boyolali, Kamis "
     "(12/10/2023). Penandatanganan dilakukan oleh Bupati Boyolali dan Kajari Boyolali. Selanjutnya, "
     "penandatanganan disaksikan oleh Wakil Bupati Boyolali.", 1),
    ("Rektor Undip dan Direktur PT Jaya meneken MoU, Selasa (3/10/2023). Selain itu, penandatanganan MoU juga "
     "disaksikan oleh Gubernur Jawa Tengah.", 1),
    # the same occasion, another kind signed by others
    ("Bupati Klaten meneken MoU dengan Rektor UNS di Solo, Senin (2/10/2023). Dalam kesempatan yang sama, "
     "Kepala Dinas Pendidikan Klaten dan Dekan FKIP UNS menandatangani perjanjian kerja sama.", 2),
    # a sequence of signings, each with its own signers
    ("Dirut Bank Merapi menjadi penandatangan pertama, Senin (2/10/2023). Berikutnya, Kepala Dinas Kesehatan "
     "Sleman dan Kepala BPJS Cabang Sleman menandatangani kerja sama terkait layanan kesehatan.", 2),
])
def test_a_sequence_or_an_addition_is_another_document_when_its_clause_names_who_signs(text, expected):
    assert len(records(text)) == expected


def test_a_group_of_institutions_among_the_counterparts_makes_one_joint_document():
    found = records("Ombudsman RI menandatangani nota kesepahaman bersama Pemerintah Provinsi Jawa Tengah dan "
                    "pemerintah kabupaten/kota se-Jawa Tengah, Senin (5/6/2023).")
    assert len(found) == 1


def test_counted_documents_the_article_lists_are_its_items():
    text = ("Pemkab Sleman menandatangani dua kerja sama di Pendopo Parasamya, Senin (4/9/2023). Kerja sama itu "
            "meliputi:\n1. Nota Kesepahaman dengan UGM tentang pengelolaan sampah;\n"
            "2. Perjanjian Kerja Sama dengan UNY tentang pelatihan guru.\n")
    assert [(a["type"], [s["text"] for s in a["scope"]]) for a in records(text)] == [
        ("nota_kesepahaman", ["pengelolaan sampah"]), ("perjanjian_kerja_sama", ["pelatihan guru"])]


def test_an_office_names_its_institution_as_another_record_does():
    found = records("Penandatanganan kerja sama dilakukan Pemprov Jambi dan Bank Pembangunan Daerah Jambi, Senin "
                    "(2/10/2023). Dirut Bank Jambi Budi Santoso menjadi penandatangan pertama. Setelah itu, Kepala "
                    "Cabang Bank Jambi di setiap kabupaten melakukan penandatanganan serupa dengan para lurah. Kerja "
                    "sama itu mempercepat pencairan dana desa.")
    assert [p["name"] for p in found[1]["parties"]] == ["Bank Pembangunan Daerah Jambi"]


def test_documents_told_by_their_place_among_those_signed():
    found = records("Polres Merapi menandatangani tiga dokumen kerja sama di Aula Polres, Kamis (22/8/2024).\n"
                    "Dokumen pertama berupa nota kesepahaman antara Polres Merapi dan Pemerintah Kabupaten Sleman "
                    "tentang penanganan bencana. Nota kesepahaman itu diteken Kapolres Merapi Budi Santoso dan "
                    "Bupati Sleman Andi Wijaya.\n"
                    "Berikutnya, Kepala Seksi Kesehatan Polres Merapi Sri Rahayu meneken perjanjian kerja sama "
                    "dengan Direktur RSUD Sleman Joko Susilo.\n"
                    "Dokumen ketiga adalah perjanjian kerja sama antara Polres Merapi dan Bank Bromo tentang "
                    "layanan gaji. Perjanjian ini ditandatangani Wakapolres Merapi Dedi Kurnia dan Kepala Cabang "
                    "Bank Bromo Rina Lestari.")
    assert [[s["name"] for s in a["signatories"]] for a in found] == [
        ["Budi Santoso", "Andi Wijaya"], ["Sri Rahayu", "Joko Susilo"], ["Dedi Kurnia", "Rina Lestari"]]


@pytest.mark.parametrize("text", [
    # "kedua" of both sides, not a second document
    "Pemkab Sleman dan UGM meneken perjanjian kerja sama, Senin (5/6/2023). PKS itu ditandatangani kedua pihak "
    "di Pendopo Sleman. Penandatanganan kedua belah pihak disaksikan gubernur.",
    # the first ever between them
    "Pemkab Sleman dan UGM meneken nota kesepahaman, Senin (5/6/2023). Ini merupakan kerja sama pertama antara "
    "kedua lembaga itu.",
])
def test_an_ordinal_that_places_no_document_adds_none(text):
    assert len(records(text)) == 1


def test_a_turn_after_a_signing_told_is_another_document():
    found = records("Kerja sama pertama diteken di Ternate, Senin (15/1/2024), oleh Bupati Halmahera Utara Budi "
                    "Santoso dan Direktur RSUD Ternate Andi Wijaya. Dua hari berselang, Rabu (17/1/2024), giliran "
                    "Lanal Ternate dan Pemkab Halmahera Utara menandatangani nota kesepahaman di Tobelo.")
    assert [a["date"]["value"] for a in found] == ["2024-01-15", "2024-01-17"]


def test_documents_named_together_take_their_signers_in_order():
    found = records("Nota kesepahaman dan perjanjian kerja sama itu masing-masing ditandatangani oleh Rektor "
                    "Universitas Merapi Budi Santoso bersama Direktur PT Bromo Andi Wijaya, serta oleh Dekan Fakultas "
                    "Teknik Universitas Merapi Sri Rahayu bersama Manajer PT Bromo Joko Susilo, Jumat (26/7/2024).")
    assert [(a["type"], [s["name"] for s in a["signatories"]]) for a in found] == [
        ("nota_kesepahaman", ["Budi Santoso", "Andi Wijaya"]),
        ("perjanjian_kerja_sama", ["Sri Rahayu", "Joko Susilo"])]


def test_each_signer_of_one_joint_document_listed_after_masing_masing_stays_one_record():
    found = records("Nota kesepahaman itu ditandatangani masing-masing oleh Bupati Sleman Budi Santoso, Rektor "
                    "Universitas Merapi Andi Wijaya, dan Direktur PT Bromo Sri Rahayu, Jumat (26/7/2024).")
    assert [[s["name"] for s in a["signatories"]] for a in found] == [["Budi Santoso", "Andi Wijaya", "Sri Rahayu"]]


def test_counted_documents_then_told_one_by_one_are_not_more():
    found = records("Bawaslu Sleman menandatangani nota kesepahaman dengan dua perguruan tinggi, masing-masing "
                    "Universitas Merapi dan Universitas Bromo, Senin (3/6/2024). Ketua Bawaslu Sleman Budi Santoso "
                    "lebih dulu meneken nota kesepahaman bersama Rektor Universitas Merapi Andi Wijaya. Setelah itu, "
                    "ia menandatangani nota kesepahaman dengan Universitas Bromo.")
    assert len(found) == 2


GROUP_NAMED_BEFORE = ("Universitas Merapi menggandeng tiga lembaga dalam satu seremoni, Kamis (7/9/2023). Ketiga lembaga "
                      "tersebut yakni Bank Bromo, Yayasan Semeru Mandiri, serta Universitas Kelud. Rektor Universitas "
                      "Merapi Budi Santoso bersama pimpinan ketiga lembaga itu masing-masing menandatangani nota "
                      "kesepahaman")


def test_a_group_named_before_that_signs_each_its_own_document():
    found = records(GROUP_NAMED_BEFORE + " tersendiri.")
    assert [[p["name"] for p in a["parties"]] for a in found] == [
        ["Universitas Merapi", "Bank Bromo"], ["Universitas Merapi", "Yayasan Semeru Mandiri"],
        ["Universitas Merapi", "Universitas Kelud"]]


def test_a_group_that_each_signs_without_saying_each_its_own_stays_one_record():
    assert len(records(GROUP_NAMED_BEFORE + ".")) == 1


def test_each_of_a_group_named_before_signs_its_own_document():
    found = records("Bank Merapi menjalin kerja sama dengan dua pemerintah kabupaten, yakni Pemerintah Kabupaten "
                    "Sleman dan Pemerintah Kabupaten Bantul. Penandatanganan perjanjian kerja sama berlangsung di "
                    "Hotel Bromo, Senin (20/11/2023). Masing-masing pemkab meneken dokumen PKS tersendiri dengan "
                    "Bank Merapi.")
    assert len(found) == 2


def test_a_branch_that_signs_another_document_keeps_its_own_name():
    found = records("Nota kesepahaman antara Pemerintah Provinsi Jawa Tengah dan BPJS Ketenagakerjaan ditandatangani "
                    "Gubernur Jawa Tengah Budi Santoso dan Deputi Direktur BPJS Ketenagakerjaan Andi Wijaya di "
                    "Semarang, Kamis (12/9/2024). Pada acara yang sama, Kepala Dinas Tenaga Kerja Jawa Tengah Sri "
                    "Rahayu dan Kepala BPJS Ketenagakerjaan Cabang Semarang Joko Susilo menandatangani perjanjian "
                    "kerja sama antara Dinas Tenaga Kerja Jawa Tengah dan BPJS Ketenagakerjaan Cabang Semarang.")
    assert [[p["name"] for p in a["parties"]][-1] for a in found] == [
        "BPJS Ketenagakerjaan", "BPJS Ketenagakerjaan Cabang Semarang"]


def test_a_sentence_about_every_signing_goes_with_every_record():
    found = records("Bupati Klaten Budi Santoso meneken MoU dengan Rektor UNS Andi Wijaya di Solo, Senin (2/10/2023). "
                    "Dalam kesempatan yang sama, Kepala Dinas Pendidikan Klaten Sri Rahayu dan Dekan FKIP UNS Joko "
                    "Susilo menandatangani perjanjian kerja sama. Kedua penandatanganan disaksikan Wakil Gubernur Jawa "
                    "Tengah Rina Lestari.")
    assert [[w["name"] for w in a["witnesses"]] for a in found] == [["Rina Lestari"], ["Rina Lestari"]]
