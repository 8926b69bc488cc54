import json
import sqlite3

import pytest

from conftest import DEV_CORPUS, SAMPLES, SIGNING, make_result, span
from mouextract.cli import app
from mouextract.db import Database, export
from mouextract.errors import NotADatabase, UsageError

RESULTS = [make_result(SIGNING, {"path": "in/a.txt", "published": "2023-03-15"}),
           make_result("Tanpa penandatanganan.", {"path": "in/b.txt"}),
           make_result(SIGNING + " menandatangani lagi.", {"path": "in/c.txt"})]


@pytest.fixture
def db(tmp_path):
    with Database(tmp_path / "a.sqlite") as database:
        yield database


@pytest.mark.parametrize("results", [RESULTS])
def test_results_read_back_unchanged(db, results):
    for r in results:
        assert db.add(r) is True
    assert list(db.results()) == results


@pytest.mark.parametrize("result", [RESULTS[0]])
def test_same_text_is_added_once(db, result):
    assert (db.add(result), db.add(result)) == (True, False)
    assert db.conn.execute("SELECT count(*) FROM agreements").fetchone() == (1,)


@pytest.mark.parametrize("table,rows", [("articles", 3), ("agreements", 3), ("parties", 6), ("signatories", 6),
                                        ("witnesses", 3), ("scope", 6), ("mentioned", 2)])
def test_each_table_is_filled(db, table, rows):
    for r in RESULTS:
        db.add(r)
    assert db.conn.execute(f"SELECT count(*) FROM {table}").fetchone() == (rows,)


@pytest.mark.parametrize("column,value", [("date_span_start", span("Selasa (14/3/2023)")[0]), ("type_span_end", span("nota kesepahaman")[1]),
                                          ("agreement_id", "a-1")])
def test_spans_are_queryable_columns(db, column, value):
    db.add(RESULTS[0])
    assert db.conn.execute(f"SELECT {column} FROM agreements").fetchone() == (value,)


@pytest.mark.parametrize("result", [RESULTS[0]])
def test_failed_article_leaves_no_rows(db, result):
    broken = {**result, "agreements": [{**result["agreements"][0], "parties": [object()]}]}
    with pytest.raises(Exception):
        db.add(broken)
    assert [db.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "agreements")] == [0, 0]


@pytest.mark.parametrize("fmt", ["jsonl"])
def test_export_writes_stored_results(tmp_path, db, fmt):
    import json
    for r in RESULTS:
        db.add(r)
    export(db.path, fmt, tmp_path / "out.jsonl")
    assert [json.loads(line) for line in open(tmp_path / "out.jsonl")] == RESULTS


@pytest.mark.parametrize("name", ["missing.sqlite"])
def test_export_of_missing_file_names_the_fix(tmp_path, name):
    path = tmp_path / name
    with pytest.raises(UsageError) as e:
        export(path, "yaml")
    assert str(e.value) == f"{path} does not exist: create it with: mouextract parse DIR --db {path}"


@pytest.mark.parametrize("content", [b"not a database at all" * 10])
def test_a_file_that_is_not_sqlite_is_refused(tmp_path, content):
    path = tmp_path / "x.sqlite"
    path.write_bytes(content)
    with pytest.raises(NotADatabase) as e:
        Database(path)
    assert str(e.value) == (f"{path} is not a mouextract database (file is not a database): "
                            f"create one with: mouextract parse DIR --db {path}")


@pytest.mark.parametrize("name", ["other.sqlite"])
def test_export_of_other_sqlite_file_is_refused(tmp_path, name):
    path = tmp_path / name
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(NotADatabase) as e:
        export(path, "yaml")
    assert str(e.value) == (f"{path} is not a mouextract database (no such table: articles): "
                            f"create one with: mouextract parse DIR --db {path}")


FOLDERS = [SAMPLES] + ([DEV_CORPUS] if DEV_CORPUS.is_dir() else [])


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_second_run_summarises_the_articles_present_and_adds_nothing(tmp_path, runner, fake_extraction, folder):
    db_path = tmp_path / "a.sqlite"
    first = runner.invoke(app, ["parse", str(folder), "--db", str(db_path)])
    n = len(list(folder.glob("*.txt")))
    summary = first.stderr.splitlines()[-1]
    assert first.exit_code == 0 and summary.startswith(f"{n} articles read, ")
    assert summary.endswith(" records found, 0 already present, 0 skipped")
    before = [sqlite3.connect(db_path).execute(f"SELECT count(*) FROM {t}").fetchone() for t in ("articles", "agreements")]
    second = runner.invoke(app, ["parse", str(folder), "--db", str(db_path)])
    assert (second.exit_code, second.stderr) == (0, f"{n} articles read, 0 records found, {n} already present, 0 skipped\n")
    after = [sqlite3.connect(db_path).execute(f"SELECT count(*) FROM {t}").fetchone() for t in ("articles", "agreements")]
    assert after == before and before[0] == (n,)


@pytest.mark.parametrize("extra", ["new.txt"])
def test_rerun_over_grown_folder_extracts_only_new_files_and_outputs_all(tmp_path, runner, fake_extraction, articles, extra):
    db_path = str(tmp_path / "a.sqlite")
    first = runner.invoke(app, ["parse", str(articles), "--db", db_path, "--format", "jsonl"])
    (articles / extra).write_text(SIGNING + " Berita baru.")
    result = runner.invoke(app, ["parse", str(articles), "--db", db_path, "--format", "jsonl"])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["article"]["path"] for r in lines] == [str(articles / p) for p in ("a.txt", extra, "sub/b.txt")]
    assert [lines[0], lines[2]] == [json.loads(line) for line in first.stdout.splitlines()]
    assert result.stderr.splitlines()[-1] == "3 articles read, 1 record found, 2 already present, 0 skipped"


@pytest.mark.parametrize("copy", ["copy.txt"])
def test_duplicate_text_within_one_run_is_output_under_its_own_path(tmp_path, runner, fake_extraction, articles, copy):
    (articles / copy).write_text((articles / "a.txt").read_text())
    result = runner.invoke(app, ["parse", str(articles), "--db", str(tmp_path / "a.sqlite"), "--format", "jsonl"])
    by_path = {r["article"]["path"]: r for r in map(json.loads, result.stdout.splitlines())}
    original, duplicate = by_path[str(articles / "a.txt")], by_path[str(articles / copy)]
    assert duplicate["agreements"] == original["agreements"] and duplicate["article"]["id"] == "copy"
    assert result.stderr == "3 articles read, 1 record found, 1 already present, 0 skipped\n"


@pytest.mark.parametrize("result", [RESULTS[0]])
def test_signatory_party_n_joins_the_signatory_own_party(db, result):
    db.add(result)
    joined = db.conn.execute(
        "SELECT s.title, p.name FROM signatories s JOIN parties p ON p.agreement_pk = s.agreement_pk AND p.n = s.party_n"
        " ORDER BY s.n").fetchall()
    assert joined == [(s["title"], result["agreements"][0]["parties"][s["party"]]["name"])
                      for s in result["agreements"][0]["signatories"]]
    assert joined == [("Bupati Temanggung", "Pemkab Temanggung"), ("Kepala Kejari", "Kejari Temanggung")]


@pytest.mark.parametrize("result,text", [(RESULTS[0], SIGNING)])
def test_the_article_text_is_stored_and_resolves_the_spans(db, result, text):
    db.add(result, text)
    rows = db.conn.execute("SELECT substr(a.text, p.span_start + 1, p.span_end - p.span_start), p.name FROM parties p"
                           " JOIN agreements g USING (agreement_pk) JOIN articles a ON a.sha256 = g.article_sha256").fetchall()
    assert rows and all(found == name for found, name in rows)


@pytest.mark.parametrize("table,key", [("parties", ["agreement_pk", "n"]), ("signatories", ["agreement_pk", "n"]),
                                       ("witnesses", ["agreement_pk", "n"]), ("scope", ["agreement_pk", "n"]),
                                       ("mentioned", ["article_sha256", "n"]), ("agreements", ["agreement_pk"])])
def test_every_table_has_a_primary_key(db, table, key):
    info = db.conn.execute(f"PRAGMA table_info({table})").fetchall()
    assert [name for _, name, _, _, _, pk in sorted(info, key=lambda c: c[5]) if pk] == key


@pytest.mark.parametrize("table,column", [("agreements", "article_sha256"), ("parties", "agreement_pk"),
                                          ("signatories", "agreement_pk"), ("mentioned", "article_sha256")])
def test_foreign_keys_are_looked_up_by_index(db, table, column):
    plan = db.conn.execute(f"EXPLAIN QUERY PLAN SELECT * FROM {table} WHERE {column} = ?", ("x",)).fetchall()
    assert "USING" in plan[0][3] and "INDEX" in plan[0][3]


@pytest.mark.parametrize("name", ["old.sqlite"])
def test_a_dataset_of_an_older_version_is_refused_with_the_fix(tmp_path, name):
    path = tmp_path / name
    sqlite3.connect(path).execute("CREATE TABLE articles (sha256 TEXT PRIMARY KEY)").connection.commit()
    with pytest.raises(NotADatabase) as e:
        Database(path)
    assert str(e.value) == (f"{path} is not a mouextract database (dataset version 0, this mouextract writes "
                            f"version 2): re-create it from the articles: mouextract parse DIR --db NEW.sqlite")


@pytest.mark.parametrize("name", ["missing/a.sqlite"])
def test_db_in_a_missing_folder_is_a_usage_error(runner, fake_extraction, articles, tmp_path, name):
    result = runner.invoke(app, ["parse", str(articles), "--db", str(tmp_path / name)])
    assert (result.exit_code, result.stderr) == (
        2, f"Error: cannot write {tmp_path / name}: the folder {tmp_path / 'missing'} does not exist: create it first\n")
