"""Institution, person and venue names compared across reports (mouextract.signings_match)."""
import pytest

from mouextract.signings_match import same_institution, same_person, same_venue


def party(name, short=None):
    return {"name": name, "short": short}


@pytest.mark.parametrize("a,b", [
    (party("Pemerintah Kota Pekalongan", "Pemkot Pekalongan"), party("Pemkot Pekalongan")),
    (party("Kota Mataram"), party("Pemerintah Kota Mataram")),
    (party("Unibnus"), party("Universitas Batik Nusantara")),
    (party("Universitas Batik Nusantara"), party("Universitas Batik Nusantara Pekalongan")),
    (party("Badan Pusat Statistik Provinsi Jawa Timur"), party("BPS Jatim")),
    (party("Pemerintah Provinsi Jawa Timur"), party("Pemprov Jatim")),
    (party("Kejaksaan Tinggi Nusa Tenggara Barat"), party("Kejati NTB")),
    (party("Kejaksaan Negeri Kota Pekalongan"), party("Kejari Pekalongan")),
    (party("Pemerintah Kabupaten Lombok Utara"), party("Pemkab KLU")),
    (party("BPJS Kesehatan Kantor Cabang Purwokerto"), party("BPJS Kesehatan")),
    (party("Ombudsman Republik Indonesia Perwakilan Sulawesi Tenggara", "Ombudsman Sultra"),
     party("Ombudsman RI Perwakilan Sultra")),
    (party("Kementerian Energi dan Sumber Daya Mineral"), party("Kementerian ESDM")),
])
def test_one_institution_under_two_names(a, b):
    assert same_institution(a, b) and same_institution(b, a)


@pytest.mark.parametrize("a,b", [
    (party("Pemerintah Kota Pekalongan"), party("Pemkab Pekalongan")),
    (party("Pemerintah Kabupaten Lombok Barat"), party("Pemkab Lombok Utara")),
    (party("Pemerintah Provinsi NTB"), party("Pemkot Mataram")),
    (party("Pemerintah Kota Mataram"), party("Kejaksaan Negeri Mataram")),
    (party("Pemerintah Provinsi Jawa Timur"), party("BPS Jatim")),
    (party("Universitas Riau"), party("Universitas Islam Riau")),
    (party("Kementerian Kesehatan"), party("Kementerian Keuangan")),
    (party("Kejari Temanggung", "Kejari"), party("Kejari Pekalongan", "Kejari")),
    (party("Pemkab", None), party("Pemkab", None)),
])
def test_two_institutions(a, b):
    assert not same_institution(a, b) and not same_institution(b, a)


@pytest.mark.parametrize("a,b,same", [
    ({"name": "Suharno", "title": "Bupati Temanggung"}, {"name": "Suharno Wijayakusuma", "title": "Bupati"}, True),
    ({"name": "Bambang Wicaksono", "title": None}, {"name": "Sekdaprov Jatim Bambang Wicaksono", "title": None}, True),
    ({"name": "H. Heru Prasetyo", "title": None}, {"name": "Heru Prasetyo", "title": None}, True),
    ({"name": "Ahmad", "title": "Rektor"}, {"name": "Ahmad Zulkarnain", "title": "Bupati Lombok Barat"}, False),
    ({"name": "Dewi Kartika Sari", "title": None}, {"name": "Dewi Lestari", "title": None}, False),
])
def test_one_person_or_two(a, b, same):
    assert same_person(a, b) is same


@pytest.mark.parametrize("a,b,same", [
    ("Ruang Jlamprang Setda Kota Pekalongan", "Ruang Jlamprang Sekretariat Daerah", True),
    ("Aula Kejati NTB", "Aula Kejaksaan Tinggi NTB", True),
    ("Aula Kejati NTB", "Pendopo Kabupaten Lombok Utara", False),
    ("Gedung Negara Grahadi", None, False),
])
def test_one_venue_or_two(a, b, same):
    assert same_venue(a, b) is same
