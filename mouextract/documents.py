"""Articles from PDF and Word files: the text a reader sees, and the title and date the file records.

PDF text comes out one printed line at a time, words broken at line ends ("peme-" / "rintah").
The extraction pipeline reads a line break as the end of a sentence, so `clean_pdf_text` puts
paragraphs back together and rejoins broken words before the text is used; the spans of the
records index that cleaned text.

Each format needs its library, installed by an extra (`mouextract[pdf]`, `mouextract[docx]`); a
file met without it is a skip that names the extra, not a crash of the run.
"""
from __future__ import annotations

import io
import re
import statistics
from functools import lru_cache
from pathlib import Path

from .errors import CorruptDocument, EmptyInput, EncryptedDocument, MissingExtra, NoTextLayer

Item = tuple[str, dict]

# Soft hyphen, and the hyphen characters a PDF may draw at a line end.
SOFT_HYPHEN = "\u00ad"
LINE_END_HYPHEN = re.compile(r"([^\W\d_]+)[-\u2010\u00ad]$")
LINE_START_WORD = re.compile(r"([^\W\d_]+)")
SENTENCE_END = re.compile(r"[.!?:;\"”’)]$")
# A line this much shorter than the usual line ends its paragraph even without a full stop
# (headline, stamp, masthead, caption); with a full stop, one a little shorter does.
SHORT_LINE = 0.6
LAST_LINE = 0.85
# A publication stamp ("Rabu, 15 Maret 2023 | 08:40 WIB") stands on its own line, and a dateline
# ("TEMANGGUNG, Wartakedu.id –") opens a paragraph: both are where the pipeline looks for them.


@lru_cache(maxsize=1)
def stamp_line() -> re.Pattern:
    """The publication stamp line, its month and weekday names from patterns/calendar.yml."""
    from .patterns import load
    calendar = load("calendar.yml")

    def names(*tables) -> str:
        words = {re.escape(w) for table in tables for spellings in table.values() for w in spellings}
        return "|".join(sorted(words, key=len, reverse=True))

    months = names(calendar["months"], calendar["month_abbreviations"])
    return re.compile(
        rf"^(?:[^\W\d][\w.' ]{{0,30}}[|,–-]\s*)?(?:(?:{names(calendar['weekdays'])}),?\s*)?"
        rf"(?:\d{{1,2}}\s+(?:{months})\.?\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{4}})\b[^.!?]{{0,30}}$", re.IGNORECASE)


DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,},\s")
# Below this many letters in the whole file there is no text layer worth reading.
MIN_LETTERS = 20
# Titles that tools write on their own, which name no article.
PLACEHOLDER_TITLE = re.compile(r"^(word document|untitled|document\d*|microsoft word - .*|.*\.(docx?|pdf|odt|rtf|txt))$",
                               re.IGNORECASE)


def _need(module: str, extra: str, path: str, kind: str):
    import importlib
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtra(path, kind, module, extra) from None


# --- PDF ---------------------------------------------------------------------------------------

def read_pdf(data: bytes, path: str) -> Item:
    """Text, title and date of a born-digital PDF, read by pypdf in the file's drawing order.

    pypdf, not pdfminer.six: on the clippings measured in bench/pdf_text.py it kept reading
    order and hyphenated words better on three layouts of four (see the README).
    """
    pypdf = _need("pypdf", "pdf", path, "PDF")
    import logging
    from pypdf.errors import DependencyError, FileNotDecryptedError
    # pypdf logs every oddity of a damaged file; the one line we print is the useful part.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        # Many "protected" PDFs only forbid copying: they open with the empty password.
        if reader.is_encrypted and not reader.decrypt(""):
            raise EncryptedDocument(path, "PDF")
        raw = "\n".join(page.extract_text() or "" for page in reader.pages)
        title, created = _pdf_info(reader)
    except FileNotDecryptedError:
        raise EncryptedDocument(path, "PDF") from None
    except DependencyError:  # AES encryption without the cryptography package
        raise MissingExtra(path, "encrypted PDF", "cryptography", "pdf") from None
    except EncryptedDocument:
        raise
    except Exception:  # pypdf raises many kinds on damaged files (PdfReadError...); each is one skip
        raise CorruptDocument(path, "PDF", "damaged, or not a PDF") from None
    if sum(c.isalpha() for c in raw) < MIN_LETTERS:
        raise NoTextLayer(path)
    text = clean_pdf_text(raw)
    return text, _meta(path, text, title, created)


def _pdf_info(reader) -> tuple[str | None, str | None]:
    """Title and creation date (ISO) from the document information, None where absent or unreadable."""
    info = reader.metadata
    if not info:
        return None, None
    title = info.get("/Title")
    found = re.match(r"(?:D:)?(\d{4})(\d{2})(\d{2})", str(info.get("/CreationDate") or ""))
    return (str(title) if title else None), (_iso("-".join(found.groups())) if found else None)


def _iso(value: str) -> str | None:
    from datetime import date
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        return None


def clean_pdf_text(raw: str) -> str:
    """RAW as paragraphs: printed lines joined, line-end hyphenation undone, soft hyphens dropped.

    A paragraph ends at a blank line, after a line much shorter than the usual one, or after a
    short-ish line that ends a sentence. A word broken at a line end is rejoined without its
    hyphen unless the text writes it with one elsewhere or it is a reduplication ("masing-masing").
    """
    lines = [re.sub(r"[ \t]+", " ", line).strip()
             for line in raw.replace("\r", "").replace("\f", "\n\n").split("\n")]
    lengths = [len(line) for line in lines if len(line) > 20]
    usual = statistics.median(lengths) if lengths else 0
    words = set(re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", raw.replace(SOFT_HYPHEN, "").lower()))
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        stamp = stamp_line().match(line)
        if current and (stamp or DATELINE.match(line)) and not LINE_END_HYPHEN.search(current):
            paragraphs.append(current)
            current = ""
        current = line if not current else _join(current, line, words)
        ends = (stamp or len(line) < SHORT_LINE * usual
                or (SENTENCE_END.search(line) and len(line) < LAST_LINE * usual))
        if ends and not LINE_END_HYPHEN.search(line):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n\n".join(p.replace(SOFT_HYPHEN, "") for p in paragraphs) + "\n"


def _join(before: str, line: str, words: set[str]) -> str:
    broken, start = LINE_END_HYPHEN.search(before), LINE_START_WORD.match(line)
    if broken is None or start is None or not start.group(1)[0].islower():
        return f"{before} {line}"
    left, right = broken.group(1), start.group(1)
    whole, hyphened = (left + right).lower(), f"{left}-{right}".lower()
    keep = before.endswith("-") and (hyphened in words and whole not in words
                                     or right.lower().startswith(left.lower()))
    return before[:-1] + ("-" if keep else "") + line


# Word saves a password-protected .docx inside an OLE compound file (as an old .doc is), not a zip.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# The creation date of python-docx's template, kept by every file it makes without setting one.
PYTHON_DOCX_DATE = "2013-12-23"


# --- DOCX --------------------------------------------------------------------------------------

def read_docx(data: bytes, path: str) -> Item:
    """Body paragraphs and table cells of a Word file in document order, with its title and date."""
    docx = _need("docx", "docx", path, "Word (.docx)")
    if data.startswith(OLE_MAGIC):
        raise EncryptedDocument(path, "Word (.docx)")
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(_docx_blocks(document))
        props = document.core_properties
        title, created = props.title, props.created
    except Exception:  # zipfile, lxml and python-docx errors on damaged files: one skip each
        raise CorruptDocument(path, "Word (.docx)", "damaged, or not a .docx") from None
    text = "\n\n".join(b for b in blocks if b.strip()).replace(SOFT_HYPHEN, "")
    if not text.strip():
        raise EmptyInput(path)
    created = created.date().isoformat() if created else None
    return text + "\n", _meta(path, text, title, None if created == PYTHON_DOCX_DATE else created)


def _docx_blocks(document):
    """Paragraph texts of the body, table cells included, in the order they stand."""
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block.text
        elif isinstance(block, Table):
            # The row's own cell elements: a merged cell once (row.cells repeats it per grid column).
            for tr in block._tbl.tr_lst:
                for tc in tr.tc_lst:
                    yield from (p.text for p in _Cell(tc, block).paragraphs)


# --- shared ------------------------------------------------------------------------------------

def _meta(path: str, text: str, title: str | None, created: str | None) -> dict:
    """Title unless a placeholder; the file's date as `published` only when the text has no stamp.

    A clipping's file is made when it is saved or printed, often long after the article: a
    publication stamp in the text itself is the better date, and the pipeline finds it.
    """
    meta = {"path": path}
    title = (title or "").strip()
    if title and not PLACEHOLDER_TITLE.match(title) and title != Path(path).name:
        meta["title"] = title
    if created:
        from .dates import find_published
        if find_published(text) is None:
            meta["published"] = created
    return meta
