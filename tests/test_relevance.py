"""Which signings an article reports (patterns/slots/relevance.yml, mouextract/triggers.py), on
articles written for these tests: a planned or earlier signing gives no record and is listed
under `mentioned`; a reported one gives a record."""
import pytest

import mouextract

LEAD = "Judul Berita\n"


def records(text: str) -> list[dict]:
    return mouextract.extract(LEAD + text)["agreements"]


def mentioned(text: str) -> list[str]:
    return [m["text"] for m in mouextract.extract(LEAD + text)["mentioned"]]


@pytest.mark.parametrize("text", [
    # a plan, and the signing the next sentence speaks of is the same plan
    "Pemkab Sleman akan menandatangani nota kesepahaman dengan Universitas Merapi pada 5 Mei 2025. "
    "Penandatanganan itu menjadi awal kerja sama kedua pihak.",
    # a day still to come
    "Panitia menyiapkan ruangan menjelang penandatanganan kerja sama dengan Bank Merapi pada 12 Mei mendatang.",
    # a signing named, not told: no verb, day, place, witness or agent
    "Penandatanganan nota kesepahaman antara Pemkab Lebak dan Pemkot Bogor belum jelas. "
    "Kepala dinas mengaku belum tahu isinya.",
    # an earlier MoU recalled at another dated occasion told first
    "Rektor Universitas Merapi menyampaikan hal itu dalam acara wisuda di Gedung Serbaguna, Sabtu (4/11/2023). "
    "Kerja sama dengan kampus di Malaysia ditandai penandatanganan MoU pada 26 Oktober 2023.",
    # a line that links to another story
    "Harga cabai naik di Pasar Beringharjo.\nBaca juga: Pemkab Sleman teken MoU dengan Bank Merapi",
    # a list of links under its heading, numbered or bulleted
    "Harga cabai naik di Pasar Beringharjo, Senin (4/9/2023).\n\nBerita Populer\n1. Banjir Rendam Jalan Magelang\n"
    "2. Pemkab Sleman Teken MoU dengan Bank Merapi\n3. Jadwal Pemadaman Listrik Pekan Ini",
    "Harga cabai naik di Pasar Beringharjo, Senin (4/9/2023).\n\nBaca Juga\n• Rutan Sleman Teken PKS dengan RSUD\n"
    "• Napi Kabur Ditangkap di Bantul",
    # a planned signing told with the signing as subject
    "Pemkot Kupang dan Undana sudah menyepakati draf nota kesepahaman. Penandatanganan direncanakan berlangsung "
    "di Balai Kota Kupang pekan depan.",
    # a certificate signed is no agreement
    "Pelatihan ini tindak lanjut perjanjian kerja sama yang ditandatangani pada Oktober 2023. Dalam acara "
    "wisuda, Senin (4/9/2023), Kepala BLK Sleman menandatangani sertifikat kompetensi para lulusan.",
    # a condition
    "Pemkab Sleman menyiapkan dana pelatihan yang cair begitu nota kesepahaman dengan UGM ditandatangani.",
    # a meeting about an agreement, told first, that recalls its signing; "sejak" an earlier one
    "Pemkab Sleman dan BPN Sleman menggelar rapat evaluasi pelaksanaan nota kesepahaman di Aula Sleman, Senin "
    "(21/10/2024). Nota kesepahaman itu ditandatangani pada 14 Maret 2023 lalu. Sejak MoU diteken, 200 bidang "
    "tanah sudah bersertifikat.",
    # dated only by its year or month, before an occasion told first ...
    "Pemkab Sleman dan BPJS Sleman menggelar rapat evaluasi perjanjian kerja sama di Aula Sleman, Selasa "
    "(10/9/2024). PKS tersebut ditandatangani pada Januari 2024 dan mengatur iuran warga miskin.",
    # ... before a signing still to come that the article dated first ...
    "Penandatanganan MoU yang dijadwalkan Kamis (17/7/2025) antara Pemkab Sleman dan Universitas Merapi batal "
    "digelar. Pada 2019, kedua lembaga meneken nota kesepahaman tentang pertanian organik.",
    # ... or long before the page's date
    "Kamis, 22 Januari 2026\nPemkab Sleman menyiapkan kawasan marina. Pada 2019, Pemkab meneken MoU dengan "
    "investor untuk pembangunan resor, namun kerja sama itu tidak berlanjut.",
    # dated by its month, after the names of its signers, before an occasion told first
    "Pemkot Sleman dan Bank Merapi menggelar rapat evaluasi nota kesepahaman di Balai Kota Sleman, Selasa "
    "(14/5/2024). Nota kesepahaman itu diteken Wali Kota Sleman dan Direktur Utama Bank Merapi Cabang Sleman "
    "pada Agustus 2022.",
    # an agreement that follows a signing follows an earlier one
    "Perjanjian kerja sama itu menyusul penandatanganan nota kesepahaman antara Pemkab Sleman dan UGM.",
])
def test_no_record_for_a_signing_not_reported(text):
    assert records(text) == []


@pytest.mark.parametrize("text, listed", [
    ("Pemkab Sleman akan menandatangani nota kesepahaman dengan Universitas Merapi pada 5 Mei 2025. "
     "Penandatanganan itu menjadi awal kerja sama kedua pihak.", 2),
    ("Penandatanganan nota kesepahaman antara Pemkab Lebak dan Pemkot Bogor belum jelas.", 1),
])
def test_a_signing_not_reported_is_mentioned(text, listed):
    assert len(mentioned(text)) == listed


@pytest.mark.parametrize("text", [
    # a signing told with no date or place still happened
    "Pemkab Kulon Progo dan Kejari Kulon Progo menandatangani nota kesepahaman tentang bantuan hukum.",
    # "ditandai dengan penandatanganan" tells the signing
    "Kerja sama itu ditandai dengan penandatanganan nota kesepahaman antara Bupati Bantul dan Rektor UMY, Senin (4/9/2023).",
    # a nominal signing beside one that is told is evidence of it
    "Pemkab Klaten dan BPJS Kesehatan meneken perjanjian kerja sama, Senin (4/9/2023). "
    "Penandatanganan perjanjian antara kedua lembaga bertujuan memperluas layanan.",
    # a later dated occasion after the signing does not make it an earlier one
    "Pemkab Klaten dan BPJS Kesehatan meneken perjanjian kerja sama, Senin (4/9/2023). "
    "Sosialisasi program digelar di kecamatan, Rabu (6/9/2023).",
    # after the signing, a plan: the signing took place
    "Setelah melakukan penandatanganan MoU dengan Rektor UGM, Bupati Sleman mengatakan pihaknya akan menambah "
    "layanan, Senin (4/9/2023).",
    # a signing a relative clause describes, then told by its signers ("perjanjian tersebut")
    "Kedua pihak sepakat membangun pasar. Kesepakatan itu dituangkan dalam perjanjian kerja sama yang "
    "ditandatangani di Kantor Bupati Sleman, Kamis (25/1). Direktur PT Merapi Jaya Budi Santoso dan Bupati "
    "Sleman Agus Wibowo menandatangani perjanjian tersebut di hadapan para camat.",
    # numbered lines under no heading of links are the article's own
    "Pemkab Sleman dan Universitas Merapi menjalin kerja sama riset pertanian, Senin (4/9/2023).\n"
    "1. Nota Kesepahaman Pemkab Sleman dan Universitas Merapi Diteken Bupati dan Rektor\n"
    "2. Riset Dimulai Bulan Depan",
    # news that follows a signing ("Hal ini menyusul penandatanganan ...") reports it
    "Ribuan nelayan bakal terlindungi. Hal ini menyusul penandatanganan perjanjian kerja sama antara Dinas "
    "Perikanan Sleman dan BPJS Ketenagakerjaan Cabang Sleman di Aula Dinas Perikanan, Selasa (9/7).",
])
def test_a_reported_signing_gives_a_record(text):
    assert len(records(text)) == 1


def test_a_signing_dated_before_one_told_first_is_an_earlier_one():
    found = records("Pemkot Madiun dan Polres Madiun meneken MoU di Kota Madiun, Senin (2/10/2023). "
                    "Penandatanganan serupa dilakukan pada 5 Agustus 2023 di Hotel Merdeka, Kota Kediri.")
    assert [a["date"]["value"] for a in found] == ["2023-10-02"]


@pytest.mark.parametrize("text, rules", [
    ("Pemkab Sleman dan UGM meneken MoU, Senin (4/9/2023).", ["status.reported"]),
    ("Pemkab Sleman dan UGM meneken MoU, Senin (4/9/2023). Penandatanganan itu disaksikan gubernur.",
     ["status.reported", "status.anaphor_that"]),
])
def test_the_rule_that_reported_a_signing_is_recorded(text, rules):
    (agreement,) = mouextract.extract(LEAD + text, explain=True)["agreements"]
    assert [p["rule"] for p in agreement["why"]["relevance"]] == rules


def test_an_earlier_signing_evaluated_months_later_is_no_record():
    text = ("Pemkab Sleman dan Universitas Merapi telah menandatangani nota kesepahaman pada 12 Januari 2023. "
            "Kini, kedua pihak menggelar rapat evaluasi di Aula Sleman, Senin (2/10/2023).")
    assert (records(text), len(mentioned(text))) == ([], 1)


@pytest.mark.parametrize("text, signers", [
    # the page's furniture between two signing sentences does not part them
    ("Bank Sukamaju menandatangani perjanjian kerja sama dengan Koperasi Tani Makmur, Jumat (8/11/2024).\n\n"
     "ADVERTISEMENT\nGULIR UNTUK MELANJUTKAN\n\nPenandatanganan dilakukan di Aula Bank Sukamaju oleh Pemimpin "
     "Cabang Bank Sukamaju, Dedy Hutapea, dan Ketua Koperasi Tani Makmur, Siti Maimunah.",
     ["Dedy Hutapea", "Siti Maimunah"]),
    # the third sentence names no instrument, but goes on from a signing sentence that does
    ("Pemkab Sleman dan Kejari Sleman menandatangani nota kesepahaman tentang bantuan hukum. "
     "Penandatanganan berlangsung di Pendopo Sleman, Senin (4/9/2023). "
     "Bupati Sleman Budi Santoso dan Kajari Sleman Ani Lestari membubuhkan tanda tangan di hadapan para camat.",
     ["Budi Santoso", "Ani Lestari"]),
    # two sentences away from the instrument, with no signing sentence between: not about it
    ("Pemkab Sleman dan Kejari Sleman menandatangani nota kesepahaman tentang bantuan hukum. "
     "Acara dihadiri para camat. "
     "Sebelumnya, warga Desa Sido membubuhkan tanda tangan pada petisi yang dibacakan Kepala Desa Sido Rudi Wirawan.",
     []),
])
def test_a_run_of_signing_sentences_tells_of_one_instrument(text, signers):
    (record,) = records(text)
    assert [s["name"] for s in record["signatories"]] == signers
