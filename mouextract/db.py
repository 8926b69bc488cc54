"""The dataset file: article results in SQLite (standard library sqlite3), read back unchanged.

Tables: articles (keyed by the sha256 of the text, with the text the spans index into),
agreements, parties, signatories, witnesses, scope, mentioned; their columns come from the
record classes (see tables.py). And signings (one row per signing, `agreements.signing_id`
linking each record to it: see signings_db.py). Every span is two integer columns (`*_start`,
`*_end`, character offsets into `articles.text`). Child rows are keyed by (agreement_pk, n), n
counting from 1; `signatories.party_n` is the `n` of the signatory's row in parties:

    SELECT s.name, p.name FROM signatories s
    JOIN parties p ON p.agreement_pk = s.agreement_pk AND p.n = s.party_n

Each article is written in one transaction, so an interrupted run leaves whole articles only,
and an article whose text is already stored is not extracted again: a re-run over a grown
folder does only the new files.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from . import signings_db
from .errors import NotADatabase, UsageError
from .records import ArticleResult
from .tables import CHILDREN, Column, agreement_columns, article_columns, child_columns, get, mention_columns, put
from .text import without_surrogates

# PRAGMA user_version of the files this version writes; 0 is a new, empty file.
SCHEMA_VERSION = 2
SQL_TYPES = {"int": "INTEGER", "flag": "INTEGER", "span_start": "INTEGER", "span_end": "INTEGER",
             "real": "REAL", "text": "TEXT", "list": "TEXT"}


def _defs(columns: list[Column]) -> str:
    return "".join(f", {c.name} {SQL_TYPES[c.kind]}" for c in columns)


def schema() -> str:
    children = "".join(
        f"CREATE TABLE IF NOT EXISTS {table} (\n"
        f"    agreement_pk INTEGER NOT NULL REFERENCES agreements(agreement_pk), n INTEGER NOT NULL"
        f"{_defs(child_columns(table))},\n    PRIMARY KEY (agreement_pk, n)\n);\n" for table in CHILDREN)
    return f"""
CREATE TABLE IF NOT EXISTS articles (
    sha256 TEXT PRIMARY KEY{''.join(f', {c} TEXT' for c in article_columns() if c != 'sha256')},
    text TEXT, warnings TEXT NOT NULL DEFAULT '[]', extractor_version TEXT, extractor_mode TEXT,
    added TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE IF NOT EXISTS agreements (
    agreement_pk INTEGER PRIMARY KEY, article_sha256 TEXT NOT NULL REFERENCES articles(sha256),
    agreement_id TEXT NOT NULL, n INTEGER NOT NULL,
    has_date INTEGER NOT NULL, has_place INTEGER NOT NULL{_defs(agreement_columns())},
    UNIQUE (article_sha256, n)
);
{children}CREATE TABLE IF NOT EXISTS mentioned (
    article_sha256 TEXT NOT NULL REFERENCES articles(sha256), n INTEGER NOT NULL{_defs(mention_columns())},
    PRIMARY KEY (article_sha256, n)
);
"""


def _value(column: Column, plain: dict):
    value = get(plain, column)
    return json.dumps(list(value), ensure_ascii=False) if column.kind == "list" and value is not None else value


def _row_values(columns: list[Column], plain: dict) -> list:
    return [_value(c, plain) for c in columns]


def _from_row(columns: list[Column], row: sqlite3.Row) -> dict:
    plain: dict = {}
    for c in columns:
        value = row[c.name]
        put(plain, c, json.loads(value) if c.kind == "list" and value is not None else value)
    return plain


def _insert(table: str, names: list[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"


class Database:
    """An open dataset file; `add` one article result at a time, `results` to read them back."""

    def __init__(self, path: str | Path, *, create: bool = True):
        self.path = str(path)
        if create and not Path(path).parent.is_dir():
            raise UsageError(f"cannot write {path}: the folder {Path(path).parent} does not exist: create it first")
        if not create and not Path(path).is_file():
            raise UsageError(f"{path} does not exist: create it with: mouextract parse DIR --db {path}")
        try:
            self.conn = sqlite3.connect(self.path)
            self.conn.execute("PRAGMA foreign_keys = ON")
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            empty = not self.conn.execute("SELECT name FROM sqlite_master LIMIT 1").fetchone()
            if create and empty:
                with self.conn:
                    self.conn.executescript(schema() + f"PRAGMA user_version = {SCHEMA_VERSION};")
                version = SCHEMA_VERSION
            self.conn.execute("SELECT sha256 FROM articles LIMIT 1")
        except sqlite3.DatabaseError as e:
            raise NotADatabase(self.path, str(e)) from None
        if version != SCHEMA_VERSION:
            self.conn.close()
            raise NotADatabase(self.path, f"dataset version {version}, this mouextract writes version "
                                          f"{SCHEMA_VERSION}", fix=f"re-create it from the articles: "
                                          f"mouextract parse DIR --db NEW.sqlite")
        if create:
            signings_db.upgrade(self)  # the signings table and agreements.signing_id

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def path_of(self, sha256: str) -> str | None:
        """Path under which the article with this text hash was stored, None if absent."""
        row = self.conn.execute("SELECT path FROM articles WHERE sha256 = ?", (sha256,)).fetchone()
        return None if row is None else (row[0] or "")

    def article_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def add(self, result: dict, text: str | None = None) -> bool:
        """Store one article result (and the TEXT its spans index into) in one transaction;
        False if its text is already stored."""
        from .writers import agreement_id
        record = ArticleResult.from_dict(result)
        article = record.article.to_dict()
        if self.path_of(article["sha256"]) is not None:
            return False
        with self.conn:  # one transaction: commits the whole article or nothing
            names = article_columns()
            self.conn.execute(
                _insert("articles", [*names, "text", "warnings", "extractor_version", "extractor_mode"]),
                (*(article[k] for k in names), None if text is None else without_surrogates(text), json.dumps(list(record.warnings), ensure_ascii=False),
                 record.extractor.get("version"), record.extractor.get("mode")))
            for n, agreement in enumerate(record.agreements, start=1):
                self._add_agreement(article, n, agreement.to_dict(), agreement_id(article, n))
            for n, mention in enumerate(record.mentioned, start=1):
                columns = mention_columns()
                self.conn.execute(_insert("mentioned", ["article_sha256", "n", *(c.name for c in columns)]),
                                  (article["sha256"], n, *_row_values(columns, mention.to_dict())))
            signings_db.link_article(self, article["sha256"])
        return True

    def _add_agreement(self, article: dict, n: int, a: dict, aid: str) -> None:
        columns = agreement_columns()
        cur = self.conn.execute(
            _insert("agreements", ["article_sha256", "agreement_id", "n", "has_date", "has_place",
                                   *(c.name for c in columns)]),
            (article["sha256"], aid, n, a["date"] is not None, a["place"] is not None, *_row_values(columns, a)))
        for table in CHILDREN:
            columns = child_columns(table)
            for i, item in enumerate(a[table], start=1):
                self.conn.execute(_insert(table, ["agreement_pk", "n", *(c.name for c in columns)]),
                                  (cur.lastrowid, i, *_row_values(columns, item)))

    def has_table(self, name: str) -> bool:
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                 (name,)).fetchone() is not None

    def table(self, name: str) -> tuple[list[str], list[dict]]:
        """Columns and rows of a table as stored, whatever columns it has."""
        cursor = self.conn.execute(f'SELECT * FROM "{name}"')
        columns = [d[0] for d in cursor.description]
        return columns, [dict(zip(columns, row)) for row in cursor]

    # --- reading back ----------------------------------------------------------------------

    def results(self) -> Iterator[dict]:
        """Every stored article result, in the order they were added, as extract() gave it."""
        for row in self._select("SELECT * FROM articles ORDER BY rowid"):
            yield self._result(row)

    def result_of(self, sha256: str) -> dict | None:
        """The stored result of the article with this text hash, None if absent."""
        rows = self._select("SELECT * FROM articles WHERE sha256 = ?", (sha256,))
        return self._result(rows[0]) if rows else None

    def text_of(self, sha256: str) -> str | None:
        row = self.conn.execute("SELECT text FROM articles WHERE sha256 = ?", (sha256,)).fetchone()
        return None if row is None else row[0]

    def _select(self, sql: str, args: tuple = ()) -> list[sqlite3.Row]:
        cursor = self.conn.cursor()
        cursor.row_factory = sqlite3.Row  # on this cursor only: callers' own queries get tuples
        return cursor.execute(sql, args).fetchall()

    def _result(self, row: sqlite3.Row) -> dict:
        sha = row["sha256"]
        agreements = self._select("SELECT * FROM agreements WHERE article_sha256 = ? ORDER BY n", (sha,))
        mentioned = self._select("SELECT * FROM mentioned WHERE article_sha256 = ? ORDER BY n", (sha,))
        return ArticleResult.from_dict({
            "article": {k: row[k] for k in article_columns()},
            "agreements": [self._agreement(a) for a in agreements],
            "mentioned": [_from_row(mention_columns(), m) for m in mentioned],
            "warnings": json.loads(row["warnings"]),
            "extractor": {"version": row["extractor_version"], "mode": row["extractor_mode"]},
        }).to_dict()

    def _agreement(self, row: sqlite3.Row) -> dict:
        agreement = _from_row(agreement_columns(), row)
        for key, present in (("date", row["has_date"]), ("place", row["has_place"])):
            if not present:
                agreement[key] = None
        for table in CHILDREN:
            agreement[table] = [_from_row(child_columns(table), item) for item in self._select(
                f"SELECT * FROM {table} WHERE agreement_pk = ? ORDER BY n", (row["agreement_pk"],))]
        return agreement


def export(db_path: str | Path, fmt: str, output: str | Path = "-", *, signings: bool = False,
           with_text: bool = False, excel: bool = False) -> int:
    """Write every article result stored in DB_PATH to OUTPUT in FMT; returns the count.
    With SIGNINGS, one merged record per signing instead (see signings_db.py).
    with_text: each result carries its article text (`article.text`, a `text` CSV column)."""
    from .writers import write_results
    with Database(db_path, create=False) as db:
        if signings:
            from .signings_io import write_signings
            return write_signings(signings_db.signing_records(db), fmt, output)
        extra = None
        if fmt == "xlsx":
            from .signings_io import SIGNING_COLUMNS, flat_row
            extra = {"signings": (SIGNING_COLUMNS, [flat_row(r) for r in signings_db.signing_records(db)])}
        pairs = ((r, db.text_of(r["article"]["sha256"]) if with_text else None) for r in db.results())
        return write_results(pairs, fmt, output, with_text=with_text, excel=excel, extra_sheets=extra)
