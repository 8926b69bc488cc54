"""A seeded, bounded fuzz run in the suite: random and mutated texts never crash extract, and
every record is JSON that encodes as UTF-8 with its spans inside the text. The same generator
runs 10,000 cases with timing in bench/fuzz.py (speed is measured there, never here)."""
import importlib.util
import json

import pytest

import mouextract
from conftest import ROOT
from mouextract.writers import write_results

_spec = importlib.util.spec_from_file_location("fuzz", ROOT / "bench" / "fuzz.py")
fuzz = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fuzz)

SEEDS = range(4)
PER_SEED = 60  # 240 cases


@pytest.mark.parametrize("seed", SEEDS)
def test_fuzzed_texts_give_valid_records(seed):
    failures = []
    for i, text in enumerate(fuzz.cases(seed, PER_SEED)):
        try:
            result = mouextract.extract(text, {"id": f"fuzz-{seed}-{i}"})
        except Exception as e:  # noqa: BLE001 -- the test reports which case raised
            failures.append(f"case {i}: {type(e).__name__}: {e}")
            continue
        failures += [f"case {i}: {p}" for p in fuzz.problems(text, result)]
    assert failures == []


@pytest.mark.parametrize("seed,fmt", [(0, "jsonl"), (1, "csv"), (2, "yaml")])
def test_fuzzed_records_can_be_written(tmp_path, seed, fmt):
    pairs = [(mouextract.extract(text), text) for text in fuzz.cases(seed, 15)]
    assert write_results(pairs, fmt, tmp_path / f"out.{fmt}", with_text=True) == 15


@pytest.mark.parametrize("seed", [3])
def test_fuzzed_records_can_be_stored(tmp_path, seed):
    from mouextract.db import Database
    with Database(tmp_path / "f.sqlite") as db:
        added = [db.add(mouextract.extract(text), text) for text in fuzz.cases(seed, 15)]
        stored = {r["article"]["sha256"]: r for r in db.results()}
    assert len(stored) == sum(added) and all(json.dumps(r) for r in stored.values())
