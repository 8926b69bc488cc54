"""mouextract signings and mouextract export --signings."""
import csv
import io
import json

import pytest
import yaml

from conftest import SIGNING, make_result
from mouextract.cli import app
from signing_results import KEJARI, PEMKOT, agreement, result

# Two reports of one signing (make_result gives every article the same record) and another signing.
RESULTS = [make_result(SIGNING, {"path": "in/a.txt", "published": "2023-03-15"}),
           make_result(SIGNING + " Laporan kedua.", {"path": "in/b.txt", "published": "2023-03-15"}),
           result("c", agreement((PEMKOT, KEJARI)))]


@pytest.fixture
def pred(tmp_path):
    path = tmp_path / "pred.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RESULTS), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt,load", [
    ("yaml", lambda s: list(yaml.safe_load_all(s))),
    ("json", json.loads),
    ("jsonl", lambda s: [json.loads(line) for line in s.splitlines()]),
])
def test_signings_writes_one_record_per_signing(runner, pred, fmt, load):
    out = runner.invoke(app, ["signings", str(pred), "--format", fmt])
    records = load(out.stdout)
    assert out.exit_code == 0
    assert [[r["agreement_id"] for r in s["reports"]] for s in records] == [["a-1", "b-1"], ["c-1"]]
    assert out.stderr == "3 articles read, 3 records linked into 2 signings, 0 already present, 0 skipped\n"


@pytest.mark.parametrize("fmt", ["csv"])
def test_signings_csv_has_a_row_per_signing(runner, pred, fmt):
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["signings", str(pred), "--format", fmt]).stdout)))
    assert [(r["signing_id"], r["n_reports"], r["agreement_ids"], r["parties"]) for r in rows] == [
        ("1", "2", "a-1 | b-1", "Pemkab Temanggung | Kejari Temanggung"),
        ("2", "1", "c-1", "Pemerintah Kota Pekalongan | Kejaksaan Negeri Kota Pekalongan")]


def test_signings_reads_stdin(runner, pred):
    out = runner.invoke(app, ["signings", "-", "--format", "jsonl"], input=pred.read_text())
    assert out.exit_code == 0 and len(out.stdout.splitlines()) == 2


@pytest.mark.parametrize("line,message", [
    ("{oops", "line 2 is not valid JSON (Expecting property name enclosed in double quotes): fix or remove that line"),
    ('{"text": "Satu."}', 'line 2 is not an article result (no "agreements" list): '
                          "give the JSONL written by mouextract parse --format jsonl"),
])
def test_a_bad_line_is_skipped_and_the_rest_linked(runner, tmp_path, line, message):
    path = tmp_path / "pred.jsonl"
    path.write_text(json.dumps(RESULTS[0]) + "\n" + line + "\n" + json.dumps(RESULTS[2]) + "\n")
    out = runner.invoke(app, ["signings", str(path), "--format", "jsonl"])
    assert out.exit_code == 1 and len(out.stdout.splitlines()) == 2
    assert out.stderr.splitlines() == [f"Skipped: {path} {message}",
                                       "2 articles read, 2 records linked into 2 signings, 0 already present, 1 skipped"]


def test_a_missing_file_is_skipped(runner, pred, tmp_path):
    missing = tmp_path / "none.jsonl"
    out = runner.invoke(app, ["signings", str(missing), str(pred), "--format", "jsonl"])
    assert out.exit_code == 1 and out.stderr.splitlines()[0] == f"Skipped: {missing} does not exist: check the path"


def test_an_article_given_twice_is_linked_once(runner, pred):
    out = runner.invoke(app, ["signings", str(pred), str(pred), "--format", "jsonl"])
    assert out.exit_code == 0 and len(out.stdout.splitlines()) == 2
    assert out.stderr == "6 articles read, 3 records linked into 2 signings, 3 already present, 0 skipped\n"


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "yaml"])
def test_export_signings_gives_what_signings_gives(runner, fake_extraction, articles, tmp_path, pred, fmt):
    db = tmp_path / "a.sqlite"
    (articles / "c.txt").write_text(SIGNING + " Laporan kedua.")
    runner.invoke(app, ["parse", str(articles), "--db", str(db), "--format", "jsonl", "-o", str(tmp_path / "r.jsonl")])
    exported = runner.invoke(app, ["export", str(db), "--signings", "--format", fmt])
    linked = runner.invoke(app, ["signings", str(tmp_path / "r.jsonl"), "--format", fmt])
    assert exported.exit_code == 0 and exported.stderr == "1 signing exported\n"
    assert exported.stdout == linked.stdout


@pytest.mark.parametrize("name", ["s.csv"])
def test_signings_format_follows_the_output_suffix(runner, pred, tmp_path, name):
    out = runner.invoke(app, ["signings", str(pred), "-o", str(tmp_path / name)])
    assert out.exit_code == 0 and len(list(csv.DictReader(open(tmp_path / name, encoding="utf-8")))) == 2
