"""Each sample article (written for the project) against its expected record in samples/*.gold.yaml."""
from pathlib import Path

import pytest
import yaml

import mouextract

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "samples").glob("*.txt"))


def _expected(path: Path) -> dict:
    return yaml.safe_load(path.with_name(path.name[:-4] + ".gold.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def results():
    return {p.name: mouextract.extract(p.read_text(encoding="utf-8"), {"path": str(p)}) for p in SAMPLES}


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_relevance(results, path):
    assert bool(results[path.name]["agreements"]) == _expected(path)["relevant"]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_types_and_dates(results, path):
    got = {(a["type"], (a["date"] or {}).get("value")) for a in results[path.name]["agreements"]}
    want = {(a["type"], str(a["date"]) if a["date"] else None) for a in _expected(path)["agreements"]}
    assert got == want


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_venues(results, path):
    got = {(a["place"] or {}).get("venue") for a in results[path.name]["agreements"]}
    want = {a["venue"] for a in _expected(path)["agreements"]}
    assert got == want
