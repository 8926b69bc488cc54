"""The signings of a dataset file: table `signings`, and `agreements.signing_id` linking each record.

The linking is `signings.choose`, the same as in memory; this module only finds the candidate
signings (those with a record of the same kind whose date or publication could fit the new
one) and keeps each signing's merged record up to date. `link_article` runs inside the transaction
that adds the article, so a dataset never holds an unlinked record; an older file gets its
column and its links on first opening for writing (`upgrade`).
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from weakref import WeakKeyDictionary

from .signing_record import merge
from .signings import CLOSE_DAYS, Report, choose, link, loose_type_texts

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
ARTICLE_COLUMNS = ("path", "id", "title", "dateline", "outlet", "published", "url", "sha256")  # not-linguistic: columns


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


# Reports read back, per open Database, by (agreement_pk, article, n): a record does not change
# once stored, and the key tells a row apart from one that took the number of a rolled-back insert.
_READ: WeakKeyDictionary = WeakKeyDictionary()


def _members(db, signing_ids: list[int]) -> dict[int, list[Report]]:
    """The reports of each signing, in the order they were linked."""
    cache = _READ.setdefault(db, {})
    rows: list[tuple] = []
    for i in range(0, len(signing_ids), 500):
        chunk = signing_ids[i:i + 500]
        rows += map(tuple, db.conn.execute(
            f"SELECT agreement_pk, article_sha256, n, signing_id FROM agreements WHERE signing_id IN"
            f" ({', '.join('?' * len(chunk))})", chunk))
    missing = [r[0] for r in rows if r[:3] not in cache]
    for i in range(0, len(missing), 500):
        chunk = missing[i:i + 500]
        for report in _reports(db, f"a.agreement_pk IN ({', '.join('?' * len(chunk))})", tuple(chunk)):
            cache[(report.key, report.article["sha256"], report.n)] = report
    out: dict[int, list[Report]] = {k: [] for k in signing_ids}
    for pk, sha, n, signing_id in sorted(rows):
        out[signing_id].append(cache[(pk, sha, n)])
    return out


def _near(db, report: Report) -> list[int]:
    """The signings with a record that could fit REPORT by its kind and its date (see
    Report.windows): only those can hold REPORT, since it must fit each of their records."""
    windows = report.windows()
    if windows is None:
        return []
    (dated_from, dated_to), (published_from, published_to) = windows
    kind, args = "", []
    if not report.loose_type:
        loose = sorted(loose_type_texts())
        kind = f" AND (a.type IS ? OR lower(trim(a.type_text)) IN ({', '.join('?' * len(loose))}))"
        args = [report.agreement.get("type"), *loose]
    found = db.conn.execute(
        "SELECT DISTINCT a.signing_id FROM agreements a WHERE a.signing_id IS NOT NULL"
        " AND a.date_precision = 'day' AND a.date >= ? AND a.date <= ?" + kind,
        (dated_from.isoformat(), dated_to.isoformat(), *args)).fetchall()
    # the end is exclusive, the next day: a publication may carry a time ("2024-02-16T10:00")
    found += db.conn.execute(
        "SELECT DISTINCT a.signing_id FROM articles r JOIN agreements a ON a.article_sha256 = r.sha256"
        " WHERE a.signing_id IS NOT NULL AND (a.date_precision IS NOT 'day' OR a.date IS NULL)"
        " AND r.published >= ? AND r.published < ?" + kind,
        (published_from.isoformat(), (published_to + dt.timedelta(days=1)).isoformat(), *args)).fetchall()
    return sorted({r[0] for r in found})


def link_article(db, sha256: str) -> None:
    """Link each record of the article SHA256 not yet linked to its signing (a new one if none)."""
    conn = db.conn
    with _rows(conn):
        for report in _reports(db, "a.article_sha256 = ? AND a.signing_id IS NULL", (sha256,)):
            chosen = choose(report, _members(db, _near(db, report)))
            if chosen is None:
                chosen = conn.execute(
                    "INSERT INTO signings (n_reports, conflict, record) VALUES (0, 0, '{}')").lastrowid
            conn.execute("UPDATE agreements SET signing_id = ? WHERE agreement_pk = ?", (chosen, report.key))
            _refresh(db, chosen)


def _refresh(db, signing_id: int) -> None:
    record = merge(_members(db, [signing_id])[signing_id], signing_id)
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
