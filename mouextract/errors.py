"""The exceptions the library raises; the CLI prints each as one line that names the fix.

Every message starts with the path it is about and ends with what to do, so a line on stderr
is enough to act on. `reason` is the short label counted in the closing summary.
"""
from __future__ import annotations


class MouextractError(Exception):
    """Base class: anything mouextract reports to its user."""

    reason = "error"

    def __init__(self, message: str, path: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):
        # rebuilt as it is, whatever the subclass's __init__ asks for: a worker process that
        # reads an input sends the error back to the one that reports it
        return _restored, (type(self), self.message, self.path, dict(self.__dict__))


def _restored(cls: type, message: str, path: str | None, state: dict) -> MouextractError:
    error = cls.__new__(cls)
    MouextractError.__init__(error, message, path)
    error.__dict__.update(state)
    return error


class UsageError(MouextractError):
    """The command was asked for something it cannot do (unknown format, bad date...)."""

    reason = "usage"


class InputError(MouextractError):
    """One input (a file, a dump row) cannot be read; the batch skips it and goes on."""


class MissingPath(InputError):
    reason = "missing"

    def __init__(self, path: str):
        super().__init__(f"{path} does not exist: check the path", path)


class UnreadablePath(InputError):
    reason = "unreadable"

    def __init__(self, path: str, why: str):
        super().__init__(f"{path} cannot be read ({why}): check that it is a file you may read", path)


class EmptyInput(InputError):
    reason = "empty"

    def __init__(self, path: str):
        super().__init__(f"{path} is empty: there is no article text to read", path)


class BinaryInput(InputError):
    reason = "binary"

    def __init__(self, path: str):
        super().__init__(
            f"{path} looks like a binary file, not text: pass plain text, HTML, PDF, Word (.docx), "
            f"JSONL or CSV", path)


class OldWordFormat(InputError):
    reason = "old Word format"

    def __init__(self, path: str):
        super().__init__(
            f"{path} is an old Word .doc file, which mouextract does not read: save it as .docx "
            f"(e.g. soffice --headless --convert-to docx {path})", path)


class TooLarge(InputError):
    reason = "too large"

    def __init__(self, path: str, size: int, limit: int, what: str = "", fix: str | None = None):
        super().__init__(
            f"{path}{' ' + what if what else ''} is {size:,} bytes, more than the {limit:,}-byte limit: "
            f"{fix or f'raise it with --max-bytes={size}'}", path)


class TooLong(InputError):
    """An article longer than the pipeline reads (text.MAX_ARTICLE_CHARS)."""

    reason = "too long"

    def __init__(self, path: str, length: int):
        from .text import too_long_message
        super().__init__(too_long_message(path, length), path)


class UndecodableInput(InputError):
    reason = "undecodable"

    def __init__(self, path: str, encoding: str, suggestion: str):
        super().__init__(f"{path} is not valid {encoding}: try --encoding={suggestion}", path)


class NoArticleText(InputError):
    reason = "no article text"

    def __init__(self, path: str):
        super().__init__(
            f"{path} has no article text that trafilatura can find: "
            f"save the article page itself as HTML", path)


class MissingDependency(InputError):
    """A package a reader needs cannot be imported: this input is skipped, the batch goes on."""

    reason = "missing dependency"

    def __init__(self, path: str, reader: str, error: ImportError, package: str):
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        super().__init__(
            f"{path} cannot be read: {reader} failed to import ({first_line}): "
            f"install it with: pip install {package}", path)


class OwnOutput(InputError):
    reason = "mouextract output"

    def __init__(self, path: str):
        super().__init__(
            f"{path} is a file mouextract wrote, not articles: give the articles it was made from", path)


class MalformedRow(InputError):
    reason = "malformed row"

    def __init__(self, path: str, where: str, problem: str, fix: str):
        super().__init__(f"{path} {where} {problem}: {fix}", path)


class MissingTextColumn(InputError):
    reason = "no text column"

    def __init__(self, path: str, columns: list[str]):
        found = ", ".join(columns) if columns else "none"
        super().__init__(
            f"{path} has no \"text\" column (columns: {found}): "
            f"name the column holding the article text \"text\"", path)


class ExtractionFailed(MouextractError):
    """extract() raised on one article: a bug to report, not a reason to stop the batch."""

    reason = "extraction failed"

    def __init__(self, path: str, error: str):
        super().__init__(
            f"{path} could not be extracted ({error}): please report this with the file", path)


class DatabaseError(MouextractError):
    reason = "database"


class NotADatabase(DatabaseError):
    def __init__(self, path: str, why: str, fix: str | None = None):
        super().__init__(
            f"{path} is not a mouextract database ({why}): "
            f"{fix or f'create one with: mouextract parse DIR --db {path}'}", path)


class GoldError(UsageError):
    """The gold folder or prediction file given to evaluate cannot be used."""

    reason = "gold"


class MissingExtra(InputError):
    """A file whose format needs an optional library that is not installed."""

    reason = "missing extra"

    def __init__(self, path: str, kind: str, module: str, extra: str):
        super().__init__(
            f"{path} is a {kind} file and reading it needs {module}: "
            f"pip install 'mouextract[{extra}]'", path)
        self.extra = extra


class NoTextLayer(InputError):
    reason = "no text layer"

    def __init__(self, path: str):
        super().__init__(
            f"{path} has no text layer (a scanned page?): run OCR first, "
            f"e.g. ocrmypdf -l ind {path} ocr.pdf, and parse its output", path)


class EncryptedDocument(InputError):
    reason = "encrypted"

    def __init__(self, path: str, kind: str):
        super().__init__(
            f"{path} is an encrypted {kind} file that needs a password to open: "
            f"save an unprotected copy (e.g. qpdf --decrypt --password=PASSWORD {path} open.pdf)"
            if kind == "PDF" else
            f"{path} is an encrypted {kind} file that needs a password to open, or an old .doc renamed: "
            f"save an unprotected .docx copy from Word or LibreOffice", path)


class CorruptDocument(InputError):
    reason = "corrupt"

    def __init__(self, path: str, kind: str, why: str):
        super().__init__(
            f"{path} is not a readable {kind} file ({why}): "
            f"open it in its program and save it again, or export the text", path)
