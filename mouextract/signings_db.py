"""The signings of a dataset file: table `signings`, and `agreements.signing_id` linking each record.

The linking is `signings.choose`, the same as in memory; this module only finds the candidate
signings (those with a report dated or published within CLOSE_DAYS + 1 days of the new one)
and keeps each signing's merged record up to date. `link_article` runs inside the transaction
that adds the article, so a dataset never holds an unlinked record; an older file gets its
column and its links on first opening for writing (`upgrade`).
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from .signing_record import merge
from .signings import CLOSE_DAYS, Report, choose, link

SCHEMA = """
CREATE TABLE IF NOT EXISTS signings (
    signing_id INTEGER PRIMARY KEY, type TEXT, date TEXT, date_precision TEXT,
    venue TEXT, city TEXT, province TEXT, region_code TEXT, region_name TEXT,
    n_reports INTEGER NOT NULL, conflict INTEGER NOT NULL, record TEXT NOT NULL
);
"""
INDEXES = """
CREATE INDEX IF NOT EXISTS agreements_by_signing ON agreements(signing_id);
CREATE INDEX IF NOT EXISTS agreements_by_article ON agreements(article_sha256);
CREATE INDEX IF NOT EXISTS agreements_by_date ON agreements(date);
CREATE INDEX IF NOT EXISTS articles_by_published ON articles(published);
"""
ARTICLE_COLUMNS = ("path", "id", "title", "dateline", "outlet", "published", "url", "sha256")


def _has_links(conn: sqlite3.Connection) -> bool:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return "signings" in tables and "signing_id" in {r[1] for r in conn.execute("PRAGMA table_info(agreements)")}


def upgrade(db) -> None:
    """Give DB (a Database open for writing) its signings table, and link any record without one."""
    conn = db.conn
    with conn:
        conn.executescript(SCHEMA)
        if "signing_id" not in {r[1] for r in conn.execute("PRAGMA table_info(agreements)")}:
            conn.execute("ALTER TABLE agreements ADD COLUMN signing_id INTEGER REFERENCES signings(signing_id)")
        conn.executescript(INDEXES)
    pending = conn.execute("SELECT article_sha256 FROM agreements WHERE signing_id IS NULL "
                           "GROUP BY article_sha256 ORDER BY min(agreement_pk)").fetchall()
    for (sha,) in pending:
        with conn:
            link_article(db, sha)


@contextmanager
def _rows(conn: sqlite3.Connection):
    """Rows by column name while reading records back (Database reads them so)."""
    before = conn.row_factory
    conn.row_factory = sqlite3.Row
    try:
        yield
    finally:
        conn.row_factory = before


def _reports(db, where: str, args: tuple) -> list[Report]:
    out = []
    rows = db.conn.execute(
        f"SELECT a.*, {', '.join('r.' + c + ' AS article_' + c for c in ARTICLE_COLUMNS)} FROM agreements a "
        f"JOIN articles r ON r.sha256 = a.article_sha256 WHERE {where} ORDER BY a.agreement_pk", args).fetchall()
    for row in rows:
        article = {c: row["article_" + c] for c in ARTICLE_COLUMNS}
        out.append(Report(article, row["n"], db._agreement(row), key=row["agreement_pk"]))
    return out


def _near(db, report: Report) -> list[int]:
    """Signings with a report dated or published near REPORT's date or publication."""
    found: set[int] = set()
    for day in report.anchors():
        lo = (day - dt.timedelta(days=CLOSE_DAYS + 1)).isoformat()
        hi = (day + dt.timedelta(days=CLOSE_DAYS + 2)).isoformat()  # exclusive; "2024-02-16T10:00" < "2024-02-17"
        found.update(r[0] for r in db.conn.execute(
            "SELECT signing_id FROM agreements WHERE signing_id IS NOT NULL AND date_precision = 'day'"
            " AND date >= ? AND date < ?", (lo, hi)))
        found.update(r[0] for r in db.conn.execute(
            "SELECT a.signing_id FROM articles r JOIN agreements a ON a.article_sha256 = r.sha256"
            " WHERE a.signing_id IS NOT NULL AND r.published >= ? AND r.published < ?", (lo, hi)))
    return sorted(found)


def link_article(db, sha256: str) -> None:
    """Link each record of the article SHA256 not yet linked to its signing (a new one if none)."""
    conn = db.conn
    with _rows(conn):
        for report in _reports(db, "a.article_sha256 = ? AND a.signing_id IS NULL", (sha256,)):
            candidates = {k: _reports(db, "a.signing_id = ?", (k,)) for k in _near(db, report)}
            chosen = choose(report, candidates)
            if chosen is None:
                chosen = conn.execute("INSERT INTO signings (n_reports, conflict, record) VALUES (0, 0, '{}')").lastrowid
            conn.execute("UPDATE agreements SET signing_id = ? WHERE agreement_pk = ?", (chosen, report.key))
            _refresh(db, chosen)


def _refresh(db, signing_id: int) -> None:
    record = merge(_reports(db, "a.signing_id = ?", (signing_id,)), signing_id)
    date, place = record["date"] or {}, record["place"] or {}
    db.conn.execute(
        "UPDATE signings SET type = ?, date = ?, date_precision = ?, venue = ?, city = ?, province = ?,"
        " region_code = ?, region_name = ?, n_reports = ?, conflict = ?, record = ? WHERE signing_id = ?",
        (record["type"], date.get("value"), date.get("precision"), place.get("venue"), place.get("city"),
         place.get("province"), place.get("region_code"), place.get("region_name"), record["n_reports"],
         int(record["conflict"]), json.dumps(record, ensure_ascii=False), signing_id))


def signing_records(db) -> Iterator[dict]:
    """Every signing of DB, merged, in id order. A file written before signings existed (opened
    read-only, so not upgraded) is linked in memory, as `parse --db` would link it."""
    if not _has_links(db.conn) or db.conn.execute(
            "SELECT 1 FROM agreements WHERE signing_id IS NULL LIMIT 1").fetchone():
        yield from link(db.results())
        return
    for (record,) in db.conn.execute("SELECT record FROM signings WHERE n_reports > 0 ORDER BY signing_id"):
        yield json.loads(record)
