"""Turn paths into `(text, meta)` pairs: plain text, saved HTML, PDF and Word files, JSONL and CSV
crawl dumps, stdin.

meta holds what the input says about the article: path (for dump rows `path#row`, rows
counted from 1 after the header or by line), id, title, published (ISO date), url.

`iter_articles` never stops for one bad input: it hands each `InputError` to `on_skip` and
goes on (by default it raises, so library callers see problems unless they opt in).
"""
from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from .errors import (BinaryInput, EmptyInput, InputError, MalformedRow, MissingDependency, MissingPath,
                     MissingTextColumn, NoArticleText, OldWordFormat, TooLarge, UndecodableInput,
                     UnreadablePath, UsageError)

# News articles are a few kB; a 5 MB "article" is almost always a mis-saved page or a dump
# given the wrong suffix, and would stall the pipeline for minutes.
DEFAULT_MAX_BYTES = 5_000_000
# A NUL byte in the first 8 kB is how git and grep tell binary from text; we do the same.
BINARY_SNIFF_BYTES = 8192

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
DUMP_SUFFIXES = {".jsonl", ".csv"}
DOCUMENT_SUFFIXES = {".pdf", ".docx"}
WALKED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | DUMP_SUFFIXES | DOCUMENT_SUFFIXES
# PDF and Word files carry fonts and photos besides the text: --max-bytes bounds their text, and
# the file itself may be this many times larger.
DOCUMENT_FILE_FACTOR = 20
STDIN = "-"

Item = tuple[str, dict]


def _raise(error: InputError) -> None:
    raise error


def expand_paths(paths: Iterable[str | Path], on_skip: Callable[[InputError], None] = _raise) -> list[str]:
    """Files to read, in order: directories walked recursively and sorted, hidden entries skipped."""
    out: list[str] = []
    for raw in paths:
        if str(raw) == STDIN:
            out.append(STDIN)
            continue
        path = Path(raw)
        if path.is_dir():
            found = [p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in WALKED_SUFFIXES
                     and not any(part.startswith(".") for part in p.relative_to(path).parts)]
            out.extend(str(p) for p in sorted(found))
        elif path.exists():
            out.append(str(path))
        else:
            on_skip(MissingPath(str(path)))
    return out


def iter_articles(paths: Iterable[str | Path], *, encoding: str | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES, published: str | None = None,
                  stdin: io.BufferedIOBase | None = None,
                  on_skip: Callable[[InputError], None] = _raise) -> Iterator[Item]:
    """Every article in PATHS as `(text, meta)`; `published` fills in for inputs lacking one."""
    default_published = normalise_date(published) if published else None
    if published and not default_published:
        raise UsageError(f"--published {published!r} is not a date: write it as YYYY-MM-DD, e.g. 2023-03-15")
    for path in expand_paths(paths, on_skip):
        try:
            for text, meta in read_path(path, encoding=encoding, max_bytes=max_bytes, stdin=stdin,
                                        on_skip=on_skip):
                if not meta.get("published") and default_published:
                    meta["published"] = default_published
                yield text, meta
        except InputError as error:
            on_skip(error)


def read_path(path: str, *, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
              stdin: io.BufferedIOBase | None = None,
              on_skip: Callable[[InputError], None] = _raise) -> Iterator[Item]:
    """The articles in one file (several for a dump); the suffix decides the reader."""
    if path == STDIN:
        data = (stdin or _stdin_bytes()).read(max_bytes + 1)
        if len(data) > max_bytes:
            raise TooLarge("<stdin>", len(data), max_bytes)
        yield read_text(data, "<stdin>", encoding), {"path": STDIN, "id": "stdin"}
        return
    suffix = Path(path).suffix.lower()
    if suffix in DOCUMENT_SUFFIXES:
        yield read_document(path, suffix, max_bytes)
        return
    if suffix == ".doc":
        raise OldWordFormat(path)
    data = read_bytes(path, max_bytes)
    if suffix in HTML_SUFFIXES:
        yield read_html(data, path, encoding)
    elif suffix == ".jsonl":
        yield from read_jsonl(data, path, encoding, on_skip)
    elif suffix == ".csv":
        yield from read_csv(data, path, encoding, on_skip)
    else:
        # Explicitly named files with other suffixes are read as plain text.
        yield read_text(data, path, encoding), {"path": path}


def read_document(path: str, suffix: str, max_bytes: int) -> Item:
    """A PDF or .docx file (mouextract.documents), its text held to MAX_BYTES."""
    from .documents import read_docx, read_pdf
    data = read_bytes(path, max_bytes * DOCUMENT_FILE_FACTOR)
    text, meta = (read_pdf if suffix == ".pdf" else read_docx)(data, path)
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        raise TooLarge(path, size, max_bytes, what="its text")
    return text, meta


def _stdin_bytes():
    import sys
    return sys.stdin.buffer


def read_bytes(path: str, max_bytes: int) -> bytes:
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            raise TooLarge(path, size, max_bytes)
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        raise MissingPath(path) from None
    except IsADirectoryError:
        raise UnreadablePath(path, "it is a directory") from None
    except OSError as e:
        raise UnreadablePath(path, (e.strerror or str(e)).lower()) from None


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Text of DATA: the named encoding, else UTF-8, else what charset-normalizer detects."""
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise BinaryInput(path)
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise UsageError(f"--encoding={encoding} is not an encoding Python knows: "
                             f"try --encoding=utf-8 or --encoding=latin-1") from None
        except UnicodeDecodeError:
            raise UndecodableInput(path, encoding, _guess_encoding(data) or "latin-1") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    guess = _guess_encoding(data)
    if guess is None:
        raise UndecodableInput(path, "UTF-8", "latin-1")
    return data.decode(guess)


def _guess_encoding(data: bytes) -> str | None:
    from charset_normalizer import from_bytes
    best = from_bytes(data).best()
    return best.encoding if best is not None else None


def read_text(data: bytes, path: str, encoding: str | None = None) -> str:
    text = decode(data, path, encoding)
    if not text.strip():
        raise EmptyInput(path)
    return text


def read_html(data: bytes, path: str, encoding: str | None = None) -> Item:
    """Main text, title, publication date and URL of a page saved from a browser."""
    html = read_text(data, path, encoding)
    try:
        # imported here, and its import failure is this input's skip: a broken HTML stack
        # (lxml without lxml_html_clean) must not stop the plain-text files of the same run
        import trafilatura
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except ImportError as e:
        raise MissingDependency(path, "trafilatura (the HTML reader)", e, _package_of(e)) from None
    found = doc.as_dict() if hasattr(doc, "as_dict") else (doc or {})
    text = (found.get("text") or "").strip()
    if not text:
        raise NoArticleText(path)
    meta = {"path": path, "title": found.get("title"), "url": found.get("url"),
            "published": normalise_date(found.get("date"))}
    return text, {k: v for k, v in meta.items() if v}


def _package_of(error: ImportError) -> str:
    """The pip name to install for ERROR: lxml names its split-off cleaner only in the message."""
    if "lxml_html_clean" in str(error) or "lxml.html.clean" in str(error):
        return "lxml_html_clean"
    return (error.name or "trafilatura").split(".")[0]


def _row_meta(path: str, n: int, row: dict) -> dict:
    stem = Path(path).stem
    meta = {"path": f"{path}#{n}", "id": _cell(row.get("id")) or f"{stem}-{n}",
            "title": _cell(row.get("title")), "url": _cell(row.get("url")),
            "published": normalise_date(_cell(row.get("published")))}
    return {k: v for k, v in meta.items() if v}


def _cell(value) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def read_jsonl(data: bytes, path: str, encoding: str | None,
               on_skip: Callable[[InputError], None]) -> Iterator[Item]:
    text = read_text(data, path, encoding)
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"line {n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            on_skip(MalformedRow(path, where, f"is not valid JSON ({e.msg})", "fix or remove that line"))
            continue
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            on_skip(MalformedRow(path, where, "has no \"text\" field",
                                 "put the article text under \"text\" on each line"))
            continue
        if not row["text"].strip():
            on_skip(EmptyInput(f"{path}#{n}"))
            continue
        yield row["text"], _row_meta(path, n, row)


def read_csv(data: bytes, path: str, encoding: str | None,
             on_skip: Callable[[InputError], None]) -> Iterator[Item]:
    text = read_text(data, path, encoding)
    # Article texts are long; the csv module's default 128 kB field limit is too small for some.
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except (StopIteration, csv.Error):
        raise MissingTextColumn(path, []) from None
    if "text" not in header:
        raise MissingTextColumn(path, header)
    n = 0
    while True:
        n += 1
        where = f"row {n}"
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            # The reader cannot resynchronise after this, so the rest of the file goes too.
            on_skip(MalformedRow(path, where, f"cannot be parsed ({e})",
                                 "fix that row; the rows after it were not read"))
            return
        if not any(c.strip() for c in cells):
            n -= 1
            continue
        if len(cells) != len(header):
            on_skip(MalformedRow(path, where, f"has {len(cells)} fields but the header has {len(header)}",
                                 "quote fields that contain commas"))
            continue
        row = dict(zip(header, cells))
        if not row["text"].strip():
            on_skip(EmptyInput(f"{path}#{n}"))
            continue
        yield row["text"], _row_meta(path, n, row)


def normalise_date(value) -> str | None:
    """ISO date (YYYY-MM-DD) of an ISO date or timestamp; None for anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    s = str(value).strip()
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        try:
            return date.fromisoformat(s[:10]).isoformat()
        except ValueError:
            return None
