"""The accuracy gate: the dev corpus scored against pinned per-field F1 floors.

A floor is raised when the tool improves and never lowered silently: a lower floor needs its
own commit that says why. Figures at the time of pinning are in the README ("Accuracy").
"""
from pathlib import Path

import pytest

import mouextract
from mouextract.evaluate import evaluate

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev"

# field -> minimum F1 (relevance: minimum precision; no record from a negative article)
FLOORS = {
    "type": 0.95, "date": 0.97, "venue": 0.97, "city": 0.97, "parties": 0.89,
    "signatories": 0.97, "signatory_titles": 0.95, "witnesses": 0.97, "scope": 0.85,
    "agreements": 0.94, "headline_f1": 0.95,
}


@pytest.fixture(scope="module")
def results():
    if not DEV.is_dir():
        pytest.skip("../shared/corpus/dev is not present")
    return [mouextract.extract(p.read_text(encoding="utf-8"), {"path": str(p)}) for p in sorted(DEV.glob("*.txt"))]


@pytest.fixture(scope="module")
def scores(results):
    return evaluate(DEV, results).scores()


@pytest.mark.parametrize("field,floor", sorted(FLOORS.items()))
def test_field_at_or_above_floor(scores, field, floor):
    value = scores[field] if field == "headline_f1" else scores[field]["f"]
    assert value >= floor, f"{field} F1 {value} fell below its floor {floor}"


def test_no_record_from_negative_articles(scores):
    assert scores["relevance"]["p"] == 1.0


def test_every_indonesian_place_carries_its_region_code(results):
    places = [a["place"] for r in results for a in r["agreements"] if a["place"]]
    assert [p for p in places if p["province"] and not p["region_code"]] == []
