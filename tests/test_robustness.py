"""extract never raises on text it cannot make sense of: a bad article gives no record, not a crash."""
import random
from pathlib import Path

import pytest

import mouextract

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "samples").glob("*.txt"))


def _garbled(seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for path in SAMPLES:
        text = path.read_text(encoding="utf-8")
        words = text.split()
        rng.shuffle(words)
        out += [" ".join(words[:rng.randint(1, len(words))]), text[:rng.randint(0, len(text))],
                text.upper(), text.replace("\n", " ")]
    return out


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_garbled_articles_do_not_raise(seed):
    for text in _garbled(seed):
        result = mouextract.extract(text)
        assert isinstance(result["agreements"], list)


@pytest.mark.parametrize("text", ["", " ", "\n\n", ".", "MoU", "((((", "Bupati, , , dan ,", "1. 2. 3.", "x" * 20000])
def test_odd_texts_give_no_record(text):
    assert mouextract.extract(text)["agreements"] == []


@pytest.mark.parametrize("text", ["Senin (32/13/2023) MoU diteken.", "MoU diteken oleh Prof. Dr."])
def test_a_signing_with_broken_details_keeps_what_it_can(text):
    agreement = mouextract.extract(text)["agreements"][0]
    assert (agreement["type"], (agreement["date"] or {}).get("value"), agreement["signatories"]) == ("nota_kesepahaman", None, [])
