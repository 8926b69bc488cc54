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
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from . import csvdump
from .errors import (BinaryInput, EmptyInput, InputError, MalformedRow, MissingDependency, MissingPath,
                     MissingTextColumn, NoArticleText, OldWordFormat, OwnOutput, TooLarge, TooLong,
                     UndecodableInput, UnreadablePath, UsageError)
from .text import MAX_ARTICLE_CHARS, without_surrogates

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


def expand_paths(paths: Iterable[str | Path], on_skip: Callable[[InputError], None] = _raise,
                 exclude: Iterable[str | Path] = ()) -> list[str]:
    """Files to read, in order: directories walked recursively and sorted, hidden entries skipped.

    EXCLUDE (this run's output files) is never read; nor, in a walked folder, a JSONL or CSV
    file mouextract wrote (recognised by its first line), so outputs kept beside the articles
    are not read back on the next run.
    """
    excluded = {Path(p).resolve() for p in exclude}
    out: list[str] = []
    for raw in paths:
        if str(raw) == STDIN:
            out.append(STDIN)
            continue
        path = Path(raw)
        if path.is_dir():
            found = [p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in WALKED_SUFFIXES
                     and not any(part.startswith(".") for part in p.relative_to(path).parts)
                     and p.resolve() not in excluded and not written_by_mouextract(p)]
            out.extend(str(p) for p in sorted(found))
        elif path.resolve() in excluded:
            continue
        elif path.exists():
            out.append(str(path))
        else:
            on_skip(MissingPath(str(path)))
    return out


def written_by_mouextract(path: str | Path) -> bool:
    """True for a JSONL file of article results or a CSV file with one of our tables' headers."""
    suffix = Path(path).suffix.lower()
    if suffix not in DUMP_SUFFIXES:
        return False
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as f:
            first = f.readline(65536).strip()
    except OSError:
        return False
    if suffix == ".jsonl":
        try:
            row = json.loads(first)
        except ValueError:
            return False
        return isinstance(row, dict) and "text" not in row and {"article", "extractor"} <= row.keys()
    from .writers import flat_columns, long_columns
    headers = [flat_columns(t) for t in (False, True)] + [c for t in (False, True) for c in long_columns(t).values()]
    return first.split(",") in headers


def iter_articles(paths: Iterable[str | Path], *, encoding: str | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES, published: str | None = None,
                  stdin: io.BufferedIOBase | None = None,
                  on_skip: Callable[[InputError], None] = _raise,
                  exclude: Iterable[str | Path] = (), unread: bool = False) -> Iterator[Item | FileArticle]:
    """Every article in PATHS as `(text, meta)`; `published` fills in for inputs lacking one.

    EXCLUDE: files not to read (the run's own outputs). UNREAD: a file that holds one article
    (text, HTML, PDF, Word) is given as a `FileArticle`, to be read where it is extracted."""
    default_published = normalise_date(published) if published else None
    if published and not default_published:
        raise UsageError(f"--published {published!r} is not a date: write it as YYYY-MM-DD, e.g. 2023-03-15")
    for path in expand_paths(paths, on_skip, exclude):
        if unread and Path(path).suffix.lower() in ONE_ARTICLE_SUFFIXES:
            yield FileArticle(path, encoding, max_bytes, default_published)
            continue
        try:
            for text, meta in read_path(path, encoding=encoding, max_bytes=max_bytes, stdin=stdin,
                                        on_skip=on_skip):
                try:
                    yield article(text, meta, path, default_published)
                except TooLong as error:
                    on_skip(error)
        except InputError as error:
            on_skip(error)


def article(text: str, meta: dict, path: str, default_published: str | None) -> Item:
    """One article read from PATH, its publication date filled in; TooLong if it is too long."""
    if len(text) > MAX_ARTICLE_CHARS:
        raise TooLong(meta.get("path") or path, len(text))
    if not meta.get("published") and default_published:
        meta["published"] = default_published
    return text, meta


@dataclass(frozen=True)
class FileArticle:
    """A file that holds one article, not read yet: `read` gives its `(text, meta)` as
    `iter_articles` does, or raises the InputError it would have reported. A pool run hands
    these to its workers, so that the process that hands out the work does not read it."""
    path: str
    encoding: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    published: str | None = None   # the run's --published, normalised

    @property
    def meta(self) -> dict:
        return {"path": self.path}

    def read(self) -> Item:
        (text, meta), = read_path(self.path, encoding=self.encoding, max_bytes=self.max_bytes)
        return article(text, meta, self.path, self.published)


def read_path(path: str, *, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
              stdin: io.BufferedIOBase | None = None,
              on_skip: Callable[[InputError], None] = _raise) -> Iterator[Item]:
    """The articles in one file (several for a dump); the suffix decides the reader, and for
    stdin and other suffixes the content does (HTML, JSONL, else plain text)."""
    if path == STDIN:
        data = (stdin or _stdin_bytes()).read(max_bytes + 1)
        if len(data) > max_bytes:
            raise TooLarge("<stdin>", len(data), max_bytes, fix=_too_large_fix(len(data), max_bytes))
        kind = sniff(data)
        if kind == "html":
            text, meta = read_html(data, "<stdin>", encoding)
            yield text, {**meta, "path": STDIN, "id": "stdin"}
        elif kind == "jsonl":
            for text, meta in read_jsonl(data, "<stdin>", encoding, on_skip, stem="stdin"):
                yield text, {**meta, "path": meta["path"].replace("<stdin>", STDIN, 1)}
        else:
            yield read_text(data, "<stdin>", encoding), {"path": STDIN, "id": "stdin"}
        return
    suffix = Path(path).suffix.lower()
    if suffix in DOCUMENT_SUFFIXES:
        yield read_document(path, suffix, max_bytes)
        return
    if suffix == ".doc":
        raise OldWordFormat(path)
    if written_by_mouextract(path):  # named explicitly: a walk passes such files over
        raise OwnOutput(path)
    data = read_bytes(path, max_bytes)
    kind = SUFFIX_KINDS.get(suffix) or sniff(data)
    if kind == "html":
        yield read_html(data, path, encoding)
    elif kind == "jsonl":
        yield from read_jsonl(data, path, encoding, on_skip)
    elif kind == "csv":
        yield from read_csv(data, path, encoding, on_skip)
    else:
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


ONE_ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | DOCUMENT_SUFFIXES
SUFFIX_KINDS = {**{s: "text" for s in TEXT_SUFFIXES}, **{s: "html" for s in HTML_SUFFIXES},
                ".jsonl": "jsonl", ".csv": "csv"}
_HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article)\b",
                         re.IGNORECASE | re.DOTALL)


def sniff(data: bytes) -> str:
    """What DATA holds when no suffix says: "html" (it opens with an HTML tag), "jsonl" (its
    first line is a JSON object with a "text" field) or "text"."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if _HTML_START.match(head):
        return "html"
    if head.lstrip().startswith(b"{"):
        try:
            first = json.loads(data.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0])
        except ValueError:
            return "text"
        return "jsonl" if isinstance(first, dict) and "text" in first else "text"
    return "text"


def _too_large_fix(size: int, max_bytes: int) -> str | None:
    """The fix for a one-article input over --max-bytes: raising the limit cannot help a text
    that is surely longer than an article may be (a character takes at most 4 bytes)."""
    if size > 4 * MAX_ARTICLE_CHARS:
        return (f"an article may have at most {MAX_ARTICLE_CHARS:,} characters: split it into articles "
                f"(one per file, or one per row of a JSONL or CSV dump)")
    return None


def _stdin_bytes():
    import sys
    return sys.stdin.buffer


def read_bytes(path: str, max_bytes: int) -> bytes:
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            suffix = Path(path).suffix.lower()
            one_article = suffix in TEXT_SUFFIXES or suffix not in WALKED_SUFFIXES
            raise TooLarge(path, size, max_bytes, fix=_too_large_fix(size, max_bytes) if one_article else None)
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        raise MissingPath(path) from None
    except IsADirectoryError:
        raise UnreadablePath(path, "it is a directory") from None
    except OSError as e:
        raise UnreadablePath(path, (e.strerror or str(e)).lower()) from None


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Text of DATA: the named encoding, else the one its byte-order mark names, else UTF-8,
    else what charset-normalizer detects. NUL characters mean binary (as git and grep judge),
    checked after decoding so that UTF-16 and UTF-32, full of NUL bytes, can be read."""
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise UsageError(f"--encoding={encoding} is not an encoding Python knows: "
                             f"try --encoding=utf-8 or --encoding=latin-1") from None
        except UnicodeDecodeError:
            raise UndecodableInput(path, encoding, _guess_encoding(data) or "latin-1") from None
    elif bom := _bom_encoding(data):
        try:
            text = data.decode(bom)
        except UnicodeDecodeError:
            raise UndecodableInput(path, bom.upper(), "latin-1") from None
    elif b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise BinaryInput(path)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            guess = _guess_encoding(data)
            if guess is None:
                raise UndecodableInput(path, "UTF-8", "latin-1") from None
            text = data.decode(guess)
    if "\x00" in text[:BINARY_SNIFF_BYTES]:
        raise BinaryInput(path)
    return text.lstrip("\ufeff")


_BOMS = [(b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")]


def _bom_encoding(data: bytes) -> str | None:
    return next((name for bom, name in _BOMS if data.startswith(bom)), None)


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


def _row_meta(path: str, n: int, row: dict, stem: str | None = None) -> dict:
    stem = stem or Path(path).stem
    meta = {"path": f"{path}#{n}", "id": _cell(row.get("id")) or f"{stem}-{n}",
            "title": _cell(row.get("title")), "url": _cell(row.get("url")),
            "published": normalise_date(_cell(row.get("published")))}
    return {k: v for k, v in meta.items() if v}


def _cell(value) -> str | None:
    if value is None:
        return None
    value = without_surrogates(str(value)).strip()
    return value or None


def read_jsonl(data: bytes, path: str, encoding: str | None,
               on_skip: Callable[[InputError], None], stem: str | None = None) -> Iterator[Item]:
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
        # a JSON escape can hold half an emoji ("\ud83d"), which no output could encode
        yield without_surrogates(row["text"]), _row_meta(path, n, row, stem)


def read_csv(data: bytes, path: str, encoding: str | None,
             on_skip: Callable[[InputError], None]) -> Iterator[Item]:
    text = read_text(data, path, encoding)
    # Article texts are long; the csv module's default 128 kB field limit is too small for some.
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    header, rows = csvdump.header_and_rows(text)
    if "text" not in header:
        raise MissingTextColumn(path, header)
    for row in rows:
        if isinstance(row, csvdump.Broken):
            fix = ('fix its quoting (a field holding a quote or a line break is quoted, its quotes doubled: ""); '
                   'the other rows were read') if row.quoting else "quote fields that contain commas"
            on_skip(MalformedRow(path, row.where, row.problem, fix))
            continue
        cells = dict(zip(header, row.cells))
        if not cells["text"].strip():
            on_skip(EmptyInput(f"{path}#{row.n}"))
            continue
        yield cells["text"], _row_meta(path, row.n, cells)


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
