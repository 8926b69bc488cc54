"""The dataset file: article results in SQLite (standard library sqlite3), read back unchanged.

Tables: articles (keyed by the sha256 of the text), agreements, parties, signatories,
witnesses, scope, mentioned, and signings (one row per signing, `agreements.signing_id` linking
each record to it: see signings_db.py). Every span is stored as two integer columns (`*_start`, `*_end`,
character offsets into the article text). Each article is written in one transaction, so an
interrupted run leaves whole articles only, and an article whose text is already stored is not
extracted again: a re-run over a grown folder does only the new files.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from . import signings_db
from .errors import NotADatabase, UsageError

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    sha256 TEXT PRIMARY KEY, path TEXT, id TEXT, title TEXT, dateline TEXT, outlet TEXT,
    published TEXT, url TEXT, warnings TEXT NOT NULL DEFAULT '[]',
    extractor_version TEXT, extractor_mode TEXT,
    added TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE IF NOT EXISTS agreements (
    agreement_pk INTEGER PRIMARY KEY, article_sha256 TEXT NOT NULL REFERENCES articles(sha256),
    agreement_id TEXT NOT NULL, n INTEGER NOT NULL,
    type TEXT, type_text TEXT, type_span_start INTEGER, type_span_end INTEGER,
    has_date INTEGER NOT NULL, date TEXT, date_text TEXT, date_precision TEXT,
    year_inferred INTEGER, weekday_conflict INTEGER, date_span_start INTEGER, date_span_end INTEGER,
    has_place INTEGER NOT NULL, venue TEXT, city TEXT, province TEXT, region_code TEXT, region_name TEXT,
    place_span_start INTEGER, place_span_end INTEGER,
    evidence TEXT NOT NULL DEFAULT '[]', confidence REAL, extra TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS parties (
    agreement_pk INTEGER NOT NULL REFERENCES agreements(agreement_pk), n INTEGER NOT NULL,
    name TEXT, short TEXT, kind TEXT, span_start INTEGER, span_end INTEGER
);
CREATE TABLE IF NOT EXISTS signatories (
    agreement_pk INTEGER NOT NULL REFERENCES agreements(agreement_pk), n INTEGER NOT NULL,
    name TEXT, title TEXT, party INTEGER, on_behalf_of TEXT, span_start INTEGER, span_end INTEGER
);
CREATE TABLE IF NOT EXISTS witnesses (
    agreement_pk INTEGER NOT NULL REFERENCES agreements(agreement_pk), n INTEGER NOT NULL,
    name TEXT, title TEXT, span_start INTEGER, span_end INTEGER
);
CREATE TABLE IF NOT EXISTS scope (
    agreement_pk INTEGER NOT NULL REFERENCES agreements(agreement_pk), n INTEGER NOT NULL,
    text TEXT, span_start INTEGER, span_end INTEGER
);
CREATE TABLE IF NOT EXISTS mentioned (
    article_sha256 TEXT NOT NULL REFERENCES articles(sha256), n INTEGER NOT NULL,
    text TEXT, span_start INTEGER, span_end INTEGER
);
"""
ARTICLE_KEYS = ("path", "id", "title", "dateline", "outlet", "published", "url")
AGREEMENT_KEYS = ("type", "type_text", "type_span", "date", "place", "parties", "signatories",
                  "witnesses", "scope", "evidence", "confidence")
CHILD_TABLES = {  # table -> agreement key and the columns besides the span
    "parties": ("parties", ("name", "short", "kind")),
    "signatories": ("signatories", ("name", "title", "party", "on_behalf_of")),
    "witnesses": ("witnesses", ("name", "title")),
    "scope": ("scope", ("text",)),
}


def _span(span) -> tuple[int | None, int | None]:
    return (span[0], span[1]) if span else (None, None)


def _unspan(start, end) -> list[int] | None:
    return None if start is None else [start, end]


def _bool(value) -> bool | None:
    return None if value is None else bool(value)


class Database:
    """An open dataset file; `add` one article result at a time, `results` to read them back."""

    def __init__(self, path: str | Path, *, create: bool = True):
        self.path = str(path)
        if not create and not Path(path).is_file():
            raise UsageError(f"{path} does not exist: create it with: mouextract parse DIR --db {path}")
        try:
            self.conn = sqlite3.connect(self.path)
            if create:
                self.conn.executescript(SCHEMA)
            self.conn.execute("SELECT sha256 FROM articles LIMIT 1")
            if create:
                signings_db.upgrade(self)
        except sqlite3.DatabaseError as e:
            raise NotADatabase(self.path, str(e)) from None

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

    def add(self, result: dict) -> bool:
        """Store one article result in one transaction; False if its text is already stored."""
        from .writers import agreement_id
        article = result["article"]
        if self.path_of(article["sha256"]) is not None:
            return False
        extractor = result.get("extractor") or {}
        with self.conn:  # one transaction: commits the whole article or nothing
            self.conn.execute(
                "INSERT INTO articles (sha256, path, id, title, dateline, outlet, published, url, "
                "warnings, extractor_version, extractor_mode) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (article["sha256"], *(article.get(k) for k in ARTICLE_KEYS),
                 json.dumps(result.get("warnings") or [], ensure_ascii=False),
                 extractor.get("version"), extractor.get("mode")))
            for n, agreement in enumerate(result.get("agreements") or [], start=1):
                self._add_agreement(article, n, agreement, agreement_id(article, n))
            for n, m in enumerate(result.get("mentioned") or [], start=1):
                self.conn.execute("INSERT INTO mentioned VALUES (?,?,?,?,?)",
                                  (article["sha256"], n, m.get("text"), *_span(m.get("span"))))
            signings_db.link_article(self, article["sha256"])
        return True

    def _add_agreement(self, article: dict, n: int, a: dict, aid: str) -> None:
        date, place = a.get("date"), a.get("place")
        d, p = date or {}, place or {}
        extra = {k: v for k, v in a.items() if k not in AGREEMENT_KEYS}
        cur = self.conn.execute(
            "INSERT INTO agreements (article_sha256, agreement_id, n, type, type_text, type_span_start,"
            " type_span_end, has_date, date, date_text, date_precision, year_inferred, weekday_conflict,"
            " date_span_start, date_span_end, has_place, venue, city, province, region_code, region_name,"
            " place_span_start, place_span_end, evidence, confidence, extra)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (article["sha256"], aid, n, a.get("type"), a.get("type_text"), *_span(a.get("type_span")),
             date is not None, d.get("value"), d.get("text"), d.get("precision"), d.get("year_inferred"),
             d.get("weekday_conflict"), *_span(d.get("span")),
             place is not None, p.get("venue"), p.get("city"), p.get("province"), p.get("region_code"), p.get("region_name"),
             *_span(p.get("span")), json.dumps(a.get("evidence") or [], ensure_ascii=False),
             a.get("confidence"), json.dumps(extra, ensure_ascii=False)))
        pk = cur.lastrowid
        for table, (key, columns) in CHILD_TABLES.items():
            for i, item in enumerate(a.get(key) or [], start=1):
                self.conn.execute(
                    f"INSERT INTO {table} (agreement_pk, n, {', '.join(columns)}, span_start, span_end)"
                    f" VALUES ({', '.join('?' * (len(columns) + 4))})",
                    (pk, i, *(item.get(c) for c in columns), *_span(item.get("span"))))

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
        self.conn.row_factory = sqlite3.Row
        articles = self.conn.execute("SELECT * FROM articles ORDER BY rowid").fetchall()
        for row in articles:
            article = {k: row[k] for k in ARTICLE_KEYS}
            article["sha256"] = row["sha256"]
            yield {
                "article": article,
                "agreements": [self._agreement(a) for a in self.conn.execute(
                    "SELECT * FROM agreements WHERE article_sha256 = ? ORDER BY n", (row["sha256"],))],
                "mentioned": [{"text": m["text"], "span": _unspan(m["span_start"], m["span_end"])}
                              for m in self.conn.execute(
                                  "SELECT * FROM mentioned WHERE article_sha256 = ? ORDER BY n",
                                  (row["sha256"],))],
                "warnings": json.loads(row["warnings"]),
                "extractor": {"version": row["extractor_version"], "mode": row["extractor_mode"]},
            }

    def _agreement(self, row: sqlite3.Row) -> dict:
        date = None if not row["has_date"] else {
            "value": row["date"], "text": row["date_text"], "precision": row["date_precision"],
            "year_inferred": _bool(row["year_inferred"]), "weekday_conflict": _bool(row["weekday_conflict"]),
            "span": _unspan(row["date_span_start"], row["date_span_end"])}
        place = None if not row["has_place"] else {
            "venue": row["venue"], "city": row["city"], "province": row["province"],
            "region_code": row["region_code"], "region_name": row["region_name"],
            "span": _unspan(row["place_span_start"], row["place_span_end"])}
        agreement = {"type": row["type"], "type_text": row["type_text"],
                     "type_span": _unspan(row["type_span_start"], row["type_span_end"]),
                     "date": date, "place": place}
        for table, (key, columns) in CHILD_TABLES.items():
            agreement[key] = [
                {**{c: item[c] for c in columns}, "span": _unspan(item["span_start"], item["span_end"])}
                for item in self.conn.execute(
                    f"SELECT * FROM {table} WHERE agreement_pk = ? ORDER BY n", (row["agreement_pk"],))]
        agreement["evidence"] = json.loads(row["evidence"])
        agreement["confidence"] = row["confidence"]
        agreement.update(json.loads(row["extra"]))
        return agreement


def export(db_path: str | Path, fmt: str, output: str | Path = "-", *, signings: bool = False) -> int:
    """Write every article result stored in DB_PATH to OUTPUT in FMT; returns the count.
    With SIGNINGS, one merged record per signing instead (see signings_db.py)."""
    from .writers import write_results
    with Database(db_path, create=False) as db:
        if signings:
            from .signings_io import write_signings
            return write_signings(signings_db.signing_records(db), fmt, output)
        extra = None
        if fmt == "xlsx":
            from .signings_io import SIGNING_COLUMNS, flat_row
            extra = {"signings": (SIGNING_COLUMNS, [flat_row(r) for r in signings_db.signing_records(db)])}
        return write_results(db.results(), fmt, output, extra_sheets=extra)
