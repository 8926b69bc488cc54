"""The slot mechanism: every rule row's own examples, and the engine's behaviours one by one
over hand-built Docs (no pipeline, no model)."""
import pytest
import spacy
from spacy.tokens import Doc, Span

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
    left unless its value says right ("A yang diwakili oleh B" and "B, atas nama A": A)."""
    out = []
    for f in fills:
        if f.rule != rule.id:
            continue
        if not f.mentions and f.value is not None:
            out.append(f.value)
        if rule.direction == "both":
            out.append(value_of(f.mentions[1] if f.value == "principal_right" else f.mentions[0]))
        else:
            out += [value_of(m) for m in f.mentions]
    return out


def _examples(kind):
    return [(name, rule, ex) for name in slot_files() for rule in rules(name)
            for ex in (next(r for r in load(f"slots/{name}")["rules"] if r["id"] == rule.id).get("examples") or {}).get(kind) or []]


def _fills(name, text):
    doc = parse(text)
    return fill(doc, list(doc.sents), name)


@pytest.mark.parametrize("name,rule,example", _examples("match"), ids=lambda x: getattr(x, "id", x if isinstance(x, str) else ""))
def test_rule_takes_its_example(name, rule, example):
    assert example["value"] in taken(_fills(name, example["text"]), rule)


@pytest.mark.parametrize("name,rule,example", _examples("no_match"), ids=lambda x: getattr(x, "id", x if isinstance(x, str) else ""))
def test_rule_leaves_its_counter_example(name, rule, example):
    found = taken(_fills(name, example["text"]), rule)
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
