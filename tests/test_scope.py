"""The scope: which constructions give it, how a list is read, what stays out. Articles written
for these tests."""
import pytest

import mouextract
from mouextract import lists
from mouextract.nlp import parse
from mouextract.lists import words as list_words

SIGNED = "Pemkab Sleman dan Universitas Merapi menandatangani nota kesepahaman di Pendopo Parasamya, Senin (4/9/2023). "


def scope_of(text: str) -> list[str]:
    return [s["text"] for a in mouextract.extract(text)["agreements"] for s in a["scope"]]


def list_items(text: str) -> list[str]:
    """The items lists.read finds in TEXT, read whole as one list."""
    doc = parse(text)
    tk = lists.Tokens(doc)
    return [text[a:b] for a, b in lists.read(tk, list_words(), 0, len(doc))]


@pytest.mark.parametrize("text,items", [
    ("pendidikan, penelitian, dan pengabdian kepada masyarakat",
     ["pendidikan", "penelitian", "pengabdian kepada masyarakat"]),
    # without a comma before the conjunction, the last "dan" still starts an item
    ("pendidikan, penelitian dan pengabdian masyarakat", ["pendidikan", "penelitian", "pengabdian masyarakat"]),
    # ... unless the list puts its comma before "serta": then "B dan C" is one item
    ("percepatan penanganan laporan, pertukaran data dan informasi, serta pelatihan aparatur",
     ["percepatan penanganan laporan", "pertukaran data dan informasi", "pelatihan aparatur"]),
    # bare heads sharing one complement, in a list joined by "serta"
    ("penyuluhan, pembinaan, dan pendampingan Program Kartu Tani, serta pertukaran data",
     ["penyuluhan, pembinaan, dan pendampingan Program Kartu Tani", "pertukaran data"]),
    ("pendidikan dan pelatihan, pengkajian, penelitian, serta pengembangan kelembagaan",
     ["pendidikan dan pelatihan", "pengkajian", "penelitian", "pengembangan kelembagaan"]),
    # a word heading every item keeps what follows an item with it
    ("bidang pendidikan, termasuk program magang, bidang penelitian, serta bidang pengabdian",
     ["bidang pendidikan, termasuk program magang", "bidang penelitian", "bidang pengabdian"]),
    # an elaboration after the first item, its own list included, belongs to that item ...
    ("perlindungan sosial bagi pekerja rentan, termasuk petani, nelayan, dan pedagang pasar",
     ["perlindungan sosial bagi pekerja rentan, termasuk petani, nelayan, dan pedagang pasar"]),
    ("pelatihan aparatur desa, khususnya bendahara dan sekretaris desa",
     ["pelatihan aparatur desa, khususnya bendahara dan sekretaris desa"]),
    # ... after two items the same word introduces the last one
    ("penyaluran dana desa, pendampingan BUMDes, termasuk pelatihan pengurus koperasi",
     ["penyaluran dana desa", "pendampingan BUMDes", "pelatihan pengurus koperasi"]),
    # a head shared by the list is not the first item's
    ("kerja sama pendidikan, penelitian, dan pengabdian", ["pendidikan", "penelitian", "pengabdian"]),
    # without a conjunction it is no list: after the comma the sentence goes on
    ("pengelolaan sampah rumah tangga, Bupati berharap warga ikut", ["pengelolaan sampah rumah tangga"]),
    # brackets are not cut, "dan/atau" joins no items
    ("pertukaran data dan/atau informasi, pembinaan Badan Usaha Milik Desa (BUMDes, koperasi), dan pelatihan",
     ["pertukaran data dan/atau informasi", "pembinaan Badan Usaha Milik Desa (BUMDes, koperasi)", "pelatihan"]),
    ("pertama, pertukaran data; kedua, pendampingan hukum; dan ketiga, sosialisasi",
     ["pertukaran data", "pendampingan hukum", "sosialisasi"]),
])
def test_list_items(text, items):
    assert list_items(text) == items


@pytest.mark.parametrize("tail,items", [
    # a heading noun and a cue that lists
    ("Ruang lingkup kerja sama meliputi pengembangan wisata desa, pelatihan pemandu, dan promosi produk UMKM.",
     ["pengembangan wisata desa", "pelatihan pemandu", "promosi produk UMKM"]),
    ("Adapun objek kerja sama antara lain penyediaan data kependudukan dan verifikasi identitas.",
     ["penyediaan data kependudukan dan verifikasi identitas"]),
    # the instrument itself, in the same clause
    ("Nota kesepahaman itu mencakup riset pupuk organik, pemetaan lahan kritis serta pelatihan petani.",
     ["riset pupuk organik", "pemetaan lahan kritis", "pelatihan petani"]),
    # a colon list, lettered
    ("Ruang lingkupnya meliputi: a. pendidikan dan pelatihan; b. penelitian; c. pengabdian kepada masyarakat.",
     ["pendidikan dan pelatihan", "penelitian", "pengabdian kepada masyarakat"]),
    # numbered items across lines, after a count and "yaitu:"
    ("Cakupan kerja sama itu terdiri dari 3 hal, yaitu:\n1) penelitian benih padi,\n2) pelatihan penyuluh,\n"
     "3) pemasaran hasil panen.\nBupati menyambut baik.", ["penelitian benih padi", "pelatihan penyuluh", "pemasaran hasil panen"]),
    # bulleted lines; a comma between the heading and "yaitu"
    ("Ruang lingkup MoU meliputi:\n- pendidikan;\n- penelitian;\n• pengabdian masyarakat.\nBupati senang.",
     ["pendidikan", "penelitian", "pengabdian masyarakat"]),
    ("Adapun ruang lingkup kerja sama tersebut, yaitu pendidikan, penelitian dan pengabdian.",
     ["pendidikan", "penelitian", "pengabdian"]),
    # numbered lines without a mark at their end, in capitals
    ("Ruang lingkup kerja sama:\n1. Pendidikan\n2. Penelitian\n3. Pengabdian kepada Masyarakat\nBupati senang.",
     ["Pendidikan", "Penelitian", "Pengabdian kepada Masyarakat"]),
    # a list broken across a line
    ("Isinya mencakup magang mahasiswa, riset bersama\nbeasiswa, dan rekrutmen lulusan.",
     ["magang mahasiswa", "riset bersama", "beasiswa", "rekrutmen lulusan"]),
    # a quote opening after the cue
    ("Isinya mencakup “pendampingan UMKM, pelatihan digital dan riset pasar” bagi warga desa.",
     ["pendampingan UMKM", "pelatihan digital", "riset pasar"]),
    # inside a quote, up to the closing quote
    ("\"Kerja sama ini mencakup pendampingan UMKM, pelatihan digital dan riset pasar,\" kata Bupati Sleman.",
     ["pendampingan UMKM", "pelatihan digital", "riset pasar"]),
    # a count that matches the pieces: "A dan B" stays one item
    ("Kerja sama itu meliputi tiga kegiatan pokok, yakni riset bersama, kuliah tamu, narasumber dan pengajar tamu.",
     ["riset bersama", "kuliah tamu", "narasumber dan pengajar tamu"]),
    # the aim, when it names a concrete field
    ("Tujuannya adalah percepatan penyelesaian sengketa aset, pertukaran data, serta pendampingan hukum.",
     ["percepatan penyelesaian sengketa aset", "pertukaran data", "pendampingan hukum"]),
    ("Nota kesepahaman itu dibuat dalam rangka penyaluran kredit usaha bagi nelayan.",
     ["penyaluran kredit usaha bagi nelayan"]),
    # more items of the list just read
    ("Ruang lingkupnya meliputi pertukaran data dan pendampingan hukum.\nKegiatan lainnya adalah pelatihan aparatur desa.",
     ["pertukaran data dan pendampingan hukum", "pelatihan aparatur desa"]),
    # the bare head "kesepahaman" pointing back to the agreement; "mengatur" states its content
    ("Kesepahaman ini mengatur dua hal, yaitu pendataan lahan pertanian, serta penyuluhan irigasi bagi petani.",
     ["pendataan lahan pertanian", "penyuluhan irigasi bagi petani"]),
    # what the parties agree to work together on, lettered across lines
    ("Dalam nota itu, keduanya sepakat bekerja sama dalam hal:\na. pemetaan desa wisata;\nb. pelatihan pemandu;\n"
     "c. promosi kerajinan.\nBupati menyambut baik.", ["pemetaan desa wisata", "pelatihan pemandu", "promosi kerajinan"]),
    ("Kedua pihak sepakat bekerja sama dalam pengelolaan sampah pasar dan edukasi daur ulang.",
     ["pengelolaan sampah pasar dan edukasi daur ulang"]),
    # where the agreement is directed, when it names fields
    ("Kerja sama itu diarahkan pada pemetaan desa wisata, pelatihan pemandu, serta riset kerajinan bambu.",
     ["pemetaan desa wisata", "pelatihan pemandu", "riset kerajinan bambu"]),
    # what one party helps the other with through the agreement
    ("Lewat kerja sama ini, Universitas Merapi akan membantu Pemkab Sleman dalam pengelolaan air bersih, "
     "pemetaan rawan longsor, serta pelatihan relawan.",
     ["pengelolaan air bersih", "pemetaan rawan longsor", "pelatihan relawan"]),
    # a general aim, and the means it lists
    ("Kerja sama ini bertujuan mewujudkan desa tangguh bencana, antara lain melalui jalur evakuasi, "
     "lumbung pangan, dan sirene peringatan dini.", ["jalur evakuasi", "lumbung pangan", "sirene peringatan dini"]),
    # an aim whose list names fields: the verb before the first is the aim's wording
    ("Perjanjian ini bertujuan untuk memperkuat konservasi hutan desa, pembibitan tanaman keras, dan edukasi "
     "lingkungan bagi pelajar.", ["konservasi hutan desa", "pembibitan tanaman keras", "edukasi lingkungan bagi pelajar"]),
    # a borrowed noun of action is a field
    ("Tujuannya adalah sosialisasi hak pilih di sekolah dan kampus.", ["sosialisasi hak pilih di sekolah dan kampus"]),
    # the subject in the instrument's name yields to the scope the article states
    ("Perjanjian kerja sama pengelolaan sampah itu meliputi pemilahan di sumber, pengangkutan, dan daur ulang.",
     ["pemilahan di sumber", "pengangkutan", "daur ulang"]),
    # a count the next sentences give one by one, each after its ordinal
    ("Nota kesepahaman itu mengatur tiga hal. Pertama, pendampingan petani di lahan. Kedua, penyediaan benih "
     "oleh dinas. Ketiga, pengawalan distribusi pupuk.",
     ["pendampingan petani di lahan", "penyediaan benih oleh dinas", "pengawalan distribusi pupuk"]),
    # ... and the count alone is no item when the sentences after it open otherwise
    ("Nota kesepahaman itu mengatur tiga hal. Bupati berharap kerja sama berjalan baik.", []),
])
def test_scope_after_the_signing(tail, items):
    assert scope_of(SIGNED + tail) == items


@pytest.mark.parametrize("text,items", [
    ("Bupati Bantul dan Kajari Bantul menandatangani MoU mengenai penanganan perkara perdata, Rabu (8/11/2023).",
     ["penanganan perkara perdata"]),
    ("MoU yang diteken itu mengenai Kesepakatan Bersama Pendampingan Hukum Pilkada di Kabupaten Bantul.\n"
     "Penandatanganan dilakukan Bupati Bantul, Rabu (8/11/2023).", ["Pendampingan Hukum Pilkada di Kabupaten Bantul"]),
    ("Pemkot Tegal menandatangani perjanjian kerja sama dengan BPJS Kesehatan (BPJS) terkait kepesertaan warga miskin, "
     "Senin (4/9/2023), di Balai Kota Tegal.", ["kepesertaan warga miskin"]),
    ("Kejari Demak meneken Kesepakatan Bersama (MoU) bidang perdata dengan seluruh lurah, Selasa (5/9/2023).",
     ["bidang perdata"]),
    ("Universitas Merapi menandatangani perjanjian kerjasama dalam bidang ilmu pertanian, peternakan dan "
     "agroforestri, Selasa (5/9/2023).", ["bidang ilmu pertanian", "peternakan", "agroforestri"]),
    ("Pemprov Jambi menandatangani MoU tentang kerja sama pendidikan, pelatihan, dan pengabdian masyarakat, serta "
     "pembinaan kewirausahaan, Rabu (8/11/2023).", ["pendidikan", "pelatihan", "pengabdian masyarakat", "pembinaan kewirausahaan"]),
    # a title in capitals is one item
    ("Kedua menteri menandatangani Nota Kesepahaman tentang Kerja Sama Hidrologi, Oseanografi, dan Kebencanaan, "
     "yang diteken di Jakarta, Senin (4/9/2023).", ["Kerja Sama Hidrologi, Oseanografi, dan Kebencanaan"]),
    # an instrument named by its subject
    ("Pemkot Tegal dan BPJS Kesehatan meneken PKS pengelolaan data kepesertaan, Rabu (8/11/2023).",
     ["pengelolaan data kepesertaan"]),
    ("Polres Sleman dan Dinas Perhubungan menandatangani MoU untuk penertiban parkir liar, Kamis (9/11/2023).",
     ["penertiban parkir liar"]),
    ("Nota kesepakatan itu diteken empat pihak di Sleman, Kamis (9/11/2023). Dirut Bank Sleman Andi Wijaya menjadi "
     "penandatangan pertama, terkait penempatan kas desa pada bank tersebut, fasilitasi kredit, termasuk "
     "pembinaan BUMDes.",
     ["penempatan kas desa pada bank tersebut", "fasilitasi kredit", "pembinaan BUMDes"]),
])
def test_scope_of_the_signing_sentence(text, items):
    assert scope_of(text) == items


@pytest.mark.parametrize("tail", [
    # general aims
    "Kerja sama ini bertujuan meningkatkan mutu pelayanan publik.",
    "Tujuannya adalah peningkatan kualitas pelayanan publik di daerah.",
    "Nota kesepahaman itu dibuat untuk mempererat kerja sama kedua lembaga, kesetaraan dan kemajuan bersama.",
    "Polres dan Dishub menandatangani MoU untuk kedua kalinya.",
    # examples of what the agreement should prevent, people who attended, a setting
    "MoU ini diharapkan mencegah maladministrasi seperti pungutan liar dan penundaan berlarut.",
    "Acara penandatanganan MoU dihadiri sejumlah pejabat, antara lain Kepala Dinas Pendidikan dan Kepala Bappeda.",
    "Usai penandatanganan MoU, Bupati meninjau pameran yang meliputi produk UMKM, kerajinan, dan kuliner.",
    "Penandatanganan MoU, Senin, dihadiri pejabat yang meliputi camat, lurah dan kepala dinas.",
    # idioms: "dalam hal ini", "terkait hal itu"
    "Kejari Sleman bekerja sama dengan pemerintah daerah, dalam hal ini Dinas Pendidikan.",
    "Terkait hal itu, Bupati meminta dinas segera bergerak.",
    "Menurut dia, MoU ini sangat penting terkait upaya pemberantasan korupsi di daerah.",
    # an agreement only recalled
    "Sebelumnya, Pemkab Sleman juga meneken MoU tentang pengelolaan sampah dengan UGM pada 2021.",
    # an entity is no field of work
    "Bupati juga menyaksikan penandatanganan MoU perusahaan di Kantor Bupati.",
    # a hope, an aim to improve, a purpose stated alone, the content of any agreement
    "Bupati berharap kedua pihak bisa bekerja sama dalam penanganan banjir.",
    "Kedua lembaga sepakat bekerja sama dalam meningkatkan kualitas pendidikan.",
    "Melalui kerja sama ini, kampus akan membantu pemkab dalam mewujudkan visi daerah.",
    "Kerja sama ini bertujuan meningkatkan daya saing daerah melalui berbagai program.",
    "Kerja sama ini bertujuan meningkatkan mutu layanan melalui kolaborasi kedua lembaga.",
    "Kerja sama ini bertujuan untuk mempercepat pembangunan daerah dan kesejahteraan masyarakat.",
    "Nota kesepahaman itu dimaksudkan untuk memperkuat bantuan hukum dari kejaksaan.",
    "Perjanjian ini bertujuan memperkuat sinergi, kolaborasi, dan kemitraan.",
    "Kesepahaman ini mengatur hak dan kewajiban kedua belah pihak.",
    "Bupati mengatakan kerja sama ini diarahkan pada peningkatan kesejahteraan petani.",
    "Tujuannya adalah organisasi kemahasiswaan yang lebih aktif.",
])
def test_no_scope(tail):
    assert scope_of(SIGNED + tail) == []


def test_headline_and_caption_are_not_read():
    text = ("Pemkab Sleman Teken MoU Bidang Pertanian dengan IPB\nFoto: Bupati Sleman Teken MoU Terkait Pertanian\n"
            + SIGNED)
    assert scope_of(text) == []


def test_each_item_records_its_rule():
    text = SIGNED + "Ruang lingkup kerja sama meliputi pertukaran data dan pendampingan hukum, serta pelatihan."
    why = mouextract.extract(text, explain=True)["agreements"][0]["why"]["scope"]
    assert [(w["rule"], text[w["span"][0]:w["span"][1]]) for w in why] == [
        ("scope.covers", "pertukaran data dan pendampingan hukum"), ("scope.covers", "pelatihan")]


def test_a_list_of_instruments_is_no_scope_but_each_gives_its_subject():
    text = ("Pemkab Sleman menandatangani dua kerja sama di Pendopo Parasamya, Senin (4/9/2023). Kerja sama itu "
            "meliputi:\n1. Nota Kesepahaman dengan UGM tentang pengelolaan sampah;\n"
            "2. Perjanjian Kerja Sama dengan UNY tentang pelatihan guru.\n")
    assert scope_of(text) == ["pengelolaan sampah", "pelatihan guru"]


def test_each_enumerated_record_keeps_its_own_subject():
    text = ("Berikut kedua nota kesepahaman tersebut:\n"
            "1. Nota Kesepahaman tentang Kerja Sama Pertanian, yang ditandatangani Menteri Pertanian RI dan "
            "Menteri Pertanian Malaysia;\n"
            "2. Nota Kesepahaman tentang Penanganan Nelayan, yang ditandatangani Menteri Kelautan dan Perikanan RI "
            "dan Menteri Perikanan Malaysia.\n")
    records = mouextract.extract(text)["agreements"]
    assert [[s["text"] for s in a["scope"]] for a in records] == [["Kerja Sama Pertanian"], ["Penanganan Nelayan"]]


HUB = ("Universitas Merapi menandatangani nota kesepahaman dengan Kabupaten Sleman, Kabupaten Bantul dan Kabupaten "
       "Kulon Progo di Auditorium Universitas Merapi, Senin (4/9/2023). Ruang lingkup ketiganya sama, meliputi "
       "pelatihan guru, riset pangan, serta pengabdian masyarakat. ")
SHARED = ["pelatihan guru", "riset pangan", "pengabdian masyarakat"]


@pytest.mark.parametrize("text,scopes", [
    # a hub signing with each of its spokes
    (HUB + "Khusus dengan Kabupaten Bantul, kerja sama itu juga meliputi kajian abrasi pantai.",
     [SHARED, SHARED + ["kajian abrasi pantai"], SHARED]),
    (HUB + "Sementara dengan Kabupaten Kulon Progo, kerja sama itu juga meliputi riset bandara.",
     [SHARED, SHARED, SHARED + ["riset bandara"]]),
    # a counted group, one record a member
    ("Politeknik Merapi meneken MoU dengan dua kabupaten, yaitu Kabupaten Sleman dan Kabupaten Bantul, Rabu "
     "(6/9/2023), di kampus Politeknik Merapi. Isinya mencakup magang mahasiswa dan riset terapan. "
     "Sementara dengan Kabupaten Sleman, kerja sama itu juga mencakup pelatihan operator alat berat.",
     [["magang mahasiswa dan riset terapan", "pelatihan operator alat berat"], ["magang mahasiswa dan riset terapan"]]),
    # a counterpart that is no record's party singles out no record
    (HUB + "Khusus dengan Kabupaten Gunungkidul, kerja sama itu juga meliputi kajian karst.",
     [SHARED + ["kajian karst"]] * 3),
])
def test_an_item_for_one_counterpart_goes_to_its_record_only(text, scopes):
    records = mouextract.extract(text)["agreements"]
    assert [[s["text"] for s in a["scope"]] for a in records] == scopes


@pytest.mark.parametrize("phrase,field", [
    ("pengembangan wisata desa", True),
    ("rehabilitasi hutan bakau", True),       # a borrowed noun of action
    ("riset benih padi", True),               # a noun of work
    ("memperkuat rehabilitasi hutan bakau", True),   # past a verb of aim
    ("peningkatan kualitas pelayanan", False),       # a general aim
    ("organisasi kemahasiswaan", False),      # a body shaped like a noun of action
    ("meningkatkan pelayanan kesehatan", False),     # a verb of general aim
    ("penandatanganan nota kesepahaman", False),     # the signing itself
])
def test_what_names_a_field_of_work(phrase, field):
    doc = parse(phrase)
    tk = lists.Tokens(doc)
    assert lists.is_field(tk, list_words(), lists.Piece(0, len(doc), "")) is field
