"""One writer per output format, separate from extraction (as trafilatura keeps them).

- yaml: a multi-document stream, one document per article;
- json: one JSON array of the article results;
- jsonl: one JSON object per line (what ../shared/tools/score.py reads);
- csv: one row per agreement, flat columns; list fields are joined with " | " in the same
  order across columns (the 2nd signatory's title is the 2nd item of signatory_titles);
  articles without an agreement give no row;
- xlsx: the tidy tables below as sheets of one workbook (mouextract.xlsx).

`LongTables` writes tidy tables (agreements, parties, signatories, witnesses, scope) joined by
agreement id `<article_id>-<n>`. Files are written atomically: into a temporary file in the
same folder, moved into place with os.replace only when the run completes.
"""
from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TextIO

import yaml

FORMATS = ("yaml", "json", "jsonl", "csv", "xlsx")
JOIN = " | "

FLAT_COLUMNS = [
    "article_id", "agreement_id", "path", "title", "published", "url",
    "type", "type_text", "date", "date_text", "date_precision", "year_inferred", "weekday_conflict",
    "venue", "city", "province", "region_code", "region_name",
    "parties", "party_shorts", "signatories", "signatory_titles", "signatory_parties", "on_behalf_of",
    "witnesses", "witness_titles", "scope", "confidence",
]
LONG_COLUMNS = {
    "agreements": ["agreement_id", "article_id", "path", "published", "n", "type", "type_text",
                   "date", "date_text", "date_precision", "year_inferred", "weekday_conflict",
                   "venue", "city", "province", "region_code", "region_name", "confidence"],
    "parties": ["agreement_id", "n", "name", "short", "kind"],
    "signatories": ["agreement_id", "n", "name", "title", "party", "on_behalf_of"],
    "witnesses": ["agreement_id", "n", "name", "title"],
    "scope": ["agreement_id", "n", "text"],
}


@contextmanager
def atomic_output(path: str | Path, *, newline: str | None = None, binary: bool = False) -> Iterator[TextIO]:
    """A text (or BINARY) stream to PATH that appears there only if the block completes; '-' is stdout."""
    if str(path) == "-":
        stdout = sys.stdout.buffer if binary else sys.stdout
        yield stdout
        stdout.flush()
        return
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
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
    """Streams article results to a text stream; `close` finishes the document."""

    def __init__(self, stream: TextIO):
        self.stream = stream

    def write(self, result: dict) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass


class YamlWriter(Writer):
    def write(self, result: dict) -> None:
        yaml.safe_dump(result, self.stream, sort_keys=False, allow_unicode=True, explicit_start=True)


class JsonWriter(Writer):
    def __init__(self, stream: TextIO):
        super().__init__(stream)
        self.count = 0

    def write(self, result: dict) -> None:
        self.stream.write("[\n" if self.count == 0 else ",\n")
        self.stream.write(json.dumps(result, ensure_ascii=False, indent=2))
        self.count += 1

    def close(self) -> None:
        self.stream.write("\n]\n" if self.count else "[]\n")


class JsonlWriter(Writer):
    def write(self, result: dict) -> None:
        self.stream.write(json.dumps(result, ensure_ascii=False) + "\n")


class CsvWriter(Writer):
    def __init__(self, stream: TextIO):
        super().__init__(stream)
        self.csv = csv.DictWriter(stream, fieldnames=FLAT_COLUMNS, lineterminator="\n")
        self.csv.writeheader()

    def write(self, result: dict) -> None:
        self.csv.writerows(flat_rows(result))


WRITERS = {"yaml": YamlWriter, "json": JsonWriter, "jsonl": JsonlWriter, "csv": CsvWriter}


def writer_for(fmt: str, stream: TextIO) -> Writer:
    from .errors import UsageError
    if fmt not in WRITERS:
        raise UsageError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    return WRITERS[fmt](stream)


def write_results(results: Iterable[dict], fmt: str, output: str | Path = "-",
                  extra_sheets: dict | None = None) -> int:
    """Write RESULTS to OUTPUT ('-' for stdout) in FMT; returns how many were written.

    extra_sheets: for xlsx, more sheets as {name: (columns, rows)} (the dataset's signings)."""
    n = 0
    if fmt == "xlsx":
        from .xlsx import XlsxWorkbook
        book = XlsxWorkbook(output, extra_sheets)
        for result in results:
            book.write(result)
            n += 1
        book.close()
        return n
    with atomic_output(output, newline="" if fmt == "csv" else None) as stream:
        writer = writer_for(fmt, stream)
        for result in results:
            writer.write(result)
            n += 1
        writer.close()
    return n


# --- flat and long tables --------------------------------------------------------------------

def _join(values) -> str:
    return JOIN.join("" if v is None else str(v) for v in values)


def _flag(value) -> str:
    return "" if value is None else ("true" if value else "false")


def _agreement_fields(agreement: dict) -> dict:
    date = agreement.get("date") or {}
    place = agreement.get("place") or {}
    return {
        "type": agreement.get("type"), "type_text": agreement.get("type_text"),
        "date": date.get("value"), "date_text": date.get("text"),
        "date_precision": date.get("precision"), "year_inferred": _flag(date.get("year_inferred")),
        "weekday_conflict": _flag(date.get("weekday_conflict")),
        "venue": place.get("venue"), "city": place.get("city"), "province": place.get("province"),
        "region_code": place.get("region_code"), "region_name": place.get("region_name"),
        "confidence": agreement.get("confidence"),
    }


def flat_rows(result: dict) -> list[dict]:
    """One spreadsheet row per agreement of an article result."""
    article = result.get("article") or {}
    rows = []
    for n, agreement in enumerate(result.get("agreements") or [], start=1):
        parties = agreement.get("parties") or []
        signatories = agreement.get("signatories") or []
        witnesses = agreement.get("witnesses") or []
        rows.append({
            "article_id": article_id(article), "agreement_id": agreement_id(article, n),
            "path": article.get("path"), "title": article.get("title"),
            "published": article.get("published"), "url": article.get("url"),
            **_agreement_fields(agreement),
            "parties": _join(p.get("name") for p in parties),
            "party_shorts": _join(p.get("short") for p in parties),
            "signatories": _join(s.get("name") for s in signatories),
            "signatory_titles": _join(s.get("title") for s in signatories),
            "signatory_parties": _join(s.get("party") for s in signatories),
            "on_behalf_of": _join(s.get("on_behalf_of") for s in signatories),
            "witnesses": _join(w.get("name") for w in witnesses),
            "witness_titles": _join(w.get("title") for w in witnesses),
            "scope": _join(s.get("text") for s in agreement.get("scope") or []),
        })
    return rows


def long_rows(result: dict) -> dict[str, list[dict]]:
    """Rows of each tidy table for one article result."""
    article = result.get("article") or {}
    tables: dict[str, list[dict]] = {name: [] for name in LONG_COLUMNS}
    for n, agreement in enumerate(result.get("agreements") or [], start=1):
        aid = agreement_id(article, n)
        tables["agreements"].append({
            "agreement_id": aid, "article_id": article_id(article), "path": article.get("path"),
            "published": article.get("published"), "n": n, **_agreement_fields(agreement)})
        for i, p in enumerate(agreement.get("parties") or [], start=1):
            tables["parties"].append({"agreement_id": aid, "n": i, "name": p.get("name"),
                                      "short": p.get("short"), "kind": p.get("kind")})
        for i, s in enumerate(agreement.get("signatories") or [], start=1):
            tables["signatories"].append({"agreement_id": aid, "n": i, "name": s.get("name"),
                                          "title": s.get("title"), "party": s.get("party"),
                                          "on_behalf_of": s.get("on_behalf_of")})
        for i, w in enumerate(agreement.get("witnesses") or [], start=1):
            tables["witnesses"].append({"agreement_id": aid, "n": i, "name": w.get("name"),
                                        "title": w.get("title")})
        for i, s in enumerate(agreement.get("scope") or [], start=1):
            tables["scope"].append({"agreement_id": aid, "n": i, "text": s.get("text")})
    return tables


class LongTables:
    """The tidy tables in DIRECTORY, written atomically; use as a context manager."""

    def __init__(self, directory: str | Path):
        self.directory = Path(directory)
        self._stack = ExitStack()
        self._writers: dict[str, csv.DictWriter] = {}

    def __enter__(self) -> LongTables:
        self.directory.mkdir(parents=True, exist_ok=True)
        for name, columns in LONG_COLUMNS.items():
            stream = self._stack.enter_context(atomic_output(self.directory / f"{name}.csv", newline=""))
            self._writers[name] = csv.DictWriter(stream, fieldnames=columns, lineterminator="\n")
            self._writers[name].writeheader()
        return self

    def write(self, result: dict) -> None:
        for name, rows in long_rows(result).items():
            self._writers[name].writerows(rows)

    def close(self) -> None:
        pass

    def __exit__(self, *exc) -> bool:
        return self._stack.__exit__(*exc)
