import sqlite3

import pytest
from openpyxl import load_workbook

from conftest import SIGNING, make_result
from mouextract.cli import app
from mouextract.db import Database
from mouextract.signings_io import SIGNING_COLUMNS
from mouextract.writers import LONG_COLUMNS, write_results

SHEETS = ["articles", "agreements", "parties", "signatories", "witnesses", "scope", "mentioned"]


def results():
    first = make_result(SIGNING, {"path": "in/000.txt", "id": "000", "published": "2023-03-15"})
    first["agreements"][0]["place"]["region_code"] = "33.10"
    return [first, make_result("Rapat biasa.", {"path": "in/001.txt", "id": "001"})]


@pytest.fixture
def book(tmp_path):
    write_results(results(), "xlsx", tmp_path / "out.xlsx")
    return load_workbook(tmp_path / "out.xlsx")


def test_one_sheet_per_table_with_the_long_columns(book):
    assert book.sheetnames == SHEETS
    assert all([c.value for c in book[name][1]] == LONG_COLUMNS[name] for name in SHEETS)


@pytest.mark.parametrize("sheet,column,expected", [
    ("agreements", "agreement_id", "000-1"), ("agreements", "article_id", "000"),
    ("agreements", "region_code", "33.10"), ("agreements", "date", "2023-03-14"),
    ("parties", "agreement_id", "000-1")])
def test_codes_and_ids_are_text_cells_as_written(book, sheet, column, expected):
    cell = book[sheet].cell(2, LONG_COLUMNS[sheet].index(column) + 1)
    assert (cell.value, cell.data_type, cell.number_format) == (expected, "s", "@")


@pytest.mark.parametrize("column,expected", [("year_inferred", False), ("confidence", 0.85), ("n", 1)])
def test_flags_and_numbers_keep_their_type(book, column, expected):
    assert book["agreements"].cell(2, LONG_COLUMNS["agreements"].index(column) + 1).value == expected


@pytest.mark.parametrize("sheet", SHEETS)
def test_header_row_is_frozen_and_filterable(book, sheet):
    assert book[sheet].freeze_panes == "A2" and book[sheet].auto_filter.ref.startswith("A1:")


@pytest.mark.parametrize("column,width", [("agreement_id", len("agreement_id") + 2),
                                          ("venue", len("Aula Kantor Bupati") + 2)])
def test_columns_are_as_wide_as_their_longest_value(book, column, width):
    letter = chr(ord("A") + LONG_COLUMNS["agreements"].index(column))
    assert book["agreements"].column_dimensions[letter].width == width


def test_parse_writes_xlsx_from_the_output_suffix(runner, fake_extraction, articles, tmp_path):
    result = runner.invoke(app, ["parse", str(articles), "-o", str(tmp_path / "r.xlsx")])
    assert result.exit_code == 0
    assert load_workbook(tmp_path / "r.xlsx")["agreements"].max_row == 2


def test_export_writes_a_signings_sheet_from_the_dataset(runner, tmp_path):
    second = make_result(SIGNING + " Laporan kedua.", {"path": "in/002.txt", "id": "002"})
    second["agreements"][0]["place"]["region_code"] = "33.10"  # the same signing as 000's
    with Database(tmp_path / "d.sqlite") as db:
        for r in results() + [second]:
            db.add(r)
    result = runner.invoke(app, ["export", str(tmp_path / "d.sqlite"), "--format", "xlsx", "-o", str(tmp_path / "e.xlsx")])
    book = load_workbook(tmp_path / "e.xlsx")
    assert result.exit_code == 0 and book.sheetnames == [*SHEETS, "signings"]
    rows = [[c.value for c in row] for row in book["signings"].iter_rows()]
    assert rows[0] == SIGNING_COLUMNS
    assert [{k: dict(zip(rows[0], row))[k] for k in ("signing_id", "n_reports", "agreement_ids", "conflict")}
            for row in rows[1:]] == [{"signing_id": "1", "n_reports": 2, "agreement_ids": "000-1 | 002-1", "conflict": False}]


@pytest.mark.parametrize("fmt", ["xlsx"])
def test_export_signings_as_xlsx_is_one_sheet(runner, tmp_path, fmt):
    with Database(tmp_path / "d.sqlite") as db:
        db.add(results()[0])
    result = runner.invoke(app, ["export", str(tmp_path / "d.sqlite"), "--signings", "-f", fmt, "-o", str(tmp_path / "s.xlsx")])
    book = load_workbook(tmp_path / "s.xlsx")
    assert result.exit_code == 0 and book.sheetnames == ["signings"] and book["signings"].max_row == 2


def test_xlsx_is_not_written_to_a_terminal(runner, fake_extraction, articles, monkeypatch):
    monkeypatch.setattr("mouextract.cli.stdout_is_terminal", lambda: True)
    result = runner.invoke(app, ["parse", str(articles), "--format", "xlsx"])
    assert (result.exit_code, result.stderr) == (2, "Error: xlsx is a binary format and is not written to a "
                                                    "terminal: give --output FILE.xlsx or redirect stdout to a file\n")
