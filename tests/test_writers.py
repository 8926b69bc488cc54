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
    ("signatory_party_n", "1 | 2"), ("signatory_on_behalf_of", " | Budi"),
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


def _long(tmp_path, results=RESULTS, **options):
    with LongTables(tmp_path / "long", **options) as tables:
        for r in results:
            tables.write(r, "TEXT of " + r["article"]["path"])
    return {t: list(csv.DictReader(open(tmp_path / "long" / f"{t}.csv", encoding="utf-8-sig")))
            for t in LONG_COLUMNS}


@pytest.mark.parametrize("result", [RESULTS[0]])
def test_long_signatory_party_n_joins_the_signatory_own_party(tmp_path, result):
    tables = _long(tmp_path, [result])
    parties = {(p["agreement_id"], p["n"]): p["name"] for p in tables["parties"]}
    joined = [(s["title"], parties[s["agreement_id"], s["party_n"]]) for s in tables["signatories"]]
    expected = [(s["title"], result["agreements"][0]["parties"][s["party"]]["name"])
                for s in result["agreements"][0]["signatories"]]
    assert joined == expected == [("Bupati Temanggung", "Pemkab Temanggung"), ("Kepala Kejari", "Kejari Temanggung")]


@pytest.mark.parametrize("with_text,columns", [(False, LONG_COLUMNS["articles"]),
                                               (True, LONG_COLUMNS["articles"] + ["text"])])
def test_long_articles_table_has_every_article_and_the_text_on_request(tmp_path, with_text, columns):
    rows = _long(tmp_path, with_text=with_text)["articles"]
    assert [r["article_id"] for r in rows] == ["a", "b", "c"] and list(rows[0]) == columns
    assert not with_text or rows[0]["text"] == "TEXT of in/a.txt"


@pytest.mark.parametrize("fmt,text_of", [
    ("jsonl", lambda out: [json.loads(line)["article"]["text"] for line in out.splitlines()]),
    ("yaml", lambda out: [d["article"]["text"] for d in yaml.safe_load_all(out)]),
    ("csv", lambda out: [r["text"] for r in csv.DictReader(io.StringIO(out))]),
])
def test_with_text_writes_the_text_the_spans_index(tmp_path, fmt, text_of):
    write_results([(RESULTS[0], SIGNING)], fmt, tmp_path / "out", with_text=True)
    [text] = text_of((tmp_path / "out").read_text(encoding="utf-8"))
    party = RESULTS[0]["agreements"][0]["parties"][0]
    assert text[party["span"][0]:party["span"][1]] == party["name"]


@pytest.mark.parametrize("column,cell", [("article_id", '="000"'), ("agreement_id", '="000-1"'),
                                         ("region_code", '="33.23"'), ("city", "Temanggung")])
def test_excel_csv_has_a_bom_and_keeps_codes_as_text(tmp_path, column, cell):
    write_results([make_result(SIGNING, {"path": "in/000.txt"})], "csv", tmp_path / "x.csv", excel=True)
    data = (tmp_path / "x.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfarticle_id,")
    assert next(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))[column] == cell


@pytest.mark.parametrize("fmt", ["jsonl", "yaml"])
def test_excel_applies_only_to_csv(tmp_path, fmt):
    with pytest.raises(UsageError) as e:
        write_results([], fmt, tmp_path / "x", excel=True)
    assert str(e.value) == f"--excel applies to CSV output, not {fmt}: add --format csv or drop --excel"


@pytest.mark.parametrize("name", ["tables"])
def test_long_onto_a_file_is_refused(tmp_path, name):
    (tmp_path / name).write_text("x")
    with pytest.raises(UsageError) as e:
        LongTables(tmp_path / name).__enter__()
    assert str(e.value) == f"--long {tmp_path / name}: it is a file, not a folder: give a folder for the tables (created if missing)"
