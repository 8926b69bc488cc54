import csv
import io
import json

import pytest
import yaml

from conftest import SIGNING, make_result
from mouextract.errors import UsageError
from mouextract.writers import (FLAT_COLUMNS, LONG_COLUMNS, JOIN, LongTables, atomic_output, flat_rows,
                                write_results)

RESULTS = [make_result(SIGNING, {"path": "in/a.txt"}),
           make_result("Tanpa penandatanganan.", {"path": "in/b.txt"}),
           make_result(SIGNING + " menandatangani lagi.", {"path": "in/c.txt"})]


def written(fmt, results=RESULTS, tmp_path=None):
    out = tmp_path / f"out.{fmt}"
    write_results(results, fmt, out)
    return out.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt,load", [
    ("yaml", lambda s: list(yaml.safe_load_all(s))),
    ("json", json.loads),
    ("jsonl", lambda s: [json.loads(line) for line in s.splitlines()]),
])
def test_document_formats_round_trip_one_document_per_article(tmp_path, fmt, load):
    assert load(written(fmt, tmp_path=tmp_path)) == RESULTS


@pytest.mark.parametrize("fmt,expected", [("json", "[]\n"), ("jsonl", ""), ("yaml", ""),
                                          ("csv", ",".join(FLAT_COLUMNS) + "\n")])
def test_no_results_is_still_a_valid_document(tmp_path, fmt, expected):
    assert written(fmt, [], tmp_path) == expected


@pytest.mark.parametrize("fmt", ["yaml"])
def test_yaml_is_a_multi_document_stream_keeping_field_order(tmp_path, fmt):
    text = written(fmt, tmp_path=tmp_path)
    assert text.count("\n---") + text.startswith("---") == 3
    assert list(next(yaml.safe_load_all(text))["agreements"][0]) == list(RESULTS[0]["agreements"][0])


@pytest.mark.parametrize("fmt", ["csv"])
def test_csv_has_one_row_per_agreement_and_none_for_articles_without(tmp_path, fmt):
    rows = list(csv.DictReader(io.StringIO(written(fmt, tmp_path=tmp_path))))
    assert [r["agreement_id"] for r in rows] == ["a-1", "c-1", "c-2"]


@pytest.mark.parametrize("column,value", [
    ("article_id", "a"), ("path", "in/a.txt"), ("type", "nota_kesepahaman"), ("date", "2023-03-14"),
    ("date_precision", "day"), ("year_inferred", "false"), ("venue", "Aula Kantor Bupati"),
    ("city", "Temanggung"), ("province", "Jawa Tengah"), ("region_code", "33.23"),
    ("parties", "Pemkab Temanggung | Kejari Temanggung"), ("party_shorts", "Pemkab | "),
    ("signatories", "Suharno | "), ("signatory_titles", "Bupati Temanggung | Kepala Kejari"),
    ("signatory_parties", "0 | 1"), ("on_behalf_of", " | Budi"),
    ("witnesses", "Ahmad Kamal"), ("scope", "penanganan masalah hukum 1 | pertimbangan hukum"),
    ("confidence", "0.85"),
])
def test_csv_flat_columns_join_lists_in_step(tmp_path, column, value):
    row = next(csv.DictReader(io.StringIO(written("csv", tmp_path=tmp_path))))
    assert row[column] == value


@pytest.mark.parametrize("joiner", [" | "])
def test_list_joiner_is_documented_value(joiner):
    assert JOIN == joiner


@pytest.mark.parametrize("result", [make_result("x", {"path": "x.txt"}, agreements=0)])
def test_flat_rows_of_article_without_agreement_is_empty(result):
    assert flat_rows(result) == []


@pytest.mark.parametrize("table,count,first", [
    ("agreements", 3, {"agreement_id": "a-1", "article_id": "a", "n": "1", "date": "2023-03-14"}),
    ("parties", 6, {"agreement_id": "a-1", "n": "1", "name": "Pemkab Temanggung", "short": "Pemkab"}),
    ("signatories", 6, {"agreement_id": "a-1", "n": "2", "name": "", "title": "Kepala Kejari", "on_behalf_of": "Budi"}),
    ("witnesses", 3, {"agreement_id": "a-1", "n": "1", "name": "Ahmad Kamal", "title": "Wakil Bupati"}),
    ("scope", 6, {"agreement_id": "a-1", "n": "1", "text": "penanganan masalah hukum 1"}),
])
def test_long_tables_join_by_agreement_id(tmp_path, table, count, first):
    with LongTables(tmp_path / "long") as tables:
        for r in RESULTS:
            tables.write(r)
    rows = list(csv.DictReader(open(tmp_path / "long" / f"{table}.csv", encoding="utf-8")))
    assert len(rows) == count and list(rows[0]) == LONG_COLUMNS[table]
    pick = rows[1] if table == "signatories" else rows[0]
    assert {k: pick[k] for k in first} == first


@pytest.mark.parametrize("name", ["out.jsonl"])
def test_interrupted_write_leaves_no_file(tmp_path, name):
    with pytest.raises(KeyboardInterrupt):
        with atomic_output(tmp_path / name) as stream:
            stream.write("half")
            raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["out.jsonl"])
def test_interrupted_write_keeps_the_previous_file(tmp_path, name):
    (tmp_path / name).write_text("old\n")
    with pytest.raises(RuntimeError):
        with atomic_output(tmp_path / name) as stream:
            stream.write("half")
            raise RuntimeError
    assert (tmp_path / name).read_text() == "old\n" and len(list(tmp_path.iterdir())) == 1


@pytest.mark.parametrize("fmt", ["xml"])
def test_unknown_format_is_refused(tmp_path, fmt):
    with pytest.raises(UsageError) as e:
        write_results([], fmt, tmp_path / "x")
    assert str(e.value) == "unknown format 'xml': use one of yaml, json, jsonl, csv, xlsx"


@pytest.mark.parametrize("fmt", ["jsonl"])
def test_dash_writes_stdout(capsys, fmt):
    write_results(RESULTS[:1], fmt, "-")
    assert json.loads(capsys.readouterr().out) == RESULTS[0]
