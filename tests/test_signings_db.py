"""The signings of a dataset file (mouextract.signings_db): linked as articles are added."""
import json
import sqlite3

import pytest

from mouextract.db import Database, export
from mouextract.signings import link
from mouextract.signings_db import signing_records
from signing_results import KEJARI, PEMKOT, agreement, result

RESULTS = [result("a", agreement(), outlet="Jalurpantura.id"), result("b", agreement((PEMKOT, KEJARI))),
           result("c", agreement(date=None), published="2024-02-09"),
           result("d", agreement(date="2025-02-11"), agreement((PEMKOT, KEJARI), date="2025-02-11"))]


def table(path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return (conn.execute("SELECT * FROM signings ORDER BY signing_id").fetchall()
                + conn.execute("SELECT agreement_id, signing_id FROM agreements ORDER BY agreement_pk").fetchall())


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "a.sqlite"
    with Database(path) as db:
        for r in RESULTS:
            db.add(r)
    return path


def test_each_record_is_linked_to_its_signing(db_path):
    with sqlite3.connect(db_path) as conn:
        links = conn.execute("SELECT agreement_id, signing_id FROM agreements ORDER BY agreement_pk").fetchall()
        rows = conn.execute("SELECT signing_id, type, date, venue, city, region_code, n_reports, conflict"
                            " FROM signings ORDER BY signing_id").fetchall()
    assert links == [("a-1", 1), ("b-1", 2), ("c-1", 1), ("d-1", 3), ("d-2", 4)]
    assert rows == [(1, "nota_kesepahaman", "2024-02-08", None, "Pekalongan", "33.75", 2, 0),
                    (2, "nota_kesepahaman", "2024-02-08", None, "Pekalongan", "33.75", 1, 0),
                    (3, "nota_kesepahaman", "2025-02-11", None, "Pekalongan", "33.75", 1, 0),
                    (4, "nota_kesepahaman", "2025-02-11", None, "Pekalongan", "33.75", 1, 0)]


def test_the_stored_signings_are_those_linked_in_memory(db_path):
    with Database(db_path, create=False) as db:
        assert list(signing_records(db)) == link(RESULTS)


def test_adding_the_same_articles_again_changes_nothing(db_path):
    before = table(db_path)
    with Database(db_path) as db:
        assert [db.add(r) for r in RESULTS] == [False] * len(RESULTS)
    assert table(db_path) == before


@pytest.mark.parametrize("extra", [result("e", agreement(venue="Ruang Jlamprang"), url="https://e.id/1")])
def test_one_more_report_adds_a_source_to_its_signing(db_path, extra):
    n = len(table(db_path))
    with Database(db_path) as db:
        db.add(extra)
        first = next(signing_records(db))
    assert len(table(db_path)) == n + 1  # one more agreement row, no signing row
    assert (first["n_reports"], first["reports"][-1]["agreement_id"], first["urls"], first["place"]["venue"]) == (
        3, "e-1", ["https://e.id/1"], "Ruang Jlamprang")


def _strip_signings(path) -> None:
    """Make the file one written before signings existed."""
    with sqlite3.connect(path) as conn:
        conn.executescript("DROP INDEX agreements_by_signing; DROP TABLE signings;"
                           " ALTER TABLE agreements DROP COLUMN signing_id;")


def test_an_older_file_is_linked_when_opened_for_writing(db_path):
    before = table(db_path)
    _strip_signings(db_path)
    Database(db_path).close()
    assert table(db_path) == before


@pytest.mark.parametrize("fmt", ["jsonl"])
def test_an_older_file_exports_its_signings_without_being_changed(tmp_path, db_path, fmt):
    _strip_signings(db_path)
    out = tmp_path / "signings.jsonl"
    assert export(db_path, fmt, out, signings=True) == 4
    assert [json.loads(line) for line in out.read_text().splitlines()] == link(RESULTS)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'signings'").fetchall() == []
