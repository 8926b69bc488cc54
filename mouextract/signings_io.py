"""Signings in and out: merged signing records written as YAML/JSON/JSONL/CSV/XLSX, and the
linking of article results read from JSONL files (`mouextract signings PRED.jsonl`)."""
from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from .errors import InputError, MalformedRow, MissingPath, MouextractError, UnreadablePath
from .signings import Linker
from .writers import JOIN, FORMATS, WRITERS, Writer, atomic_output

SIGNING_COLUMNS = [  # not-linguistic: column names
    "signing_id", "type", "date", "date_precision", "venue", "city", "province", "region_code", "region_name",
    "parties", "party_shorts", "signatories", "signatory_titles", "signatory_parties", "on_behalf_of",
    "witnesses", "witness_titles", "scope", "n_reports", "agreement_ids", "paths", "outlets", "urls",
    "conflict", "disagreements",
]

PLACE_COLUMNS = ("venue", "city", "province", "region_code", "region_name")  # not-linguistic: columns


def _join(values) -> str:
    return JOIN.join("" if v is None else str(v) for v in values)


def _disagreements(record: dict) -> str:
    """"date: 2024-02-08 (a-1, b-1) / 2024-02-09 (c-1)", fields separated by "; "."""
    return "; ".join(f"{d['field']}: " + " / ".join(f"{v['value']} ({', '.join(v['sources'])})" for v in d["values"])
                     for d in record.get("disagreements") or [])


def flat_row(record: dict) -> dict:
    """One spreadsheet row for a signing; list fields joined with " | ", in step across columns."""
    date, place = record.get("date") or {}, record.get("place") or {}
    people = lambda key, field: _join(p.get(field) for p in record.get(key) or [])  # noqa: E731
    reports = record.get("reports") or []
    return {
        "signing_id": record["signing_id"], "type": record.get("type"),
        "date": date.get("value"), "date_precision": date.get("precision"),
        **{k: place.get(k) for k in PLACE_COLUMNS},
        "parties": people("parties", "name"), "party_shorts": people("parties", "short"),
        "signatories": people("signatories", "name"), "signatory_titles": people("signatories", "title"),
        "signatory_parties": people("signatories", "party"), "on_behalf_of": people("signatories", "on_behalf_of"),
        "witnesses": people("witnesses", "name"), "witness_titles": people("witnesses", "title"),
        "scope": people("scope", "text"), "n_reports": record.get("n_reports"),
        "agreement_ids": _join(r.get("agreement_id") for r in reports),
        "paths": _join(r.get("path") for r in reports),
        "outlets": _join(record.get("outlets") or []), "urls": _join(record.get("urls") or []),
        "conflict": "true" if record.get("conflict") else "false",
        "disagreements": _disagreements(record),
    }


class SigningsCsvWriter(Writer):
    def __init__(self, stream: TextIO):
        super().__init__(stream)
        self.csv = csv.DictWriter(stream, fieldnames=SIGNING_COLUMNS, lineterminator="\n")
        self.csv.writeheader()

    def write(self, record: dict) -> None:
        self.csv.writerow(flat_row(record))


def write_signings(records: Iterable[dict], fmt: str, output: str | Path = "-") -> int:
    """Write signing RECORDS to OUTPUT ('-' for stdout) in FMT; returns how many were written."""
    from .errors import UsageError
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt == "xlsx":
        from .xlsx import write_sheets
        rows = [flat_row(r) for r in records]
        write_sheets(output, {"signings": (SIGNING_COLUMNS, rows)})
        return len(rows)
    n = 0
    with atomic_output(output, newline="" if fmt == "csv" else None) as stream:
        writer = SigningsCsvWriter(stream) if fmt == "csv" else WRITERS[fmt](stream)
        for record in records:
            writer.write(record)
            n += 1
        writer.close()
    return n


# --- from JSONL files of article results ------------------------------------------------------

@dataclass
class LinkSummary:
    articles: int = 0
    records: int = 0
    signings: int = 0
    present: int = 0
    skipped: list[MouextractError] = field(default_factory=list)

    def line(self) -> str:
        s = lambda n, word: f"{n} {word}{'' if n == 1 else 's'}"  # noqa: E731
        return (f"{s(self.articles, 'article')} read, {s(self.records, 'record')} linked into "
                f"{s(self.signings, 'signing')}, {self.present} already present, {len(self.skipped)} skipped")


def _lines(path: str, stdin: TextIO | None) -> Iterator[tuple[int, str]]:
    if path == "-":
        yield from enumerate(stdin, start=1)
        return
    if not Path(path).exists():
        raise MissingPath(path)
    try:
        with open(path, encoding="utf-8") as lines:
            yield from enumerate(lines, start=1)
    except (OSError, UnicodeDecodeError) as e:
        raise UnreadablePath(path, str(e)) from None


def read_results(paths: list[str], *, stdin: TextIO | None = None,
                 on_skip: Callable[[InputError], None]) -> Iterator[dict]:
    """The article results in the JSONL files PATHS ('-': stdin); a bad line or file goes to on_skip."""
    for path in paths:
        name = "<stdin>" if path == "-" else path
        try:
            for n, line in _lines(path, stdin):
                if not line.strip():
                    continue
                try:
                    result = json.loads(line)
                except json.JSONDecodeError as e:
                    on_skip(MalformedRow(name, f"line {n}", f"is not valid JSON ({e.msg})", "fix or remove that line"))
                    continue
                if not isinstance(result, dict) or not isinstance(result.get("agreements"), list):
                    on_skip(MalformedRow(name, f"line {n}", "is not an article result (no \"agreements\" list)",
                                         "give the JSONL written by mouextract parse --format jsonl"))
                    continue
                yield result
        except InputError as error:
            on_skip(error)


def signings_from_jsonl(paths: list[str], fmt: str = "yaml", output: str | Path = "-", *,
                        stdin: TextIO | None = None, report: Callable[[str], None] = lambda m: None) -> LinkSummary:
    """Link the article results in PATHS into signings and write one record per signing."""
    summary = LinkSummary()

    def skip(error: InputError) -> None:
        summary.skipped.append(error)
        report(f"Skipped: {error}")

    linker = Linker()
    for result in read_results(paths, stdin=stdin, on_skip=skip):
        summary.articles += 1
        if linker.add(result) is None:
            summary.present += 1  # counted in the closing line, as parse --db does: no line each
            continue
        summary.records += len(result["agreements"])
    summary.signings = write_signings(linker.records(), fmt, output)
    return summary
