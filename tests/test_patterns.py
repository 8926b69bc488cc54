"""Every patterns/ file follows its schema, and every rules file's own examples hold."""
import pytest

from mouextract.nlp import RULES_KEY, parse
from mouextract.patterns import all_files, check
from mouextract.resources import load_yaml


@pytest.mark.parametrize("name", all_files())
def test_file_follows_schema(name):
    assert check(name, load_yaml(name)) == []


def _examples(kind):
    out = []
    for name in all_files():
        data = load_yaml(name)
        if data.get("kind") == "rules":
            out += [(name, ex) for ex in (data.get("examples") or {}).get(kind) or []]
    return out


@pytest.mark.parametrize("name,example", _examples("match"), ids=lambda x: x if isinstance(x, str) else x["text"][:40])
def test_match_example(name, example):
    doc = parse(example["text"])
    spans = [s for s in doc.spans[RULES_KEY] if s.label_ == example["label"]]
    assert spans, f"{name}: no {example['label']} in {example['text']!r}"
    if "id" in example:
        assert example["id"] in {s.id_ for s in spans}


@pytest.mark.parametrize("name,example", _examples("no_match"), ids=lambda x: x if isinstance(x, str) else x["text"][:40])
def test_no_match_example(name, example):
    doc = parse(example["text"])
    labels = {s.label_ for s in doc.spans[RULES_KEY]}
    assert example["label"] not in labels


@pytest.mark.parametrize("data,problem", [
    ({"kind": "rules", "patterns": [{"pattern": [{"LOWER": "x"}]}]}, "bad.yml: pattern 0: missing 'label'"),
    ({"kind": "rules", "patterns": [{"label": "X", "pattern": [], "colour": 1}]}, "bad.yml: pattern 0: unknown field(s) ['colour']"),
    ({"kind": "rules", "patterns": []}, "bad.yml: no patterns"),
    ({"kind": "lexicon"}, "bad.yml: lexicon without 'entries'"),
    ({"kind": "words"}, "bad.yml: 'kind' must be 'rules', 'lexicon' or 'data', not 'words'"),
])
def test_schema_problem_is_named(data, problem):
    assert problem in check("bad.yml", data)
