"""One writer per output format, separate from extraction (as trafilatura keeps them).

- yaml: a multi-document stream, one document per article;
- json: one JSON array of the article results;
- jsonl: one JSON object per line (what ../shared/tools/score.py reads);
- csv: one row per agreement, flat columns; list fields are joined with " | " in the same
  order across columns (the 2nd signatory's title is the 2nd item of signatory_titles);
  articles without an agreement give no row;
- xlsx: the tidy tables below as sheets of one workbook (mouextract.xlsx).

`LongTables` writes tidy tables (articles, agreements, parties, signatories, witnesses, scope,
mentioned) joined by `article_id` and agreement id `<article_id>-<n>`; their columns are those
of the SQLite dataset (tables.py), a signatory's institution being `party_n` (1-based, the `n`
of its row in parties). The writers read results through the record classes (records.py).
Files are written atomically: into a temporary file in the same folder, moved into place with
os.replace only when the run completes.
"""
from __future__ import annotations

import csv
import glob
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TextIO

import yaml

from .errors import UsageError
from .records import ArticleResult
from .tables import CHILDREN, SINGULAR, Column, agreement_columns, article_columns, child_columns, get, mention_columns
from .text import without_surrogates

FORMATS = ("yaml", "json", "jsonl", "csv", "xlsx")
JOIN = " | "
# --excel: a byte-order mark so Excel reads the file as UTF-8, and these columns written as
# ="..." formulas so Excel keeps them as text ("000", "33.10", a hash such as "12e5...").
EXCEL_TEXT_COLUMNS = {"article_id", "agreement_id", "id", "region_code", "sha256"}


def flat_columns(with_text: bool = False) -> list[str]:
    """The flat CSV: the article, then the agreement row (without spans), then each child
    table's columns joined with " | " in step (see `_joined_name`)."""
    columns = ["article_id", "agreement_id", *(c for c in article_columns() if c != "id")]
    for c in agreement_columns():
        if c.kind in ("span_start", "span_end"):
            continue
        if c.name == "evidence":  # the child lists go before the evidence, as in the record
            columns += [_joined_name(t, col) for t in CHILDREN for col in child_columns(t)
                        if col.kind not in ("span_start", "span_end")]
        columns.append(c.name)
    return columns + (["text"] if with_text else [])


def _joined_name(table: str, column: Column) -> str:
    """parties (the names), party_shorts, signatory_titles, signatory_party_n, scope (the texts)..."""
    if column.name in ("name", "text"):
        return table
    return f"{SINGULAR[table]}_{column.name}" + ("" if "_" in column.name else "s")


def long_columns(with_text: bool = False) -> dict[str, list[str]]:
    """The tidy tables: articles, agreements, one per child list, mentioned."""
    return {
        "articles": ["article_id", *article_columns(), *(["text"] if with_text else [])],
        "agreements": ["agreement_id", "article_id", "n", *(c.name for c in agreement_columns())],
        **{t: ["agreement_id", "n", *(c.name for c in child_columns(t))] for t in CHILDREN},
        "mentioned": ["article_id", "n", *(c.name for c in mention_columns())],
    }


FLAT_COLUMNS = flat_columns()
LONG_COLUMNS = long_columns()


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Delete the hidden temporary files that runs killed while writing TARGET left beside it
    (`.NAME.PID.XXXXXXXX.tmp` whose process PID is gone); returns them. A run stopped by
    Ctrl-C removes its own; a killed one (SIGKILL, power loss) cannot."""
    removed = []
    folder = target.parent if str(target.parent) else Path(".")
    for tmp in folder.glob(f".{glob.escape(target.name)}.*.tmp"):
        pid = tmp.name[len(target.name) + 2:].split(".", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            try:
                tmp.unlink()
                removed.append(tmp)
            except OSError:
                pass  # gone already, or not ours to remove: it does no harm
    return removed


def _running(pid: int) -> bool:
    if os.name != "posix":
        return True  # Windows' os.kill(pid, 0) would end the process, not test it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process, or a platform that cannot tell: leave the file
    return True


@contextmanager
def atomic_output(path: str | Path, *, newline: str | None = None, binary: bool = False) -> Iterator[TextIO]:
    """A text (or BINARY) stream to PATH that appears there only if the block completes; '-' is stdout."""
    if str(path) == "-":
        stdout = sys.stdout.buffer if binary else sys.stdout
        yield stdout
        stdout.flush()
        return
    target = Path(path)
    remove_stale_temporaries(target)
    # the writer's process id in the name tells a later run whether the file is abandoned
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline=newline)) as stream:
            yield stream
        # mkstemp creates the file private (0600); give it the permissions open() would have.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        # BaseException: an interrupted run (Ctrl-C) must not leave the temporary file behind.
        os.unlink(tmp)
        raise


def article_id(article: dict) -> str:
    if article.get("id"):
        return str(article["id"])
    if article.get("path"):
        return Path(str(article["path"])).name.split(".")[0]
    return str(article.get("sha256") or "article")[:12]


def agreement_id(article: dict, n: int) -> str:
    """`<article_id>-<n>`, n counting the article's agreements from 1."""
    return f"{article_id(article)}-{n}"


class Writer:
    """Streams article results to a text stream; `close` finishes the document.

    with_text: each result carries the article text its spans index into (`article.text`)."""

    def __init__(self, stream: TextIO, *, with_text: bool = False, excel: bool = False):
        self.stream = stream
        self.with_text = with_text

    def write(self, result: dict, text: str | None = None) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def plain(self, result: dict, text: str | None) -> dict:
        """The record as given (an article result is already the plain form of its record
        class; signings_io writes its signing records here too), with the text when asked for."""
        if not self.with_text:
            return result
        return {**result, "article": {**(result.get("article") or {}), "text": _text(text)}}


class YamlWriter(Writer):
    def write(self, result: dict, text: str | None = None) -> None:
        yaml.safe_dump(self.plain(result, text), self.stream, sort_keys=False, allow_unicode=True,
                       explicit_start=True)


class JsonWriter(Writer):
    def __init__(self, stream: TextIO, **options):
        super().__init__(stream, **options)
        self.count = 0

    def write(self, result: dict, text: str | None = None) -> None:
        self.stream.write("[\n" if self.count == 0 else ",\n")
        self.stream.write(json.dumps(self.plain(result, text), ensure_ascii=False, indent=2))
        self.count += 1

    def close(self) -> None:
        self.stream.write("\n]\n" if self.count else "[]\n")


class JsonlWriter(Writer):
    def write(self, result: dict, text: str | None = None) -> None:
        self.stream.write(json.dumps(self.plain(result, text), ensure_ascii=False) + "\n")


class CsvWriter(Writer):
    def __init__(self, stream: TextIO, *, with_text: bool = False, excel: bool = False):
        super().__init__(stream, with_text=with_text)
        self.csv = _CsvTable(stream, flat_columns(with_text), excel)

    def write(self, result: dict, text: str | None = None) -> None:
        self.csv.write(flat_rows(result, text if self.with_text else None))


class _CsvTable:
    """A csv.DictWriter that starts with a BOM and keeps id columns as text for Excel."""

    def __init__(self, stream: TextIO, columns: list[str], excel: bool):
        self.excel = excel
        if excel:
            stream.write("\ufeff")
        self.writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\r\n" if excel else "\n")
        self.writer.writeheader()

    def write(self, rows: list[dict]) -> None:
        if self.excel:
            rows = [{k: _excel_text(v) if k in EXCEL_TEXT_COLUMNS and v not in (None, "") else v
                     for k, v in row.items()} for row in rows]
        self.writer.writerows(rows)


def _excel_text(value) -> str:
    return '="' + str(value).replace('"', '""') + '"'


WRITERS = {"yaml": YamlWriter, "json": JsonWriter, "jsonl": JsonlWriter, "csv": CsvWriter}


def writer_for(fmt: str, stream: TextIO, *, with_text: bool = False, excel: bool = False) -> Writer:
    if fmt not in WRITERS:
        raise UsageError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if excel and fmt != "csv":
        raise UsageError(f"--excel applies to CSV output, not {fmt}: add --format csv or drop --excel")
    return WRITERS[fmt](stream, with_text=with_text, excel=excel)


def write_results(results: Iterable, fmt: str, output: str | Path = "-", *, with_text: bool = False,
                  excel: bool = False, extra_sheets: dict | None = None) -> int:
    """Write RESULTS to OUTPUT ('-' for stdout) in FMT; returns how many were written.

    RESULTS holds article results, or (result, text) pairs to write the texts too (with_text).
    extra_sheets: for xlsx, more sheets as {name: (columns, rows)} (the dataset's signings)."""
    n = 0
    if fmt == "xlsx":
        from .xlsx import XlsxWorkbook
        if excel:
            raise UsageError("--excel applies to CSV output, not xlsx: add --format csv or drop --excel")
        book = XlsxWorkbook(output, extra_sheets, with_text=with_text)
        for item in results:
            book.write(*(item if isinstance(item, tuple) else (item, None)))
            n += 1
        book.close()
        return n
    with atomic_output(output, newline="" if fmt == "csv" else None) as stream:
        writer = writer_for(fmt, stream, with_text=with_text, excel=excel)
        for item in results:
            result, text = item if isinstance(item, tuple) else (item, None)
            writer.write(result, text)
            n += 1
        writer.close()
    return n


# --- flat and long tables --------------------------------------------------------------------

def _cell(column: Column, plain: dict):
    """A CSV cell: flags as true/false, lists joined, missing values empty."""
    value = get(plain, column)
    if value is None:
        return ""
    if column.kind == "flag":
        return "true" if value else "false"
    if column.kind == "list":
        return _join(value)
    return value


def _text(text: str | None) -> str | None:
    """The article text as extract read it: a lone surrogate, which no file can hold, as U+FFFD."""
    return None if text is None else without_surrogates(text)


def _join(values) -> str:
    return JOIN.join("" if v is None else str(v) for v in values)


def _article_cells(article: dict) -> dict:
    return {"article_id": article_id(article), **{k: article.get(k) for k in article_columns()}}


def flat_rows(result: dict, text: str | None = None) -> list[dict]:
    """One spreadsheet row per agreement of an article result (with the article TEXT if given)."""
    record = ArticleResult.from_dict(result)
    article = record.article.to_dict()
    rows = []
    for n, agreement in enumerate(record.agreements, start=1):
        plain = agreement.to_dict()
        row = {**_article_cells(article), "agreement_id": agreement_id(article, n)}
        row.pop("id")
        row.update({c.name: _cell(c, plain) for c in agreement_columns() if c.kind not in ("span_start", "span_end")})
        for table in CHILDREN:
            for c in child_columns(table):
                if c.kind not in ("span_start", "span_end"):
                    row[_joined_name(table, c)] = _join(_cell(c, item) for item in plain[table])
        if text is not None:
            row["text"] = _text(text)
        rows.append(row)
    return rows


def long_rows(result: dict, text: str | None = None) -> dict[str, list[dict]]:
    """Rows of each tidy table for one article result (the articles row with TEXT if given)."""
    record = ArticleResult.from_dict(result)
    article = record.article.to_dict()
    aid = article_id(article)
    tables: dict[str, list[dict]] = {name: [] for name in LONG_COLUMNS}
    tables["articles"].append({**_article_cells(article), **({"text": _text(text)} if text is not None else {})})
    for n, agreement in enumerate(record.agreements, start=1):
        plain = agreement.to_dict()
        gid = agreement_id(article, n)
        tables["agreements"].append({"agreement_id": gid, "article_id": aid, "n": n,
                                     **{c.name: _cell(c, plain) for c in agreement_columns()}})
        for table in CHILDREN:
            for i, item in enumerate(plain[table], start=1):
                tables[table].append({"agreement_id": gid, "n": i,
                                      **{c.name: _cell(c, item) for c in child_columns(table)}})
    for n, mention in enumerate(record.mentioned, start=1):
        tables["mentioned"].append({"article_id": aid, "n": n,
                                    **{c.name: _cell(c, mention.to_dict()) for c in mention_columns()}})
    return tables


class LongTables:
    """The tidy tables in DIRECTORY, written atomically; use as a context manager."""

    def __init__(self, directory: str | Path, *, with_text: bool = False, excel: bool = False):
        self.directory = Path(directory)
        self.with_text = with_text
        self.excel = excel
        self._stack = ExitStack()
        self._tables: dict[str, _CsvTable] = {}

    def __enter__(self) -> LongTables:
        check_table_folder(self.directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        for name, columns in long_columns(self.with_text).items():
            stream = self._stack.enter_context(atomic_output(self.directory / f"{name}.csv", newline=""))
            self._tables[name] = _CsvTable(stream, columns, self.excel)
        return self

    def write(self, result: dict, text: str | None = None) -> None:
        for name, rows in long_rows(result, text if self.with_text else None).items():
            self._tables[name].write(rows)

    def close(self) -> None:
        pass

    def __exit__(self, *exc) -> bool:
        return self._stack.__exit__(*exc)

    def paths(self) -> list[Path]:
        return [self.directory / f"{name}.csv" for name in LONG_COLUMNS]


def check_table_folder(directory: str | Path) -> None:
    """Refuse a --long target that cannot be a folder of tables, before any work is done."""
    from .errors import UsageError
    path = Path(directory)
    if path.exists() and not path.is_dir():
        raise UsageError(f"--long {directory}: it is a file, not a folder: give a folder for the tables "
                         f"(created if missing)")
