import csv
import io
import json
import re

import pytest
import yaml

from conftest import ROOT, SAMPLES, SCORER, SIGNING
from mouextract import __version__
from mouextract.cli import app

COMMANDS = [[], ["parse"], ["export"], ["evaluate"], ["show"], ["signings"]]


def parse(runner, *args, input=None):
    return runner.invoke(app, ["parse", *map(str, args)], input=input, prog_name="mouextract")


@pytest.mark.parametrize("args", [["--version"]])
def test_version(runner, args):
    result = runner.invoke(app, args)
    assert (result.exit_code, result.stdout) == (0, f"mouextract {__version__}\n")


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "mouextract")
def test_every_help_ends_with_an_example(runner, command):
    result = runner.invoke(app, [*command, "--help"])
    lines = [line.strip() for line in result.stdout.rstrip().splitlines()]
    example = lines.index("Example:")
    assert result.exit_code == 0 and example > lines.index("Options:")
    assert lines[example + 1:] and all(line.startswith("mouextract ") for line in lines[example + 1:])


@pytest.mark.parametrize("command", [c[0] for c in COMMANDS if c])
def test_every_command_is_documented_in_the_readme(command):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Commands", 1)[1].split("\n## ", 1)[0]
    assert f"### mouextract {command}" in section and f"mouextract {command} " in section


@pytest.mark.parametrize("fmt,load", [
    ("yaml", lambda s: list(yaml.safe_load_all(s))),
    ("json", json.loads),
    ("jsonl", lambda s: [json.loads(line) for line in s.splitlines()]),
])
def test_parse_writes_one_document_per_article_to_stdout(runner, fake_extraction, articles, fmt, load):
    result = parse(runner, articles, "--format", fmt)
    docs = load(result.stdout)
    assert result.exit_code == 0
    assert [d["article"]["path"] for d in docs] == [str(articles / "a.txt"), str(articles / "sub" / "b.txt")]
    assert result.stderr == "2 articles read, 1 record found, 0 skipped\n"


@pytest.mark.parametrize("fmt", ["csv"])
def test_parse_csv_has_a_row_per_agreement(runner, fake_extraction, articles, fmt):
    rows = list(csv.DictReader(io.StringIO(parse(runner, articles, "--format", fmt).stdout)))
    assert [(r["article_id"], r["agreement_id"]) for r in rows] == [("a", "a-1")]


@pytest.mark.parametrize("name,check", [
    ("out.jsonl", lambda s: json.loads(s.splitlines()[0])),
    ("out.csv", lambda s: s.startswith("article_id,agreement_id,")),
    ("out.yaml", lambda s: s.startswith("---")),
    ("out.json", lambda s: json.loads(s)),
])
def test_output_file_format_follows_its_suffix(runner, fake_extraction, articles, tmp_path, name, check):
    result = parse(runner, articles, "--output", tmp_path / name)
    assert result.exit_code == 0 and result.stdout == "" and check((tmp_path / name).read_text())


@pytest.mark.parametrize("data", [SIGNING])
def test_dash_reads_stdin(runner, fake_extraction, data):
    result = parse(runner, "-", "--format", "jsonl", input=data)
    assert json.loads(result.stdout)["article"]["path"] == "-"


@pytest.mark.parametrize("date", ["2023-03-15"])
def test_published_option_reaches_extraction(runner, fake_extraction, articles, date):
    result = parse(runner, articles / "a.txt", "--published", date, "--format", "jsonl")
    assert json.loads(result.stdout)["article"]["published"] == date


@pytest.mark.parametrize("options", [["--db", "{tmp}/a.sqlite"], ["--long", "{tmp}/long"]])
def test_db_or_long_alone_writes_nothing_to_stdout(runner, fake_extraction, articles, tmp_path, options):
    result = parse(runner, articles, *[o.format(tmp=tmp_path) for o in options])
    assert result.exit_code == 0 and result.stdout == ""


@pytest.mark.parametrize("tables", [["articles", "agreements", "parties", "signatories", "witnesses", "scope", "mentioned"]])
def test_long_writes_the_tidy_tables(runner, fake_extraction, articles, tmp_path, tables):
    parse(runner, articles, "--long", tmp_path / "long")
    assert sorted(p.name for p in (tmp_path / "long").iterdir()) == sorted(f"{t}.csv" for t in tables)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "yaml"])
def test_export_gives_back_what_parse_wrote(runner, fake_extraction, articles, tmp_path, fmt):
    direct = parse(runner, articles, "--format", fmt).stdout
    parse(runner, articles, "--db", tmp_path / "a.sqlite")
    result = runner.invoke(app, ["export", str(tmp_path / "a.sqlite"), "--format", fmt])
    assert (result.exit_code, result.stdout, result.stderr) == (0, direct, "2 articles exported\n")


# --- bad input: each skipped with one line naming the fix, the rest written, exit 1 ------------

@pytest.mark.parametrize("name,data,message", [
    ("empty.txt", b"", "Skipped: {p} is empty: there is no article text to read"),
    ("bin.txt", b"\x00\x01\x02", "Skipped: {p} looks like a binary file, not text: pass plain text, HTML, PDF, Word (.docx), JSONL or CSV"),
    ("bad.txt", bytes(0x80 + i % 40 for i in range(200)), "Skipped: {p} is not valid UTF-8: try --encoding=latin-1"),
    ("big.txt", b"x" * 2000, "Skipped: {p} is 2,000 bytes, more than the 1,000-byte limit: raise it with --max-bytes=2000"),
    ("dump.jsonl", b'{"text": "Satu."}\n{oops\n', "Skipped: {p} line 2 is not valid JSON (Expecting property name enclosed in double quotes): fix or remove that line"),
    ("dump.csv", b"text,id\nSatu.,1\nDua.,2,3\n", "Skipped: {p} row 2 has 3 fields but the header has 2: quote fields that contain commas"),
    ("raise.txt", b"RAISE", "Skipped: {p} could not be extracted (ValueError: boom): please report this with the file"),
])
def test_bad_input_is_skipped_and_the_rest_written(runner, fake_extraction, articles, name, data, message):
    bad = articles / name
    bad.write_bytes(data)
    result = parse(runner, articles, "--format", "jsonl", "--max-bytes", 1000)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == message.format(p=bad)
    assert str(articles / "a.txt") in result.stdout and str(articles / "sub" / "b.txt") in result.stdout


@pytest.mark.parametrize("missing", ["nope.txt"])
def test_missing_path_is_skipped_with_summary(runner, fake_extraction, articles, missing):
    result = parse(runner, articles / missing, articles / "a.txt")
    assert result.exit_code == 1
    assert result.stderr == (f"Skipped: {articles / missing} does not exist: check the path\n"
                             "1 article read, 1 record found, 1 skipped (1 missing)\n")


@pytest.mark.parametrize("args,message", [
    (["--format", "xml"], "Invalid value for '--format' / '-f': Value error, 'xml' is not one of 'yaml', 'json', 'jsonl', 'csv', 'xlsx'."),
    (["--engine", "spark"], "Invalid value for '--engine': Value error, 'spark' is not one of 'local', 'dask'."),
    (["--jobs", "-1"], "Invalid value for '--jobs' / '-j': Input should be greater than or equal to 0"),
])
def test_bad_option_is_a_usage_error(runner, articles, args, message):
    result = parse(runner, articles, *args)
    assert result.exit_code == 2
    assert result.stderr == ("Usage: mouextract parse [OPTIONS] {PATH}...\n"
                             "Try 'mouextract parse --help' for help.\n\n"
                             f"Error: {message}\n")


@pytest.mark.parametrize("args,message", [
    (["--published", "kemarin"], "Error: --published 'kemarin' is not a date: write it as YYYY-MM-DD, e.g. 2023-03-15\n"),
    (["--encoding", "klingon"], "Error: --encoding=klingon is not an encoding Python knows: try --encoding=utf-8 or --encoding=latin-1\n"),
    (["--output", "no/such/dir/out.jsonl"], "Error: cannot write no/such/dir/out.jsonl: the folder no/such/dir does not exist: create it first\n"),
])
def test_library_usage_errors_exit_2_with_one_line(runner, fake_extraction, articles, args, message):
    result = parse(runner, articles, *args)
    assert (result.exit_code, result.stderr, result.stdout) == (2, message, "")


@pytest.mark.parametrize("content", [b"not sqlite" * 20])
def test_db_that_is_not_sqlite_exits_1(runner, fake_extraction, articles, tmp_path, content):
    (tmp_path / "x.sqlite").write_bytes(content)
    result = parse(runner, articles, "--db", tmp_path / "x.sqlite")
    assert result.exit_code == 1 and result.stderr == (
        f"Error: {tmp_path / 'x.sqlite'} is not a mouextract database (file is not a database): "
        f"create one with: mouextract parse DIR --db {tmp_path / 'x.sqlite'}\n")


@pytest.mark.parametrize("name", ["missing.sqlite"])
def test_export_of_missing_db_is_a_usage_error(runner, tmp_path, name):
    result = runner.invoke(app, ["export", str(tmp_path / name)])
    assert (result.exit_code, result.stderr) == (
        2, f"Error: {tmp_path / name} does not exist: create it with: mouextract parse DIR --db {tmp_path / name}\n")


@pytest.mark.parametrize("name", ["out.jsonl"])
def test_no_progress_bar_when_stderr_is_not_a_terminal(runner, fake_extraction, articles, tmp_path, name):
    result = parse(runner, articles, "-o", tmp_path / name)
    assert not re.search(r"[\r\x1b]", result.stderr)


@pytest.mark.skipif(not SCORER.is_file(), reason="the project scorer is not here")
@pytest.mark.parametrize("folder", [SAMPLES])
def test_real_pipeline_output_is_read_by_the_scorer(tmp_path, runner, folder):
    import subprocess
    import sys
    result = parse(runner, folder, "--fast", "--format", "jsonl", "-o", tmp_path / "pred.jsonl")
    assert result.exit_code == 0
    scored = subprocess.run([sys.executable, str(SCORER), str(folder), str(tmp_path / "pred.jsonl"), "--verbose"],
                            capture_output=True, text=True, check=True)
    assert "no prediction for this article" not in scored.stdout


# --- issue 12: inputs that crashed a run, outputs read back, the dataset's shape -------------------

@pytest.mark.parametrize("rows", [[{"text": SIGNING, "id": "r1"}, {"text": "Separuh emoji \ud83d di sini.", "id": "r2"},
                                   {"text": SIGNING + " Lagi.", "id": "r3"}]])
def test_a_lone_surrogate_under_db_loses_nothing(runner, fake_extraction, tmp_path, rows):
    import sqlite3
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(json.dumps(r) for r in rows) + "\n")  # json.dumps escapes \ud83d as JSON does
    result = parse(runner, dump, "--db", tmp_path / "a.sqlite")
    stored = sqlite3.connect(tmp_path / "a.sqlite").execute("SELECT id, text FROM articles ORDER BY rowid").fetchall()
    assert (result.exit_code, [i for i, _ in stored]) == (0, ["r1", "r2", "r3"])
    assert stored[1][1] == "Separuh emoji \ufffd di sini."


@pytest.mark.parametrize("html", [__import__("test_readers").HTML])
def test_html_on_stdin_is_read_as_html(runner, fake_extraction, html):
    article = json.loads(parse(runner, "-", "--format", "jsonl", input=html).stdout)["article"]
    assert (article["title"], article["url"]) == ("Pemkab Teken MoU", "https://warta.example/berita/1")


@pytest.mark.parametrize("encoding", ["utf-16"])
def test_encoding_utf16_reads_the_file(runner, fake_extraction, tmp_path, encoding):
    (tmp_path / "a.txt").write_bytes(SIGNING.encode(encoding))
    result = parse(runner, tmp_path / "a.txt", "--encoding", encoding, "--format", "jsonl")
    assert (result.exit_code, len(json.loads(result.stdout)["agreements"])) == (0, 1)


@pytest.mark.parametrize("output", ["out.jsonl", "out.csv"])
def test_a_run_never_reads_its_own_output(runner, fake_extraction, articles, output):
    first = parse(runner, articles, "-o", articles / output)
    second = parse(runner, articles, "-o", articles / output)
    assert (first.exit_code, second.exit_code) == (0, 0) and first.stderr == second.stderr
    assert second.stderr == "2 articles read, 1 record found, 0 skipped\n"


@pytest.mark.parametrize("earlier", ["run1.jsonl"])
def test_an_earlier_run_output_in_the_folder_is_not_read(runner, fake_extraction, articles, earlier):
    parse(runner, articles, "-o", articles / earlier)
    result = parse(runner, articles, "--long", articles / "tables")
    again = parse(runner, articles, "--format", "jsonl")
    assert (result.exit_code, again.exit_code, again.stderr) == (0, 0, "2 articles read, 1 record found, 0 skipped\n")


@pytest.mark.parametrize("name,check", [("x.csv", lambda s: s.startswith("article_id,agreement_id,")),
                                        ("x.jsonl", lambda s: json.loads(s.splitlines()[0])),
                                        ("x.json", json.loads)])
def test_export_format_follows_the_output_suffix(runner, fake_extraction, articles, tmp_path, name, check):
    parse(runner, articles, "--db", tmp_path / "a.sqlite")
    result = runner.invoke(app, ["export", str(tmp_path / "a.sqlite"), "-o", str(tmp_path / name)])
    assert result.exit_code == 0 and check((tmp_path / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["tables"])
def test_long_onto_an_existing_file_is_a_usage_error(runner, fake_extraction, articles, tmp_path, name):
    (tmp_path / name).write_text("x")
    result = parse(runner, articles, "--long", tmp_path / name)
    assert (result.exit_code, result.stderr) == (
        2, f"Error: --long {tmp_path / name}: it is a file, not a folder: give a folder for the tables (created if missing)\n")


@pytest.mark.parametrize("fmt", ["jsonl"])
def test_with_text_outputs_the_text_the_spans_index(runner, fake_extraction, articles, fmt):
    result = parse(runner, articles / "a.txt", "--format", fmt, "--with-text")
    record = json.loads(result.stdout)
    party = record["agreements"][0]["parties"][0]
    assert record["article"]["text"][party["span"][0]:party["span"][1]] == party["name"]


@pytest.mark.parametrize("command", [["parse", "{a}", "--format", "csv", "--excel"],
                                     ["export", "{db}", "--format", "csv", "--excel"]])
def test_excel_csv_starts_with_a_bom(runner, fake_extraction, articles, tmp_path, command):
    parse(runner, articles, "--db", tmp_path / "a.sqlite")
    result = runner.invoke(app, [c.format(a=articles, db=tmp_path / "a.sqlite") for c in command])
    assert result.exit_code == 0 and result.stdout.startswith("\ufeffarticle_id,")
    assert next(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))["agreement_id"] == '="a-1"'


@pytest.mark.parametrize("fmt", ["jsonl"])
def test_excel_with_another_format_is_a_usage_error(runner, articles, fmt):
    result = parse(runner, articles, "--format", fmt, "--excel")
    assert (result.exit_code, result.stderr) == (2, f"Error: --excel applies to CSV output, not {fmt}: add --format csv or drop --excel\n")
