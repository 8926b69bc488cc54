"""The accuracy gate: the dev corpus scored against pinned per-field floors, in two halves.

000-019 are the articles the rules were first developed on; 020-059 were added later and stand
in for the unseen news a user meets, so they are the measure of generality. Each half has its
own floors (F1; relevance: precision, i.e. no record from an article that reports no signing).
A floor is raised when the tool improves and never lowered silently: a lower floor needs its own
commit that says why. Figures at the time of pinning are in the README ("Accuracy").

In CI (CI=true) a missing corpus is a failure, not a skip: a gate that cannot run guards nothing.
"""
import os

import pytest

import mouextract
from mouextract.evaluate import evaluate

from conftest import DEV_CORPUS

# half -> (first, last) article number, inclusive
HALVES = {"000-019": (0, 19), "020-059": (20, 59)}

FLOORS = {  # one field a line, so that raising one floor touches one line
    "000-019": {
        "relevance": 1.0,
        "agreements": 0.99,
        "type": 0.99,
        "date": 0.96,
        "venue": 0.99,
        "city": 0.99,
        "parties": 0.92,
        "signatories": 0.99,
        "signatory_titles": 0.95,
        "witnesses": 0.99,
        "scope": 0.98,
        "headline_f1": 0.98,
    },
    "020-059": {
        "relevance": 1.0,
        "agreements": 0.99,
        "type": 0.99,
        "date": 0.88,
        "venue": 0.96,
        "city": 0.96,
        "parties": 0.91,
        "signatories": 0.97,
        "signatory_titles": 0.96,
        "witnesses": 0.99,
        "scope": 0.87,
        "headline_f1": 0.935,
    },
}


def in_half(half: str):
    first, last = HALVES[half]
    return lambda key: key.isdigit() and first <= int(key) <= last


def corpus_or_skip():
    if not DEV_CORPUS.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{DEV_CORPUS} is missing: CI must run the accuracy gate")
        pytest.skip("../shared/corpus/dev is not present")
    return DEV_CORPUS


@pytest.fixture(scope="module")
def results():
    corpus = corpus_or_skip()
    return [mouextract.extract(p.read_text(encoding="utf-8"), {"path": str(p)})
            for p in sorted(corpus.glob("*.txt"))]


@pytest.fixture(scope="module")
def scores(results):
    return {half: evaluate(DEV_CORPUS, results, keys=in_half(half)).scores() for half in HALVES}


@pytest.mark.parametrize("half,field,floor",
                         [(h, f, v) for h, floors in FLOORS.items() for f, v in sorted(floors.items())])
def test_field_at_or_above_floor(scores, half, field, floor):
    score = scores[half][field]
    value = score if field == "headline_f1" else score["p"] if field == "relevance" else score["f"]
    assert value >= floor, f"{half}: {field} {value} fell below its floor {floor}"


# A date is given only from evidence, never guessed: its precision is pinned on its own (F1 above
# also counts the dates left without a year for want of evidence). 020-059 holds one wrong date:
# 035's second document, whose counterpart had signed it weeks before the regency did.
DATE_PRECISION_FLOORS = {"000-019": 1.0, "020-059": 0.95}


@pytest.mark.parametrize("half,floor", sorted(DATE_PRECISION_FLOORS.items()))
def test_date_precision_at_or_above_floor(scores, half, floor):
    value = scores[half]["date"]["p"]
    assert value >= floor, f"{half}: date precision {value} fell below its floor {floor}"


@pytest.mark.parametrize("half", sorted(HALVES))
def test_every_half_has_articles(half):
    corpus = corpus_or_skip()
    assert [p for p in corpus.glob("*.gold.yaml") if in_half(half)(p.name.split(".")[0])]


def test_every_indonesian_place_carries_its_region_code(results):
    places = [a["place"] for r in results for a in r["agreements"] if a["place"]]
    assert [p for p in places if p["province"] and not p["region_code"]] == []
