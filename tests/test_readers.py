import io
import json

import pytest

from mouextract.errors import InputError, UsageError
from mouextract.readers import expand_paths, iter_articles, normalise_date, read_path

# Bytes no encoding detector accepts and without NUL: the "undecodable" case.
UNDETECTABLE = bytes(0x80 + i % 40 for i in range(200))

HTML = """<html><head><title>Pemkab Teken MoU - Warta</title>
<meta property="article:published_time" content="2023-03-15T08:40:00+07:00">
<link rel="canonical" href="https://warta.example/berita/1"></head>
<body><nav>Beranda | Politik</nav><article><h1>Pemkab Teken MoU</h1>
<p>Pemerintah Kabupaten Temanggung menandatangani nota kesepahaman dengan Kejaksaan Negeri
Temanggung, Selasa (14/3/2023), di Aula Kantor Bupati Temanggung.</p>
<p>Kerja sama itu meliputi bantuan hukum perdata dan tata usaha negara bagi pemerintah daerah.</p>
</article><footer>Hak cipta</footer></body></html>"""


def collect(paths, **kwargs):
    skipped = []
    items = list(iter_articles(paths, on_skip=skipped.append, **kwargs))
    return items, [str(e) for e in skipped]


@pytest.mark.parametrize("name", ["a.txt", "notes.md"])
def test_plain_text_file_gives_text_and_path(tmp_path, name):
    path = tmp_path / name
    path.write_text("Berita satu.\n", encoding="utf-8")
    assert collect([path]) == ([("Berita satu.\n", {"path": str(path)})], [])


@pytest.mark.parametrize("data", [b"\xef\xbb\xbfBerita.", "Berita dengan BOM.".encode("utf-8-sig")])
def test_utf8_byte_order_mark_is_dropped(tmp_path, data):
    (tmp_path / "a.txt").write_bytes(data)
    [(text, _)], _ = collect([tmp_path / "a.txt"])
    assert not text.startswith("\ufeff")


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_named_encoding_is_used(tmp_path, encoding):
    (tmp_path / "a.txt").write_bytes("Café Nusantara".encode(encoding))
    [(text, _)], _ = collect([tmp_path / "a.txt"], encoding=encoding)
    assert text == "Café Nusantara"


@pytest.mark.parametrize("text", [("Bupati menandatangani nota kesepahaman di Aula. " * 5) + "Café résumé"])
def test_other_encodings_are_detected(tmp_path, text):
    (tmp_path / "a.txt").write_bytes(text.encode("latin-1"))
    [(decoded, _)], skipped = collect([tmp_path / "a.txt"])
    assert skipped == [] and decoded.startswith("Bupati menandatangani")


def test_directories_are_walked_sorted_for_known_suffixes(tmp_path):
    for name in ["b/z.txt", "a.html", "c.csv", "b/y.jsonl", "x.pdf", "w.docx", "old.doc", "notes.gold.yaml",
                 ".hidden/h.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert expand_paths([tmp_path]) == [str(tmp_path / p) for p in
                                        ["a.html", "b/y.jsonl", "b/z.txt", "c.csv", "w.docx", "x.pdf"]]


@pytest.mark.parametrize("published,expected", [("2023-03-15", "2023-03-15"), ("2023-03-15T08:40:00+07:00", "2023-03-15")])
def test_published_option_fills_in_missing_dates(tmp_path, published, expected):
    (tmp_path / "a.txt").write_text("Berita.")
    [(_, meta)], _ = collect([tmp_path / "a.txt"], published=published)
    assert meta["published"] == expected


@pytest.mark.parametrize("published", ["15/3/2023", "kemarin"])
def test_published_option_must_be_a_date(tmp_path, published):
    (tmp_path / "a.txt").write_text("Berita.")
    with pytest.raises(UsageError) as e:
        collect([tmp_path / "a.txt"], published=published)
    assert str(e.value) == f"--published {published!r} is not a date: write it as YYYY-MM-DD, e.g. 2023-03-15"


@pytest.mark.parametrize("html", [HTML])
def test_html_gives_main_text_title_date_and_url(tmp_path, html):
    (tmp_path / "a.html").write_text(html, encoding="utf-8")
    [(text, meta)], _ = collect([tmp_path / "a.html"])
    assert "menandatangani nota kesepahaman" in text and "Beranda" not in text and "Hak cipta" not in text
    assert meta == {"path": str(tmp_path / "a.html"), "title": "Pemkab Teken MoU",
                    "url": "https://warta.example/berita/1", "published": "2023-03-15"}


@pytest.mark.parametrize("html", [HTML])
def test_html_date_beats_the_published_option(tmp_path, html):
    (tmp_path / "a.htm").write_text(html, encoding="utf-8")
    [(_, meta)], _ = collect([tmp_path / "a.htm"], published="2000-01-01")
    assert meta["published"] == "2023-03-15"


@pytest.mark.parametrize("rows", [[
    {"text": "Satu.", "title": "T1", "published": "2023-01-02T10:00:00", "url": "https://x/1", "id": "x1"},
    {"text": "Dua."},
]])
def test_jsonl_dump_rows_with_optional_columns(tmp_path, rows):
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    items, skipped = collect([path])
    assert skipped == []
    assert items == [
        ("Satu.", {"path": f"{path}#1", "id": "x1", "title": "T1", "url": "https://x/1", "published": "2023-01-02"}),
        ("Dua.", {"path": f"{path}#2", "id": "dump-2"}),
    ]


@pytest.mark.parametrize("content", ['id,title,text,published\nx1,T1,"Satu, dua.",2023-01-02\nx2,,Tiga.,\n'])
def test_csv_dump_rows_with_optional_columns(tmp_path, content):
    path = tmp_path / "dump.csv"
    path.write_text(content)
    items, skipped = collect([path])
    assert skipped == []
    assert items == [
        ("Satu, dua.", {"path": f"{path}#1", "id": "x1", "title": "T1", "published": "2023-01-02"}),
        ("Tiga.", {"path": f"{path}#2", "id": "x2"}),
    ]


@pytest.mark.parametrize("data", [b"Berita dari stdin."])
def test_dash_reads_stdin(data):
    items, _ = collect(["-"], stdin=io.BytesIO(data))
    assert items == [("Berita dari stdin.", {"path": "-", "id": "stdin"})]


# --- bad inputs: each is skipped with one message naming the fix; the rest is read ---------------

def _bad(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize("name,data,message", [
    ("empty.txt", b"", "{p} is empty: there is no article text to read"),
    ("blank.txt", b" \n\t\n", "{p} is empty: there is no article text to read"),
    ("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "{p} looks like a binary file, not text: pass plain text, HTML, PDF, Word (.docx), JSONL or CSV"),
    ("bad.txt", UNDETECTABLE, "{p} is not valid UTF-8: try --encoding=latin-1"),
    ("big.txt", b"x" * 1001, "{p} is 1,001 bytes, more than the 1,000-byte limit: raise it with --max-bytes=1001"),
    ("script.html", b"<html><body><script>var x = 1;</script></body></html>", "{p} has no article text that trafilatura can find: save the article page itself as HTML"),
    ("d.csv", b"id,body\n1,Satu\n", '{p} has no "text" column (columns: id, body): name the column holding the article text "text"'),
])
def test_bad_file_is_skipped_with_its_fix(tmp_path, name, data, message):
    bad = _bad(tmp_path, name, data)
    good = _bad(tmp_path, "good.txt", b"Berita.")
    items, skipped = collect([bad, good], max_bytes=1000)
    assert skipped == [message.format(p=bad)]
    assert [m["path"] for _, m in items] == [good]


@pytest.mark.parametrize("encoding", ["utf-8"])
def test_wrong_named_encoding_suggests_another(tmp_path, encoding):
    bad = _bad(tmp_path, "a.txt", UNDETECTABLE)
    _, skipped = collect([bad], encoding=encoding)
    assert skipped == [f"{bad} is not valid {encoding}: try --encoding=latin-1"]


@pytest.mark.parametrize("encoding", ["klingon"])
def test_unknown_encoding_is_a_usage_error(tmp_path, encoding):
    with pytest.raises(UsageError) as e:
        collect([_bad(tmp_path, "a.txt", b"x")], encoding=encoding)
    assert str(e.value) == f"--encoding={encoding} is not an encoding Python knows: try --encoding=utf-8 or --encoding=latin-1"


@pytest.mark.parametrize("missing", ["nope.txt", "nope-dir"])
def test_missing_path_is_skipped(tmp_path, missing):
    items, skipped = collect([tmp_path / missing, _bad(tmp_path, "good.txt", b"Berita.")])
    assert skipped == [f"{tmp_path / missing} does not exist: check the path"] and len(items) == 1


@pytest.mark.parametrize("why", ["Permission denied"])
def test_unreadable_path_is_skipped(tmp_path, monkeypatch, why):
    # Tests may run as root, for whom chmod 000 changes nothing: simulate the refusal instead.
    bad = _bad(tmp_path, "locked.txt", b"Berita.")
    real_open = open

    def refusing_open(path, *args, **kwargs):
        if str(path) == bad:
            raise PermissionError(13, why)
        return real_open(path, *args, **kwargs)
    monkeypatch.setattr("builtins.open", refusing_open)
    _, skipped = collect([bad])
    assert skipped == [f"{bad} cannot be read (permission denied): check that it is a file you may read"]


@pytest.mark.parametrize("lines,messages", [
    (['{"text": "Satu."}', '{"text": "Dua."', '{"text": "Tiga."}'],
     ['{p} line 2 is not valid JSON (Expecting \',\' delimiter): fix or remove that line']),
    (['{"body": "Satu."}', '[1, 2]', '{"text": "Tiga."}'],
     ['{p} line 1 has no "text" field: put the article text under "text" on each line',
      '{p} line 2 has no "text" field: put the article text under "text" on each line']),
    (['{"text": "  "}', '{"text": "Tiga."}'], ["{p}#1 is empty: there is no article text to read"]),
])
def test_malformed_jsonl_line_is_skipped_and_the_rest_read(tmp_path, lines, messages):
    path = _bad(tmp_path, "dump.jsonl", "\n".join(lines).encode())
    items, skipped = collect([path])
    assert skipped == [m.format(p=path) for m in messages]
    assert items[-1][0] == "Tiga."


@pytest.mark.parametrize("content,messages", [
    ("text,title\nSatu.,T\nDua.,T,extra\nTiga.,T\n", ["{p} row 2 has 3 fields but the header has 2: quote fields that contain commas"]),
    ("text,title\n,T\nTiga.,T\n", ["{p}#1 is empty: there is no article text to read"]),
])
def test_malformed_csv_row_is_skipped_and_the_rest_read(tmp_path, content, messages):
    path = _bad(tmp_path, "dump.csv", content.encode())
    items, skipped = collect([path])
    assert skipped == [m.format(p=path) for m in messages]
    assert items[-1][0] == "Tiga."


@pytest.mark.parametrize("error", [InputError])
def test_without_on_skip_the_library_raises(tmp_path, error):
    with pytest.raises(error):
        list(read_path(_bad(tmp_path, "empty.txt", b"")))


@pytest.mark.parametrize("value,expected", [
    ("2023-03-15", "2023-03-15"), ("2023-03-15T08:40:00Z", "2023-03-15"), ("2023-03-15 08:40", "2023-03-15"),
    ("", None), (None, None), ("Rabu, 15 Maret 2023", None),
])
def test_normalise_date(value, expected):
    assert normalise_date(value) == expected


@pytest.mark.parametrize("error,message", [
    (ImportError("lxml.html.clean module is now a separate project lxml_html_clean.\nInstall lxml[html-clean] or lxml_html_clean directly."),
     "{p} cannot be read: trafilatura (the HTML reader) failed to import (lxml.html.clean module is now a separate "
     "project lxml_html_clean.): install it with: pip install lxml_html_clean"),
    (ModuleNotFoundError("No module named 'justext'", name="justext"),
     "{p} cannot be read: trafilatura (the HTML reader) failed to import (No module named 'justext'): "
     "install it with: pip install justext"),
])
def test_a_reader_that_cannot_import_skips_its_input_only(tmp_path, monkeypatch, error, message):
    import trafilatura

    def broken(*args, **kwargs):
        raise error
    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    (tmp_path / "a.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Berita.", encoding="utf-8")
    items, skipped = collect([tmp_path])
    assert ([m["path"] for _, m in items], skipped) == ([str(tmp_path / "b.txt")], [message.format(p=tmp_path / "a.html")])
