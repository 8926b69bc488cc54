"""The slot mechanism: every rule row's own examples, and the engine's behaviours one by one
over hand-built Docs (no pipeline, no model)."""
import pytest
import spacy
from spacy.tokens import Doc, Span

import mouextract
from mouextract.nlp import RULES_KEY, parse
from mouextract.patterns import load
from mouextract.slots import fill, rules
from mouextract.slots.engine import compile_rules, slot_files


def value_of(mention) -> str:
    """A mention as a value: a person's name, an institution's name, else its text."""
    person = mention._.get("person") if mention.has_extension("person") else None
    if person is not None and person.name:
        return person.name
    party = mention._.get("party") if mention.has_extension("party") else None
    return party["name"] if party else mention.text


def taken(fills, rule) -> list[str]:
    """What one rule took. A rule that reads both sides takes the one its slot is about: the
    left unless its value says right ("A yang diwakili oleh B" and "B, atas nama A": A); a
    reader's items are their text."""
    out = []
    for f in fills:
        if f.rule != rule.id:
            continue
        if not f.mentions and not f.items and f.value is not None:
            out.append(f.value)
        if rule.direction == "both":
            out.append(value_of(f.mentions[1] if f.value == "principal_right" else f.mentions[0]))
        else:
            out += [value_of(m) for m in f.mentions]
        out += [f.cue.doc.text[a:b] for a, b in f.items]
    return out


def read_by(rule_id: str, text: str, meta=None) -> list[str]:
    """What extracting TEXT records as read by the rule RULE_ID, in any field of any record (a
    text written for a rule's examples reports a signing)."""
    result = mouextract.extract(text, meta, explain=True)
    assert result["agreements"], f"no record in {text!r}"
    return [" ".join(text[a:b].split()) for a_ in result["agreements"] for why in a_["why"].values()
            for p in why if p["rule"] == rule_id and p["span"] for a, b in [p["span"]]]


def _examples(kind):
    return [(name, rule, ex) for name in slot_files() for rule in rules(name)
            for ex in (next(r for r in load(f"slots/{name}")["rules"] if r["id"] == rule.id).get("examples") or {}).get(kind) or []]


def _found(name, rule, example) -> list[str]:
    """What the rule reads in the example: applied to every sentence of the text (`check:
    fill`), or as the provenance of the record's fields when the text is extracted (`check:
    extraction`)."""
    if load(f"slots/{name}").get("check") == "extraction":
        return read_by(rule.id, example["text"], example.get("meta"))
    doc = parse(example["text"])
    return taken(fill(doc, list(doc.sents), name), rule)


@pytest.mark.parametrize("name,rule,example", _examples("match"), ids=lambda x: getattr(x, "id", x if isinstance(x, str) else ""))
def test_rule_takes_its_example(name, rule, example):
    assert " ".join(example["value"].split()) in _found(name, rule, example)


@pytest.mark.parametrize("name,rule,example", _examples("no_match"), ids=lambda x: getattr(x, "id", x if isinstance(x, str) else ""))
def test_rule_leaves_its_counter_example(name, rule, example):
    found = _found(name, rule, example)
    assert (example["value"] not in found) if "value" in example else found == []


@pytest.mark.parametrize("name", slot_files())
def test_every_rule_compiles(name):
    assert rules(name)


# --- the engine over hand-built Docs ---------------------------------------------------------

VOCAB = spacy.blank("xx").vocab  # lower-case forms without building an Indonesian tokenizer
WORDS = "Budi dan Ani menandatangani MoU dengan Citra di Aula , disaksikan oleh Dedi .".split()
LABELS = {"SIGN": (3, 4), "WITNESS": (10, 11)}
PERSONS = [(0, 1), (2, 3), (6, 7), (12, 13)]


def hand_built() -> Doc:
    doc = Doc(VOCAB, words=WORDS, sent_starts=[True] + [False] * (len(WORDS) - 1))
    doc.spans[RULES_KEY] = [Span(doc, a, b, label=label) for label, (a, b) in LABELS.items()]
    doc.spans["persons"] = [Span(doc, a, b) for a, b in PERSONS]
    return doc


STOPS = {"clause": {"punct": [".", ";"]}, "setting": {"words": ["di"]}, "comma": {"punct": [","]}}


@pytest.mark.parametrize("rule,expected", [
    ({"cue": {"label": "SIGN"}, "direction": "left", "stop": ["clause"]}, ["Budi", "Ani"]),
    ({"cue": {"words": ["dengan"]}, "direction": "right", "stop": ["clause", "setting"]}, ["Citra"]),
    ({"cue": {"words": ["dengan"]}, "direction": "right", "stop": ["clause"]}, ["Citra", "Dedi"]),
    ({"cue": {"words": ["disaksikan"]}, "direction": "right", "skip": ["oleh"], "stop": ["clause"]}, ["Dedi"]),
    ({"cue": {"words": ["dengan"]}, "before": {"labels": ["SIGN"], "within": 1}, "stop": ["setting"]}, []),
    ({"cue": {"words": ["dengan"]}, "before": {"labels": ["SIGN"], "within": 2}, "stop": ["setting"]}, ["Citra"]),
    ({"cue": {"words": ["dengan"]}, "before": {"labels": ["SIGN"], "not_across": ["mou"]}, "stop": ["setting"]}, []),
    ({"cue": {"label": "SIGN", "prefix": ["di"]}, "direction": "left", "stop": ["clause"]}, []),
    ({"cue": {"label": "SIGN", "prefix": ["me"]}, "direction": "left", "stop": ["clause"]}, ["Budi", "Ani"]),
    ({"cue": {"label": "SIGN"}, "direction": "sentence"}, ["Budi", "Ani", "Citra", "Dedi"]),
    ({"cue": {"words": ["disaksikan"]}, "direction": "left", "stop": ["comma"]}, []),
    ({"cue": {"words": ["disaksikan"]}, "not_in_sentence": {"words": ["aula"]}, "direction": "right"}, []),
    ({"cue": {"words": ["di"]}, "direction": "none", "value": "setting"}, ["setting"]),
])
def test_what_a_rule_takes(rule, expected):
    compiled = compile_rules({"stops": STOPS, "rules": [{"id": "r", "slot": "s", "take": "persons", **rule}]})
    doc = hand_built()
    assert taken(fill(doc, list(doc.sents), compiled), compiled[0]) == expected


def test_both_sides_pair_the_nearest_mentions():
    rule = {"id": "r", "slot": "s", "cue": {"words": ["menandatangani"]}, "direction": "both", "take": "persons",
            "stop": ["setting"]}
    doc = hand_built()
    (found,) = fill(doc, list(doc.sents), compile_rules({"stops": STOPS, "rules": [rule]}))
    assert [m.text for m in found.mentions] == ["Ani", "Citra"]
