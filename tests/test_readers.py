import io
import json
import pickle

import pytest

from mouextract.errors import BinaryInput, InputError, UsageError
from mouextract.readers import FileArticle, expand_paths, iter_articles, normalise_date, read_path

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


def read_unread_items(paths, **kwargs):
    """What iter_articles gives with unread=True, each file read as a worker reads it."""
    out, skipped = [], []
    for item in iter_articles(paths, on_skip=skipped.append, unread=True, **kwargs):
        try:
            out.append(item.read() if isinstance(item, FileArticle) else item)
        except InputError as error:
            skipped.append(error)
    return out, [str(e) for e in skipped]


@pytest.mark.parametrize("name,data,message", [
    ("empty.txt", b"", "{p} is empty: there is no article text to read"),
    ("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "{p} looks like a binary file, not text: pass plain text, HTML, PDF, Word (.docx), JSONL or CSV"),
    ("big.txt", b"x" * 1001, "{p} is 1,001 bytes, more than the 1,000-byte limit: raise it with --max-bytes=1001"),
])
def test_a_file_read_later_reads_and_fails_as_one_read_at_once(tmp_path, name, data, message):
    bad = _bad(tmp_path, name, data)
    page = _bad(tmp_path, "page.html", HTML.encode("utf-8"))
    dump = _bad(tmp_path, "rows.jsonl", b'{"text": "Berita satu."}\n{"text": "Berita dua."}\n')
    paths = [bad, _bad(tmp_path, "good.txt", b"Berita."), page, dump]
    unread = list(iter_articles(paths, on_skip=lambda e: None, unread=True))
    assert [type(i).__name__ for i in unread] == ["FileArticle"] * 3 + ["tuple"] * 2   # a dump is read here
    assert read_unread_items(paths, max_bytes=1000, published="2024-01-02") \
        == collect(paths, max_bytes=1000, published="2024-01-02")
    assert read_unread_items(paths, max_bytes=1000)[1] == [message.format(p=bad)]


def test_an_input_error_survives_pickling(tmp_path):
    """A worker that cannot read a file sends the error back to the process that reports it."""
    error = pickle.loads(pickle.dumps(BinaryInput(str(tmp_path / "a.txt"))))
    assert type(error) is BinaryInput and error.reason == "binary" and error.path == str(tmp_path / "a.txt")
    assert str(error) == str(BinaryInput(str(tmp_path / "a.txt")))


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


# --- encodings, stdin, broken dumps, own outputs, length ------------------------------------------

@pytest.mark.parametrize("encoding,named", [("utf-16", "utf-16"), ("utf-16", None), ("utf-16-le", "utf-16-le"),
                                            ("utf-32", None)])
def test_utf16_and_utf32_are_read_when_named_or_marked(tmp_path, encoding, named):
    path = _bad(tmp_path, "a.txt", "Berita Café.".encode(encoding))
    items, skipped = collect([path], encoding=named)
    assert (items, skipped) == ([("Berita Café.", {"path": path})], [])


@pytest.mark.parametrize("encoding", ["utf-16-le"])
def test_utf16_without_a_mark_or_a_name_is_refused_as_binary(tmp_path, encoding):
    path = _bad(tmp_path, "a.txt", "Berita.".encode(encoding))
    assert collect([path]) == ([], [f"{path} looks like a binary file, not text: pass plain text, HTML, PDF, Word (.docx), JSONL or CSV"])


@pytest.mark.parametrize("data,expected", [
    (HTML.encode(), ("html", {"path": "-", "id": "stdin", "title": "Pemkab Teken MoU",
                              "url": "https://warta.example/berita/1", "published": "2023-03-15"})),
    (b"\n  <!DOCTYPE html>" + HTML.encode(), ("html", {"path": "-", "id": "stdin", "title": "Pemkab Teken MoU",
                                                      "url": "https://warta.example/berita/1", "published": "2023-03-15"})),
    (b'{"text": "Satu.", "id": "a1"}\n{"text": "Dua."}\n', ("jsonl", {"path": "-#1", "id": "a1"})),
    (b"Bupati <b>tebal</b> menandatangani.", ("text", {"path": "-", "id": "stdin"})),
    (b'{"tanpa": "teks"} lalu berita.', ("text", {"path": "-", "id": "stdin"})),
])
def test_stdin_is_sniffed_like_a_file(data, expected):
    items, skipped = collect(["-"], stdin=io.BytesIO(data))
    kind, meta = expected
    assert skipped == [] and items[0][1] == meta
    assert kind != "html" or "Beranda" not in items[0][0]
    assert kind != "jsonl" or [m["path"] for _, m in items] == ["-#1", "-#2"]


@pytest.mark.parametrize("name", ["page", "artikel.php"])
def test_a_file_without_a_known_suffix_is_sniffed_too(tmp_path, name):
    path = _bad(tmp_path, name, HTML.encode())
    [(text, meta)], _ = collect([path])
    assert meta["title"] == "Pemkab Teken MoU" and "<p>" not in text


GOOD_CSV = ('id,title,text\n1,Judul satu,"Teks satu, panjang.\nBaris kedua."\n2,Judul dua,"Teks dua.\nDengan ""kutipan"", dan koma."\n'
            '3,Judul tiga,"Teks tiga ""kutipan"" selesai."\n4,Judul empat,"Teks empat.\nLagi, dan lagi."\n5,Judul lima,Teks lima.\n')
QUOTE_FIX = 'fix its quoting (a field holding a quote or a line break is quoted, its quotes doubled: ""); the other rows were read'


@pytest.mark.parametrize("broken,ids,message", [
    (GOOD_CSV.replace("2,Judul dua,", '2,"Judul dua,'), ["1", "3", "4", "5"],
     "{p} row 2 (lines 4-5) cannot be parsed (',' expected after '\"'): " + QUOTE_FIX),
    (GOOD_CSV.replace('dan koma."\n', "dan koma.\n"), ["1", "3", "4", "5"],
     "{p} row 2 (lines 4-5) cannot be parsed (',' expected after '\"'): " + QUOTE_FIX),
    (GOOD_CSV.replace('Dengan ""kutipan""', 'Dengan "kutipan"'), ["1", "3", "4", "5"],
     "{p} row 2 (lines 4-5) cannot be parsed (',' expected after '\"'): " + QUOTE_FIX),
    (GOOD_CSV.replace("5,Judul lima,", '5,"Judul lima,'), ["1", "2", "3", "4"],
     "{p} row 5 (line 9) cannot be parsed (unexpected end of data): " + QUOTE_FIX),
])
def test_an_unbalanced_quote_in_a_csv_dump_loses_its_row_only(tmp_path, broken, ids, message):
    path = _bad(tmp_path, "dump.csv", broken.encode())
    items, skipped = collect([path])
    assert ([m["id"] for _, m in items], skipped) == (ids, [message.format(p=path)])
    assert [t for t, m in items if m["id"] == "4"] == ["Teks empat.\nLagi, dan lagi."]


@pytest.mark.parametrize("line,replacement", [('{"text": "Satu \\ud83d dua.", "title": "Judul \\udc00"}', "\ufffd")])
def test_a_lone_surrogate_in_a_jsonl_dump_becomes_a_replacement_character(tmp_path, line, replacement):
    path = _bad(tmp_path, "dump.jsonl", line.encode())
    [(text, meta)], _ = collect([path])
    assert (text, meta["title"]) == (f"Satu {replacement} dua.", f"Judul {replacement}")


@pytest.mark.parametrize("length", [1_000_001])
def test_a_text_longer_than_the_pipeline_reads_is_skipped_with_the_limit(tmp_path, length):
    path = _bad(tmp_path, "long.txt", b"x" * length)
    assert collect([path], max_bytes=2 * length) == ([], [
        f"{path} is {length:,} characters long, more than the 1,000,000 one article may have: split it into "
        f"articles (one per file, or one per row of a JSONL or CSV dump)"])


@pytest.mark.parametrize("size", [4_000_001])
def test_raising_max_bytes_is_advised_only_where_it_can_help(tmp_path, size):
    path = _bad(tmp_path, "huge.txt", b"x" * size)
    assert collect([path], max_bytes=1000)[1] == [
        f"{path} is {size:,} bytes, more than the 1,000-byte limit: an article may have at most 1,000,000 characters: "
        f"split it into articles (one per file, or one per row of a JSONL or CSV dump)"]


def _our_jsonl(path):
    path.write_text(json.dumps({"article": {"path": "a.txt"}, "agreements": [], "extractor": {"version": "x"}}) + "\n")


@pytest.mark.parametrize("name,write", [
    ("out.jsonl", _our_jsonl),
    ("out.csv", lambda p: p.write_text("\ufeff" + ",".join(__import__("mouextract.writers").writers.FLAT_COLUMNS) + "\n")),
    ("parties.csv", lambda p: p.write_text(",".join(__import__("mouextract.writers").writers.LONG_COLUMNS["parties"]) + "\n")),
])
def test_files_mouextract_wrote_are_not_read_back_from_a_folder(tmp_path, name, write):
    write(tmp_path / name)
    (tmp_path / "a.txt").write_text("Berita.")
    assert expand_paths([tmp_path]) == [str(tmp_path / "a.txt")]


@pytest.mark.parametrize("name", ["out.jsonl"])
def test_a_file_mouextract_wrote_named_as_input_is_refused(tmp_path, name):
    _our_jsonl(tmp_path / name)
    assert collect([tmp_path / name]) == ([], [f"{tmp_path / name} is a file mouextract wrote, not articles: "
                                                f"give the articles it was made from"])


@pytest.mark.parametrize("name", ["out.jsonl"])
def test_excluded_outputs_are_never_read(tmp_path, name):
    (tmp_path / name).write_text('{"text": "Satu."}\n')
    (tmp_path / "a.txt").write_text("Berita.")
    assert expand_paths([tmp_path, tmp_path / name], exclude=[tmp_path / name]) == [str(tmp_path / "a.txt")]
