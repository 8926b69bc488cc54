import sys
import zipfile
from datetime import datetime

import pytest

from conftest import SAMPLES
from docfixtures import docx_file, encrypted_pdf, news_pdf, scanned_pdf
from mouextract.cli import app
from mouextract.documents import clean_pdf_text
from mouextract.readers import iter_articles

TITLE = "Pemkab Contoh dan Universitas Contoh Teken Nota Kesepahaman Bidang Pendidikan"
STAMP = "Rabu, 15 Maret 2023 | 08:40 WIB"
BODY = [
    "CONTOH, Warta.id – Pemerintah Kabupaten Contoh dan Universitas Contoh menandatangani nota "
    "kesepahaman tentang pengembangan pendidikan dan penelitian, Selasa (14/3/2023), di Pendopo "
    "Kabupaten Contoh. Penandatanganan disaksikan para kepala organisasi perangkat daerah.",
    "Kerja sama itu meliputi penyelenggaraan praktik kerja lapangan mahasiswa, pengabdian kepada "
    "masyarakat, dan penelitian terapan bagi perencanaan pembangunan daerah masing-masing pihak.",
]


def collect(paths, **kwargs):
    skipped = []
    items = list(iter_articles(paths, on_skip=skipped.append, **kwargs))
    return items, [str(e) for e in skipped]


def words(text):
    return text.split()


# --- PDF ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("layout", ["two columns"])
def test_pdf_gives_the_article_in_reading_order_without_line_end_hyphens(tmp_path, layout):
    pdf = news_pdf(tmp_path / "a.pdf", TITLE, STAMP, BODY)
    [(text, meta)], skipped = collect([pdf])
    assert skipped == [] and meta["path"] == str(pdf)
    assert text.split("\n\n")[:3] == ["WARTA CONTOH | Daerah", TITLE, STAMP]
    assert words(text)[-len(words(" ".join(BODY))):] == words(" ".join(BODY))


@pytest.mark.parametrize("raw,expected", [
    ("Pemerintah Kabupaten Contoh mena-\nndatangani nota kesepahaman dengan pe-\nmerintah kota di aula pendopo.\n",
     "Pemerintah Kabupaten Contoh menandatangani nota kesepahaman dengan pemerintah kota di aula pendopo.\n"),
    ("Program ini berjalan di daerah masing-\nmasing selama tiga tahun ke depan nanti.\n",
     "Program ini berjalan di daerah masing-masing selama tiga tahun ke depan nanti.\n"),
    ("Kerja sama lintas-sektor penting. Kerja sama itu bersifat lintas-\nsektor sejak awal tahun lalu ya.\n",
     "Kerja sama lintas-sektor penting. Kerja sama itu bersifat lintas-sektor sejak awal tahun lalu ya.\n"),
    ("Penanda\u00adtanganan berlangsung di aula kantor bupati pada pagi hari.\n",
     "Penandatanganan berlangsung di aula kantor bupati pada pagi hari.\n"),
])
def test_line_end_hyphenation_is_undone_but_real_hyphens_stay(raw, expected):
    assert clean_pdf_text(raw) == expected


@pytest.mark.parametrize("raw,paragraphs", [
    ("Judul Berita Kerja Sama Daerah\nRabu, 15 Maret 2023 | 08:40 WIB\nKOTA, Warta.id – Pemkab menandatangani "
     "nota kesepahaman\ndengan universitas pada hari ini di aula.\n",
     ["Judul Berita Kerja Sama Daerah", "Rabu, 15 Maret 2023 | 08:40 WIB",
      "KOTA, Warta.id – Pemkab menandatangani nota kesepahaman dengan universitas pada hari ini di aula."]),
    ("Baris pertama paragraf satu yang cukup panjang sekali\nakhir paragraf.\nParagraf dua dimulai di sini "
     "dengan kalimat\nyang juga panjang sampai akhir baris.\n",
     ["Baris pertama paragraf satu yang cukup panjang sekali akhir paragraf.",
      "Paragraf dua dimulai di sini dengan kalimat yang juga panjang sampai akhir baris."]),
    ("Satu baris.\n\nBaris lain.\n", ["Satu baris.", "Baris lain."]),
])
def test_printed_lines_are_joined_into_paragraphs(raw, paragraphs):
    assert clean_pdf_text(raw).rstrip("\n").split("\n\n") == paragraphs


@pytest.mark.parametrize("meta_title,created,stamp,expected", [
    ("Pemkab Teken MoU", datetime(2023, 3, 16, 9, 0), None, {"title": "Pemkab Teken MoU", "published": "2023-03-16"}),
    # The stamp in the text is the publication date; the file's date is when it was saved.
    ("Pemkab Teken MoU", datetime(2024, 1, 2, 9, 0), STAMP, {"title": "Pemkab Teken MoU"}),
    ("Microsoft Word - berita.docx", None, STAMP, {}),
])
def test_pdf_title_and_date_come_from_its_metadata(tmp_path, meta_title, created, stamp, expected):
    pdf = news_pdf(tmp_path / "a.pdf", TITLE, stamp, BODY, meta_title=meta_title, created=created)
    [(_, meta)], _ = collect([pdf])
    assert {k: v for k, v in meta.items() if k != "path"} == expected


def test_pdf_protected_only_against_copying_is_read(tmp_path):
    source = news_pdf(tmp_path / "a.pdf", TITLE, STAMP, BODY)
    [(text, _)], skipped = collect([encrypted_pdf(source, tmp_path / "locked.pdf", user_password="")])
    assert skipped == [] and TITLE in text


@pytest.mark.parametrize("make,message", [
    (lambda d: scanned_pdf(d / "scan.pdf"),
     "{p} has no text layer (a scanned page?): run OCR first, e.g. ocrmypdf -l ind {p} ocr.pdf, and parse its output"),
    (lambda d: encrypted_pdf(news_pdf(d / "a.pdf", TITLE, STAMP, BODY), d / "scan.pdf", user_password="rahasia"),
     "{p} is an encrypted PDF file that needs a password to open: save an unprotected copy "
     "(e.g. qpdf --decrypt --password=PASSWORD {p} open.pdf)"),
    (lambda d: (d / "scan.pdf").write_bytes(b"%PDF-1.4\nthis is no pdf body\n") and d / "scan.pdf",
     "{p} is not a readable PDF file (damaged, or not a PDF): "
     "open it in its program and save it again, or export the text"),
])
def test_unreadable_pdf_is_a_skip_with_its_fix(tmp_path, make, message):
    path = make(tmp_path)
    assert collect([path]) == ([], [message.format(p=path)])


# --- Word --------------------------------------------------------------------------------------

def test_docx_gives_paragraphs_and_table_cells_in_order(tmp_path):
    path = docx_file(tmp_path / "a.docx", [TITLE, *BODY], table=[["Pihak", "Penanda tangan"], ["Pemkab Contoh", "Bupati"]])
    [(text, meta)], skipped = collect([path])
    assert skipped == [] and meta == {"path": str(path)}
    assert text == "\n\n".join([TITLE, "Pihak", "Penanda tangan", "Pemkab Contoh", "Bupati", *BODY]) + "\n"


@pytest.mark.parametrize("title,created,paragraphs,expected", [
    ("Pemkab Teken MoU", datetime(2023, 3, 16, 9, 0), BODY, {"title": "Pemkab Teken MoU", "published": "2023-03-16"}),
    ("Pemkab Teken MoU", datetime(2024, 1, 2, 9, 0), [STAMP, *BODY], {"title": "Pemkab Teken MoU"}),
    ("Word Document", None, BODY, {}),  # python-docx's template: its title and its 2013 date name nothing
])
def test_docx_title_and_date_come_from_its_properties(tmp_path, title, created, paragraphs, expected):
    path = docx_file(tmp_path / "a.docx", paragraphs, title=title, created=created)
    [(_, meta)], _ = collect([path])
    assert {k: v for k, v in meta.items() if k != "path"} == expected


def _zip_without_document(path):
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "no word document here")
    return path


@pytest.mark.parametrize("make,message", [
    (lambda p: p.write_bytes(b"PK\x03\x04 truncated") and p,
     "{p} is not a readable Word (.docx) file (damaged, or not a .docx): open it in its program and save it again, "
     "or export the text"),
    (_zip_without_document,
     "{p} is not a readable Word (.docx) file (damaged, or not a .docx): open it in its program and save it again, "
     "or export the text"),
    # Word saves a password-protected .docx as an OLE compound file, as an old .doc is.
    (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)) and p,
     "{p} is an encrypted Word (.docx) file that needs a password to open, or an old .doc renamed: "
     "save an unprotected .docx copy from Word or LibreOffice"),
    (lambda p: docx_file(p, ["", "  "]), "{p} is empty: there is no article text to read"),
])
def test_unreadable_docx_is_a_skip_with_its_fix(tmp_path, make, message):
    path = make(tmp_path / "a.docx")
    assert collect([path]) == ([], [message.format(p=path)])


@pytest.mark.parametrize("name,message", [
    ("old.doc", "{p} is an old Word .doc file, which mouextract does not read: save it as .docx "
                "(e.g. soffice --headless --convert-to docx {p})"),
])
def test_old_word_format_says_how_to_convert(tmp_path, name, message):
    (tmp_path / name).write_bytes(b"\xd0\xcf\x11\xe0")
    assert collect([tmp_path / name]) == ([], [message.format(p=tmp_path / name)])


@pytest.mark.parametrize("max_bytes", [200])
def test_max_bytes_bounds_the_text_of_a_document(monkeypatch, tmp_path, max_bytes):
    monkeypatch.setattr("mouextract.readers.DOCUMENT_FILE_FACTOR", 1000)  # the file itself may be large
    path = docx_file(tmp_path / "a.docx", BODY)
    size = len(("\n\n".join(BODY) + "\n").encode())
    assert collect([path], max_bytes=max_bytes) == ([], [
        f"{path} its text is {size:,} bytes, more than the {max_bytes:,}-byte limit: raise it with --max-bytes={size}"])


# --- missing extras ----------------------------------------------------------------------------

@pytest.mark.parametrize("module,name,message", [
    ("pypdf", "a.pdf", "Skipped: {p} is a PDF file and reading it needs pypdf: pip install 'mouextract[pdf]'"),
    ("docx", "a.docx", "Skipped: {p} is a Word (.docx) file and reading it needs docx: pip install 'mouextract[docx]'"),
])
def test_missing_extra_is_a_skip_naming_it_and_the_rest_is_read(runner, fake_extraction, monkeypatch, tmp_path,
                                                                  module, name, message):
    news_pdf(tmp_path / "a.pdf", TITLE, STAMP, BODY)
    docx_file(tmp_path / "a.docx", BODY)
    (tmp_path / "b.txt").write_text("Berita biasa.\n")
    monkeypatch.setitem(sys.modules, module, None)  # import fails as if the extra were not installed
    result = runner.invoke(app, ["parse", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 1
    assert message.format(p=tmp_path / name) in result.stderr.splitlines()
    assert result.stdout.count("\n") == 2


# --- end to end --------------------------------------------------------------------------------

def _records(result):
    keep = ("type", "date", "place", "parties", "signatories", "witnesses", "scope")
    return [{k: _nospan(a[k]) for k in keep} for a in result["agreements"]]


def _nospan(value):
    if isinstance(value, dict):
        return {k: _nospan(v) for k, v in value.items() if k != "span"}
    if isinstance(value, list):
        return [_nospan(v) for v in value]
    return value


@pytest.mark.parametrize("sample", ["001-temanggung-kejari", "004-kolaka-ombudsman-tiga-kabupaten"])
@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_a_clipping_gives_the_records_its_text_gives(tmp_path, sample, kind):
    from mouextract import extract
    text = (SAMPLES / f"{sample}.txt").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip()]
    if kind == "pdf":
        # No masthead: page furniture above the headline hides it from the pipeline (see the README).
        path = news_pdf(tmp_path / f"{sample}.pdf", lines[0], lines[1], lines[2:], masthead=False)
    else:
        path = docx_file(tmp_path / f"{sample}.docx", lines)
    [(clipped, meta)], skipped = collect([path])
    assert skipped == []
    assert _records(extract(clipped, meta, fast=True)) == _records(extract(text, {"path": sample}, fast=True))
