"""Shared fixtures: constructed article results, and a stand-in for extraction.

Most tests of the CLI, writers and database do not need the real pipeline (its model takes
seconds to load): `fake_extraction` replaces the extraction step with `make_result`, which
builds a full record from the text, so the tests check our plumbing against the contract.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mouextract.parallel import read_unread
from mouextract.records import ArticleResult

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"  # ../shared beside the checkout
DEV_CORPUS = SHARED / "corpus" / "dev"
SCORER = SHARED / "tools" / "score.py"

SIGNING = "Pemkab Temanggung dan Kejari Temanggung menandatangani nota kesepahaman, Selasa (14/3/2023)."


def span(phrase: str) -> list[int]:
    start = SIGNING.index(phrase)
    return [start, start + len(phrase)]


def make_agreement(n: int = 1) -> dict:
    return {
        "type": "nota_kesepahaman", "type_text": "nota kesepahaman", "type_span": span("nota kesepahaman"),
        "date": {"value": "2023-03-14", "text": "Selasa (14/3/2023)", "precision": "day",
                 "year_inferred": False, "weekday_conflict": False, "span": span("Selasa (14/3/2023)")},
        "place": {"venue": "Aula Kantor Bupati", "city": "Temanggung", "province": "Jawa Tengah",
                  "region_code": "33.23", "region_name": "Kabupaten Temanggung", "span": None},
        "parties": [{"name": "Pemkab Temanggung", "short": "Pemkab", "kind": "government", "span": span("Pemkab Temanggung")},
                    {"name": "Kejari Temanggung", "short": None, "kind": "government", "span": span("Kejari Temanggung")}],
        "signatories": [{"name": "Suharno", "title": "Bupati Temanggung", "party": 0, "on_behalf_of": None,
                         "span": None},
                        {"name": None, "title": "Kepala Kejari", "party": 1, "on_behalf_of": "Budi",
                         "span": None}],
        "witnesses": [{"name": "Ahmad Kamal", "title": "Wakil Bupati", "span": None}],
        "scope": [{"text": f"penanganan masalah hukum {n}", "span": None},
                  {"text": "pertimbangan hukum", "span": None}],
        "evidence": [SIGNING],
        "confidence": 0.85,
    }


def make_result(text: str, meta: dict | None = None, *, agreements: int | None = None) -> dict:
    """A result in extract()'s shape: one agreement per 'menandatangani' in TEXT."""
    meta = dict(meta or {})
    path = meta.get("path")
    n = text.count("menandatangani") if agreements is None else agreements
    return ArticleResult.from_dict({
        "article": {"path": path, "id": meta.get("id") or (Path(path).name.split(".")[0] if path else None),
                    "title": meta.get("title"), "dateline": None, "outlet": None,
                    "published": meta.get("published"), "url": meta.get("url"),
                    "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()},
        "agreements": [make_agreement(i) for i in range(1, n + 1)],
        "mentioned": [{"text": "MoU serupa pada 2020", "span": None}] if n else [],
        "warnings": [],
        "extractor": {"version": "test", "mode": "fast"},
    }).to_dict()  # the exact shape extract() gives


def fake_map_extract(items, *, jobs=1, fast=False, engine="local", scheduler=None):
    for item in items:
        item = read_unread(item)   # a file left for the workers to read, read as they do
        if isinstance(item, dict):
            yield item
            continue
        text, meta = item
        if "RAISE" in text:
            yield {"article": {"path": meta.get("path"), "id": meta.get("id")}, "error": "ValueError: boom"}
        else:
            yield make_result(text, meta)


@pytest.fixture
def fake_extraction(monkeypatch):
    import mouextract.cli
    import mouextract.show
    monkeypatch.setattr(mouextract.cli, "map_extract", fake_map_extract)
    monkeypatch.setattr(mouextract.show, "extract", lambda text, meta=None, fast=False, explain=False: make_result(text, meta))


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def articles(tmp_path):
    """A folder of two small articles (one reports a signing) in a nested layout."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(SIGNING + "\n", encoding="utf-8")
    (folder / "sub" / "b.txt").write_text("Rapat membahas rencana kerja sama tahun depan.\n", encoding="utf-8")
    return folder
