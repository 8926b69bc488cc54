"""The rows of a CSV crawl dump, read in step again after a broken row.

Python's csv reader cannot recover from an unbalanced quote: the quoted field swallows the
lines after it up to the next quote, and from there every quote is read the wrong way round,
so one stray quote turns the rest of the file into junk rows. Here each row is parsed on its own
from the line it starts on. A row that does not parse cleanly (strict quoting, as many fields as
the header, no line break inside a metadata field such as the title) is broken; reading goes on
from the next line that starts a clean row followed by another clean row (or by the end), and
the lines passed over are reported once, as one broken row.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

# Columns that never hold a line break: one in them means a quote swallowed the next lines.
SINGLE_LINE = ("id", "title", "url", "published")


@dataclass(frozen=True)
class Row:
    n: int              # rows counted from 1 after the header; a broken row counts as one
    cells: list[str]


@dataclass(frozen=True)
class Broken:
    n: int
    first_line: int     # physical lines of the file, from 1 (the header is line 1)
    last_line: int
    problem: str        # what is wrong, as "has 3 fields but the header has 2"
    quoting: bool       # a quoting problem (else a row with too many or too few fields)

    @property
    def where(self) -> str:
        lines = f"line {self.first_line}" if self.first_line == self.last_line else \
            f"lines {self.first_line}-{self.last_line}"
        return f"row {self.n} ({lines})" if self.quoting else f"row {self.n}"


def header_and_rows(text: str) -> tuple[list[str], Iterator[Row | Broken]]:
    """The header (stripped) and the rows after it; an empty or unparsable header is []."""
    lines = io.StringIO(text, newline="").readlines()
    header, after = _parse(lines, 0)
    if not isinstance(header, list):
        return [], iter(())
    header = [h.strip() for h in header]
    checked = [i for i, h in enumerate(header) if h in SINGLE_LINE]
    return header, _rows(lines, after, len(header), checked, header)


def _parse(lines: list[str], i: int) -> tuple[list[str] | str | None, int]:
    """The record starting at line index I: (cells, or the parse error, or None at the end;
    index of the line after it)."""
    reader = csv.reader((lines[j] for j in range(i, len(lines))), strict=True)
    try:
        return next(reader), i + reader.line_num
    except StopIteration:
        return None, len(lines)
    except csv.Error as e:
        return str(e), i + max(reader.line_num, 1)


def _problem(cells, width: int, checked: list[int], header: list[str]) -> tuple[str, bool] | None:
    """What is wrong with a parsed record and whether it is a quoting problem; None if clean."""
    if isinstance(cells, str):
        return f"cannot be parsed ({cells})", True
    for i in checked:
        if i < len(cells) and ("\n" in cells[i] or "\r" in cells[i]):
            return f"cannot be parsed (a line break in its {header[i]} field)", True
    if len(cells) != width:
        return f"has {len(cells)} fields but the header has {width}", False
    return None


def _next_record(lines: list[str], i: int):
    while i < len(lines):
        cells, after = _parse(lines, i)
        if cells != []:  # [] is a blank line
            return cells
        i = after
    return None


def _rows(lines: list[str], i: int, width: int, checked: list[int], header: list[str]) -> Iterator[Row | Broken]:
    n = 0
    broken: tuple[int, str, bool] | None = None  # (first line index, problem, quoting)
    while i < len(lines):
        cells, after = _parse(lines, i)
        if cells == []:
            i = after
            continue
        problem = _problem(cells, width, checked, header)
        if problem is None and broken is not None:
            # back in step only where the next record is clean too (or there is none)
            following = _next_record(lines, after)
            if following is not None and _problem(following, width, checked, header) is not None:
                problem = ("", True)
        if problem is None:
            if broken is not None:
                n += 1
                yield Broken(n, broken[0] + 1, i, broken[1], broken[2] or i - broken[0] > 1)
                broken = None
            n += 1
            yield Row(n, cells)
            i = after
        else:
            if broken is None:
                broken = (i, *problem)
            i += 1
    if broken is not None:
        yield Broken(n + 1, broken[0] + 1, len(lines), broken[1], broken[2] or len(lines) - broken[0] > 1)
