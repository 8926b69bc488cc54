"""Records are frozen dataclasses whose field order is the output order, and their plain-data
form survives a round trip unchanged (JSONL and the dataset file rely on it)."""
import dataclasses
import json

import pytest

import mouextract
from mouextract.records import Agreement, ArticleInfo, ArticleResult, DateValue, Party, Place, Signatory

from conftest import SAMPLES, make_result


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_a_result_survives_a_round_trip(path):
    result = mouextract.extract(path.read_text(encoding="utf-8"), {"path": str(path)})
    again = ArticleResult.from_dict(json.loads(json.dumps(result))).to_dict()
    assert again == result


@pytest.mark.parametrize("cls,keys", [
    (ArticleInfo, ["path", "id", "title", "dateline", "outlet", "published", "url", "sha256"]),
    (Party, ["name", "short", "kind", "span"]),
    (Signatory, ["name", "title", "party", "on_behalf_of", "span"]),
    (Place, ["venue", "city", "province", "region_code", "region_name", "span"]),
])
def test_field_order_is_the_output_order(cls, keys):
    assert list(cls.columns()) == keys


@pytest.mark.parametrize("record", [Party("Pemkab Sleman"), DateValue("2023-03-14", "14/3/2023")])
def test_records_are_frozen(record):
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.name = "x"  # type: ignore[misc]


@pytest.mark.parametrize("explain,has_why", [(False, False), (True, True)])
def test_provenance_is_output_only_when_asked(explain, has_why):
    agreement = Agreement.from_dict(make_result("x menandatangani")["agreements"][0])
    assert ("why" in agreement.to_dict(explain)) is has_why
