"""Every patterns/ file follows the one schema, and every file's own examples hold."""
import pytest

import mouextract
from mouextract.nlp import RULES_KEY, parse
from mouextract.patterns import PatternError, all_files, check, load
from mouextract.resources import load_yaml

FIELD_VALUES = {  # how a record field is read for an example
    "type": lambda a: [a["type"]],
    "date": lambda a: [(a["date"] or {}).get("value")],
    "venue": lambda a: [(a["place"] or {}).get("venue")],
    "city": lambda a: [(a["place"] or {}).get("city")],
    "parties": lambda a: [p["name"] for p in a["parties"]] + [p["short"] for p in a["parties"]],
    "signatories": lambda a: [s["name"] for s in a["signatories"]],
    "signatory_titles": lambda a: [s["title"] for s in a["signatories"]],
    "on_behalf_of": lambda a: [s["on_behalf_of"] for s in a["signatories"]],
    "witnesses": lambda a: [w["name"] for w in a["witnesses"]],
    "scope": lambda a: [s["text"] for s in a["scope"]],
    "agreements": lambda a: ["record"],
}


@pytest.mark.parametrize("name", all_files())
def test_file_follows_schema(name):
    assert check(name, load_yaml(name)) == []


def _examples(kind):
    return [(name, ex) for name in all_files()
            for ex in (load_yaml(name).get("examples") or {}).get(kind) or []]


def found(example) -> list:
    """What the example's text gives for its label, group or field."""
    if "field" in example:
        result = mouextract.extract(example["text"], example.get("meta"))
        return [v for a in result["agreements"] for v in FIELD_VALUES[example["field"]](a) if v]
    doc = parse(example["text"])
    if "label" in example:
        return [s.id_ if "id" in example else s.label_ for s in doc.spans[RULES_KEY] if s.label_ == example["label"]]
    group = example["group"]
    spans = list(doc) if group == "tokens" else list(doc.sents) if group == "sents" else list(doc.spans.get(group, []))
    return [s.text for s in spans]


def _expected(example):
    if "label" in example:
        return example.get("id", example["label"])
    return example.get("span", example.get("value"))


@pytest.mark.parametrize("name,example", _examples("match"), ids=lambda x: x if isinstance(x, str) else x["text"][:40])
def test_match_example(name, example):
    assert _expected(example) in found(example), f"{name}: {example}"


@pytest.mark.parametrize("name,example", _examples("no_match"), ids=lambda x: x if isinstance(x, str) else x["text"][:40])
def test_no_match_example(name, example):
    expected = _expected(example)
    if expected is None:
        assert found(example) == [], f"{name}: {example}"
    else:
        assert expected not in found(example), f"{name}: {example}"


EXAMPLES = {"examples": {"match": [{"text": "x", "label": "X"}]}}


@pytest.mark.parametrize("data,problem", [
    ({"kind": "rules", "note": "n", **EXAMPLES, "patterns": [{"pattern": [{"LOWER": "x"}]}]},
     "bad.yml: pattern 0: missing 'label'"),
    ({"kind": "rules", "note": "n", **EXAMPLES, "patterns": [{"label": "X", "pattern": [], "colour": 1}]},
     "bad.yml: pattern 0: unknown field(s) ['colour']"),
    ({"kind": "rules", "note": "n", **EXAMPLES, "patterns": []}, "bad.yml: no patterns"),
    ({"kind": "lexicon", "note": "n", **EXAMPLES}, "bad.yml: lexicon without 'entries'"),
    ({"kind": "lexicon", "note": "n", **EXAMPLES, "entries": {"ranks": "AKBP"}}, "bad.yml: entries.ranks must be a list of words"),
    ({"kind": "words"}, "bad.yml: 'kind' must be one of rules, lexicon, data, slots, not 'words'"),
    ({"kind": "data", **EXAMPLES, "table": {}}, "bad.yml: needs a 'note'"),
    ({"kind": "data", "note": "n", "table": {}}, "bad.yml: needs examples (match and/or no_match) that the tests run"),
    ({"kind": "data", "note": "n", "examples": {"match": [{"text": "x", "group": "persons"}]}, "t": 1},
     "bad.yml: examples.match 0: a match on a group needs the 'span' it finds"),
    ({"kind": "data", "note": "n", "examples": {"match": [{"text": "x", "label": "A", "field": "date"}]}, "t": 1},
     "bad.yml: examples.match 0: needs exactly one of 'label', 'group' or 'field'"),
    ({"kind": "slots", "note": "n", **EXAMPLES, "rules": [{"id": "a", "slot": "s", "cue": {}, "colour": 1}]},
     "bad.yml: rule 0: unknown field(s) ['colour']"),
    ({"kind": "slots", "note": "n", **EXAMPLES, "rules": [{"id": "a", "slot": "s", "cue": {}}, {"id": "a", "slot": "s", "cue": {}}]},
     "bad.yml: rule 1: id 'a' used twice"),
    ({"kind": "slots", "note": "n", "rules": [{"id": "a", "slot": "s", "cue": {"word": ["di"]}}]},
     "bad.yml: rule 0: unknown key(s) ['word'] in cue"),
    ({"kind": "slots", "note": "n", "rules": [{"id": "a", "slot": "s", "cue": {}, "before": "heading"}]},
     "bad.yml: rule 0: before: 'heading' is not one of the file's contexts"),
    ({"kind": "slots", "note": "n", "rules": [{"id": "a", "slot": "s", "cue": {}, "not_before": [{"words": ["x"], "across": {"within": 1}}]}]},
     "bad.yml: rule 0: unknown key(s) ['within'] in not_before.across"),
    ({"kind": "slots", "note": "n", "rules": [{"id": "a", "slot": "s", "cue": {}, "take": {"group": "venues", "next_to": True}}]},
     "bad.yml: rule 0: unknown key(s) ['next_to'] in take"),
    ({"kind": "slots", "note": "n", "rules": [{"id": "a", "slot": "s", "cue": {}, "sentences": {"around": "two"}}]},
     "bad.yml: rule 0: sentences must be all, a set's name or {around: N}"),
    ({"kind": "slots", "note": "n", "choose": "best", "rules": [{"id": "a", "slot": "s", "cue": {}}]},
     "bad.yml: choose must be one of all, first"),
    ({"kind": "slots", "note": "n", "stops": {"x": {"words": ["di"], "after": {}}}, "rules": [{"id": "a", "slot": "s", "cue": {}}]},
     "bad.yml: stop x: unknown key(s) ['after'] in stop"),
])
def test_schema_problem_is_named(data, problem):
    assert problem in check("bad.yml", data)


def test_loading_a_bad_file_names_every_problem(monkeypatch):
    import mouextract.patterns as patterns
    monkeypatch.setattr(patterns, "load_yaml", lambda name: {"kind": "data", "t": 1})
    patterns.load.cache_clear()
    try:
        with pytest.raises(PatternError, match="needs a 'note'\nbad.yml: needs examples"):
            load("bad.yml")
    finally:
        patterns.load.cache_clear()
