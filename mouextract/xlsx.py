"""An Excel workbook (openpyxl): one sheet per tidy table, as `--long` writes them as CSV.

Sheets articles, agreements, parties, signatories, witnesses, scope, mentioned (and signings,
from a dataset: one row per signing, the columns of `export --signings --format csv`). Ids and codes are text cells ("000-1", "33.10" stay as written), flags are
TRUE/FALSE, counts and confidence are numbers; the header row is frozen and filterable and
each column is as wide as its longest value (up to a limit). Rows are held until `close`,
which writes the file atomically.
"""
from __future__ import annotations

from pathlib import Path

from .writers import atomic_output, long_columns, long_rows

TEXT = "@"
MAX_WIDTH = 60
# Columns Excel must not read as numbers or dates.
TEXT_COLUMNS = {"agreement_id", "article_id", "region_code", "path", "published", "date", "signing_id", "id", "sha256"}
FLAG_COLUMNS = {"year_inferred", "weekday_conflict", "conflict"}


class XlsxWorkbook:
    """Collects article results; `close` writes the workbook to PATH ('-': stdout's bytes)."""

    def __init__(self, path: str | Path, extra_sheets: dict[str, tuple[list[str], list[dict]]] | None = None,
                 *, with_text: bool = False):
        self.path = path
        self.columns = long_columns(with_text)
        self.with_text = with_text
        self.rows: dict[str, list[dict]] = {name: [] for name in self.columns}
        self.extra_sheets = extra_sheets or {}

    def write(self, result: dict, text: str | None = None) -> None:
        for name, rows in long_rows(result, text if self.with_text else None).items():
            self.rows[name].extend(rows)

    def close(self) -> None:
        sheets = {name: (columns, self.rows[name]) for name, columns in self.columns.items()}
        sheets.update(self.extra_sheets)
        write_sheets(self.path, sheets)

    def __enter__(self) -> XlsxWorkbook:
        return self

    def __exit__(self, *exc) -> None:
        pass


def write_sheets(path: str | Path, sheets: dict[str, tuple[list[str], list[dict]]]) -> None:
    """A workbook of SHEETS ({name: (columns, rows)}) written atomically to PATH."""
    from openpyxl import Workbook
    book = Workbook(write_only=True)
    for name, (columns, rows) in sheets.items():
        _sheet(book, name, columns, rows)
    with atomic_output(path, binary=True) as stream:
        book.save(stream)


def _cell_value(column: str, value):
    if value is None or value == "":
        return None
    if column in FLAG_COLUMNS:
        return value in (True, 1, "true")
    if column in TEXT_COLUMNS:
        return str(value)
    return value


def _sheet(book, name: str, columns: list[str], rows: list[dict]) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    sheet = book.create_sheet(name)
    values = [[_cell_value(c, row.get(c)) for c in columns] for row in rows]
    for i, column in enumerate(columns, start=1):
        longest = max([len(column), *(len(str(v[i - 1])) for v in values if v[i - 1] is not None)])
        sheet.column_dimensions[get_column_letter(i)].width = min(longest, MAX_WIDTH) + 2
    sheet.freeze_panes = "A2"
    if columns:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in values:
        cells = []
        for column, value in zip(columns, row):
            cell = WriteOnlyCell(sheet, value=value)
            if column in TEXT_COLUMNS:
                cell.number_format = TEXT
            cells.append(cell)
        sheet.append(cells)
