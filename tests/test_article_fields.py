"""The article's own fields: its title (the headline), read from the text when the input's
metadata gives none."""
import pytest

import mouextract

BODY = "KENDAL, Warta.id – Pemkab Kendal dan Kejari Kendal meneken MoU, Senin (2/10/2023)."


@pytest.mark.parametrize("text, title", [
    (f"Pemkab Kendal Gandeng Kejari Kendal\n{BODY}", "Pemkab Kendal Gandeng Kejari Kendal"),
    # the headline with blank space after it on its line
    (f"Pemkab Kendal Gandeng Kejari Kendal  \n\n  • Bagikan\n\n{BODY}", "Pemkab Kendal Gandeng Kejari Kendal"),
    # a page's path above it
    (f"Beranda / Berita / Daerah\nPemkab Kendal Gandeng Kejari Kendal\n{BODY}", "Pemkab Kendal Gandeng Kejari Kendal"),
    (f"Home > News > Regional\n\nPemkab Kendal Gandeng Kejari Kendal\n\n{BODY}", "Pemkab Kendal Gandeng Kejari Kendal"),
    # a section's name above it
    (f"Hukum\nPemkab Kendal Gandeng Kejari Kendal\n{BODY}", "Pemkab Kendal Gandeng Kejari Kendal"),
    (f"Berita Daerah\n\nPemkab Kendal Gandeng Kejari Kendal\n\n{BODY}", "Pemkab Kendal Gandeng Kejari Kendal"),
])
def test_title_is_the_headline(text, title):
    assert mouextract.extract(text)["article"]["title"] == title


@pytest.mark.parametrize("text", [
    # prose from the first line
    BODY,
    "Pemkab Kendal dan Kejari Kendal meneken MoU, Senin (2/10/2023).\nKerja sama itu mencakup tiga bidang.",
])
def test_no_title_without_a_headline(text):
    assert mouextract.extract(text)["article"]["title"] is None


def test_the_metadata_title_wins():
    text = f"Beranda / Berita / Daerah\nPemkab Kendal Gandeng Kejari Kendal\n{BODY}"
    assert mouextract.extract(text, {"title": "Judul dari halaman"})["article"]["title"] == "Judul dari halaman"


@pytest.mark.parametrize("text, dateline, outlet", [
    (f"Pemkab Kendal Gandeng Kejari Kendal\n{BODY}", "KENDAL", "Warta.id"),
    # the line after the headline, not the page's path, is read for the dateline
    (f"Beranda / Berita / Daerah\nPemkab Kendal – Kejari Kendal Bermitra\n{BODY}", "KENDAL", "Warta.id"),
])
def test_dateline_after_the_headline(text, dateline, outlet):
    article = mouextract.extract(text)["article"]
    assert (article["dateline"], article["outlet"]) == (dateline, outlet)
