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


# --- the keys the rule language gained for places, dates and scope, one by one ----------------

def built(text: str, sents=(0,), labels=(), groups=None) -> Doc:
    """A Doc of TEXT's space-separated words ("\\n" is a whitespace token), sentences starting at
    the token indexes SENTS, ruler spans LABELS ((label, start, end), ...) and span GROUPS
    ({name: [(start, end) or (start, end, label), ...]})."""
    words = text.split(" ")
    doc = Doc(VOCAB, words=words, sent_starts=[i in sents for i in range(len(words))])
    doc.spans[RULES_KEY] = [Span(doc, a, b, label=label) for label, a, b in labels]
    for name, spans in (groups or {}).items():
        doc.spans[name] = [Span(doc, s[0], s[1], label=s[2] if len(s) > 2 else "") for s in spans]
    return doc


def run(rule: dict, doc: Doc, *, stops=None, contexts=None, sentences=None, **options) -> list[str]:
    data = {"stops": stops or {}, "contexts": contexts or {}, "rules": [{"id": "r", "slot": "s", **rule}]}
    compiled = compile_rules(data)
    given = list(doc.sents) if sentences is None else [list(doc.sents)[k] for k in sentences]
    return taken(fill(doc, given, compiled, **options), compiled[0])


PEOPLE = "Budi dan Ani hadir , lalu Citra menandatangani MoU dengan Dedi di Aula Mawar ."
NAMED = {"persons": [(0, 1), (2, 3), (6, 7), (10, 11)]}
SIGN = [("SIGN", 7, 8), ("AGREEMENT", 8, 9)]


@pytest.mark.parametrize("before,expected", [
    # a phrase is matched whole, as the tokenizer splits it
    ({"words": ["lalu Citra"]}, ["Citra", "Dedi"]),
    ({"words": ["hadir lalu"]}, []),
    # across: a comma must stand between the match and the cue
    ({"words": ["hadir"], "across": {"punct": [","]}}, ["Citra", "Dedi"]),
    ({"words": ["lalu"], "across": {"punct": [","]}}, []),
    # only_across: nothing but these may stand between
    ({"words": ["hadir"], "only_across": {"punct": [","], "words": ["lalu"], "capitalised": True}}, ["Citra", "Dedi"]),
    ({"words": ["hadir"], "only_across": {"punct": [","], "capitalised": True}}, []),
    # opening: only the sentence's first word matches
    ({"words": ["budi"], "opening": True}, ["Citra", "Dedi"]),
    ({"words": ["ani"], "opening": True}, []),
    # unless: a token that passes it never matches
    ({"capitalised": True, "within": 1, "unless": {"words": ["citra"]}}, []),
    ({"capitalised": True, "within": 1, "unless": {"words": ["budi"]}}, ["Citra", "Dedi"]),
    # group: a mention of that span group starts at the token
    ({"group": "persons", "within": 1}, ["Citra", "Dedi"]),
    ({"group": "persons", "within": 1, "unless": {"words": ["citra"]}}, []),
    # word: a token that begins with a letter
    ({"word": True, "within": 2, "unless": {"capitalised": True}}, ["Citra", "Dedi"]),
    # a context named in the file, and a list of contexts that must all hold
    ("after_comma", ["Citra", "Dedi"]),
    (["after_comma", {"words": ["ani"]}], ["Citra", "Dedi"]),
    (["after_comma", {"words": ["eko"]}], []),
])
def test_what_a_context_asks(before, expected):
    doc = built(PEOPLE, labels=SIGN, groups=NAMED)
    rule = {"cue": {"label": "SIGN"}, "before": before, "direction": "sentence", "take": "persons"}
    found = run(rule, doc, contexts={"after_comma": {"words": ["hadir"], "across": {"punct": [","]}}})
    assert found == (["Budi", "Ani", "Citra", "Dedi"] if expected else [])


def test_two_not_before_conditions_must_both_fail():
    doc = built(PEOPLE, labels=SIGN, groups=NAMED)
    rule = {"cue": {"words": ["dengan"]}, "stop": [{"words": ["di"]}], "take": "persons"}
    assert run({**rule, "not_before": [{"words": ["hadir"]}, {"words": ["eko"]}]}, doc) == []
    assert run({**rule, "not_before": [{"words": ["eko"]}, {"words": ["joko"]}]}, doc) == ["Dedi"]


def test_within_counts_words_not_whitespace():
    doc = built("Turut \n menyaksikan Budi .", groups={"persons": [(3, 4)]})
    rule = {"cue": {"words": ["menyaksikan"]}, "before": {"words": ["turut"], "within": 1}, "take": "persons"}
    assert run(rule, doc) == ["Budi"]


def test_words_may_come_from_another_file():
    doc = built("Rapat digelar Senin di Aula .", groups={"venues": [(4, 5)]})
    rule = {"cue": {"words": ["di"]}, "before": {"words": [{"from": "calendar.yml", "key": "weekdays"}], "within": 1},
            "take": "venues"}
    assert run(rule, doc) == ["Aula"]


@pytest.mark.parametrize("cue,expected", [
    # every mention of a group is a cue; attrs keeps those whose extension attribute has a value
    ({"group": "dates"}, ["Senin", "Selasa"]),
    ({"group": "dates", "attrs": {"date.role": "dateline"}}, ["Selasa"]),
    ({"group": "dates", "attrs": {"date.role": None}}, ["Senin"]),
    # outside: not inside a mention of these groups
    ({"group": "dates", "outside": ["quotes"]}, ["Senin"]),
])
def test_a_cue_from_a_span_group(cue, expected):
    from mouextract.dates import Written
    doc = built("Diteken Senin , “ Selasa ” .", groups={"dates": [(1, 2), (4, 5)], "quotes": [(3, 6)]})
    doc.spans["dates"][0]._.date = Written(8, 13, "Senin", "wd_alone")
    doc.spans["dates"][1]._.date = Written(18, 24, "Selasa", "wd_alone", role="dateline")
    compiled = compile_rules({"rules": [{"id": "r", "slot": "date", "cue": cue}]})
    assert [f.cue.text for f in fill(doc, list(doc.sents), compiled)] == expected


def test_a_bracketed_abbreviation_belongs_to_the_cue():
    doc = built("MoU ( PKS ) pengelolaan sampah .", labels=[("AGREEMENT", 0, 1)], groups={"topics": [(4, 6)]})
    rule = {"cue": {"label": "AGREEMENT", "brackets": True}, "opens": {"word": True}, "take": "topics"}
    assert run(rule, doc) == ["pengelolaan sampah"]
    assert run({**rule, "cue": {"label": "AGREEMENT"}}, doc) == []   # the slot would open at "("


SENTENCES = "Budi meneken MoU . Ani hadir . Citra datang . Dedi pulang ."
SENTENCE_STARTS = (0, 4, 7, 10)
FOUR = {"persons": [(0, 1), (4, 5), (7, 8), (10, 11)]}


@pytest.mark.parametrize("sentences,given,expected", [
    (None, [1], ["Ani"]),
    ("all", [1], ["Budi", "Ani", "Citra", "Dedi"]),
    ({"around": 1}, [1], ["Budi", "Citra"]),
    ({"around": 2}, [1], ["Budi", "Citra", "Dedi"]),
    # for each given sentence in turn, those around it
    ({"around": 1}, [3, 0], ["Citra", "Ani"]),
])
def test_which_sentences_a_row_reads(sentences, given, expected):
    doc = built(SENTENCES, sents=SENTENCE_STARTS, groups=FOUR)
    rule = {"cue": {"group": "persons"}, "direction": "sentence", "take": "persons"}
    if sentences is not None:
        rule["sentences"] = sentences
    assert run(rule, doc, sentences=given) == expected


def test_a_set_the_stage_names():
    doc = built(SENTENCES, sents=SENTENCE_STARTS, groups=FOUR)
    sents = list(doc.sents)
    rule = {"cue": {"group": "persons"}, "direction": "sentence", "take": "persons", "sentences": "later"}
    assert run(rule, doc, sentences=[0], sets={"later": [sents[3], sents[2]]}) == ["Dedi", "Citra"]
    with pytest.raises(ValueError, match="reads the sentences 'later', which the caller did not give"):
        run(rule, doc, sentences=[0])


@pytest.mark.parametrize("condition,expected", [
    ({"in_signing": {"words": ["meneken"]}}, ["Ani"]),
    ({"in_signing": {"words": ["hadir"]}}, []),
    ({"not_in_signing": {"words": ["meneken"]}}, []),
    ({"when": ["one_day"]}, ["Ani"]),
    ({"when": ["one_day", "no_stamp"]}, []),
])
def test_conditions_on_the_signing_and_the_stage_facts(condition, expected):
    doc = built(SENTENCES, sents=SENTENCE_STARTS, groups=FOUR)
    rule = {"cue": {"words": ["hadir"]}, "direction": "sentence", "take": "persons", "sentences": "all", **condition}
    assert run(rule, doc, sentences=[0], facts=["one_day"]) == expected


def test_a_row_that_continues_the_list_before():
    doc = built("Budi hadir . Ani pun . Citra pun .", sents=(0, 3, 6), groups={"persons": [(0, 1), (3, 4), (6, 7)]})
    rows = [{"id": "first", "slot": "s", "cue": {"words": ["hadir"]}, "direction": "left", "take": "persons"},
            {"id": "more", "slot": "s", "cue": {"words": ["pun"]}, "direction": "left", "take": "persons",
             "continues": True}]
    compiled = compile_rules({"rules": rows})
    found = fill(doc, list(doc.sents), compiled)
    assert [(f.rule, f.mentions[0].text) for f in found] == [("first", "Budi"), ("more", "Ani"), ("more", "Citra")]
    found = fill(doc, list(doc.sents)[1:], compiled)   # nothing was taken before "Ani pun"
    assert found == []


@pytest.mark.parametrize("row,expected", [
    # keep_cue: the slot opens at the cue's last word
    ({"cue": {"words": ["di bidang"]}, "keep_cue": True, "take": {"group": "topics", "adjacent": True}}, ["bidang hukum"]),
    ({"cue": {"words": ["di bidang"]}, "take": {"group": "topics", "adjacent": True}}, []),
    # skip: words and phrases passed over
    ({"cue": {"words": ["kerja"]}, "skip": ["sama di"], "take": {"group": "topics", "adjacent": True}}, ["bidang hukum"]),
    ({"cue": {"words": ["kerja"]}, "skip": ["sama"], "take": {"group": "topics", "adjacent": True}}, []),
    ({"cue": {"words": ["sama"]}, "skip": ["di bidang"], "take": {"group": "fields", "adjacent": True}}, ["hukum"]),
    # opens: the word where the slot opens must pass
    ({"cue": {"words": ["sama"]}, "skip": ["di bidang"], "opens": {"capitalised": True}, "take": "fields"}, []),
])
def test_where_the_slot_opens(row, expected):
    doc = built("Kerja sama di bidang hukum dan perdata .", groups={"topics": [(3, 5)], "fields": [(4, 5)]})
    assert run(row, doc) == expected


@pytest.mark.parametrize("take,expected", [
    ("regions", ["Riau", "Pekanbaru", "Pekanbaru"]),
    ({"group": "regions", "adjacent": True}, ["Riau"]),
    ({"group": "regions", "adjacent": True, "not_next": {"capitalised": True}}, []),
    ({"group": "regions", "adjacent": True, "not_next": {"capitalised": True, "unless": {"group": "regions"}}}, []),
    ({"group": "regions", "adjacent": True, "next": {"capitalised": True}}, ["Riau"]),
])
def test_the_mention_next_to_the_cue(take, expected):
    doc = built("Teken di Riau Teken MoU di kota Pekanbaru .", groups={"regions": [(2, 3), (7, 8)]})
    assert run({"cue": {"words": ["di"]}, "take": take}, doc) == expected


@pytest.mark.parametrize("attrs,expected", [
    # attrs, as for a cue: only the mentions whose extension attribute has that value
    ({"place.named": True}, ["Aula Mawar"]),
    ({"place.named": False}, ["aula desa"]),
    ({"place.named": [True, False]}, ["Aula Mawar", "aula desa"]),
])
def test_a_take_keeps_the_mentions_whose_attribute_has_a_value(attrs, expected):
    from mouextract.reading.venues import Place
    doc = built("di Aula Mawar dan di aula desa .", groups={"venues": [(1, 3), (5, 7)]})
    doc.spans["venues"][0]._.place = Place(named=True)
    doc.spans["venues"][1]._.place = Place(named=False)
    assert run({"cue": {"words": ["di"]}, "take": {"group": "venues", "adjacent": True, "attrs": attrs}}, doc) == expected


def test_a_region_before_another_region_is_no_longer_name():
    doc = built("Teken di Sleman Yogyakarta .", groups={"regions": [(2, 3), (3, 4)]})
    take = {"group": "regions", "adjacent": True, "not_next": {"capitalised": True, "unless": {"group": "regions"}}}
    assert run({"cue": {"words": ["di"]}, "take": take}, doc) == ["Sleman"]


@pytest.mark.parametrize("stop,expected", [
    # prev: the token before the stop word must pass
    ({"words": ["yang"], "prev": {"punct": [","]}}, ["Ani"]),
    ({"words": ["yang"]}, []),
    # a stop phrase, and `next` tested after the whole phrase
    ({"words": ["yang hadir"], "next": {"capitalised": True}}, []),
    ({"words": ["yang hadir"], "next": {"words": ["bersama"]}}, ["Ani", "Citra"]),
])
def test_what_a_stop_asks(stop, expected):
    doc = built("dengan yang hadir Ani , yang datang Citra .", groups={"persons": [(3, 4), (7, 8)]})
    assert run({"cue": {"words": ["dengan"]}, "stop": [stop], "take": "persons"}, doc) == expected


@pytest.mark.parametrize("row,expected", [
    ({}, ["Ani"]),
    # over_brackets: a stop inside brackets does not close the window
    ({"over_brackets": True}, ["Ani", "Citra"]),
    # over_lines: the window goes on over a line broken inside a list
    ({"over_brackets": True, "over_lines": True}, ["Ani", "Citra", "Dedi"]),
])
def test_windows_over_brackets_and_lines(row, expected):
    text = "meliputi Ani ( ; Citra ) \n dedi Dedi ."
    doc = built(text, sents=(0, 7), groups={"persons": [(1, 2), (4, 5), (8, 9)]})
    rule = {"cue": {"words": ["meliputi"]}, "stop": [{"punct": [";", "."]}], "take": "persons", **row}
    assert run(rule, doc) == expected


def test_a_reader_reads_a_list():
    doc = built("Isinya meliputi riset , magang , dan beasiswa .")
    rule = {"cue": {"words": ["meliputi"]}, "take": {"read": "list"}, "stop": [{"punct": ["."]}]}
    assert run(rule, doc) == ["riset", "magang", "beasiswa"]


def test_an_unknown_reader_is_an_error_in_the_file():
    with pytest.raises(ValueError, match="unknown reader 'table'"):
        compile_rules({"rules": [{"id": "r", "slot": "s", "cue": {"words": ["di"]}, "take": {"read": "table"}}]})


def test_choose_first_the_first_row_that_takes_wins_and_what_it_took_opens_nothing():
    doc = built("menandatangani MoU dengan Ani dan Budi , disaksikan Citra .", labels=[("SIGN", 0, 1)],
                groups={"persons": [(3, 4), (5, 6), (8, 9)]})
    rows = [{"id": "counterpart", "slot": "s", "cue": {"words": ["dengan"]}, "take": "persons"},
            {"id": "any", "slot": "s", "cue": {"words": ["dengan", "dan", "disaksikan"]}, "take": "persons"}]
    everything = fill(doc, list(doc.sents), compile_rules({"rules": rows}))
    assert [(f.rule, f.cue.text) for f in everything] == [
        ("counterpart", "dengan"), ("any", "dengan"), ("any", "dan"), ("any", "disaksikan")]
    first = fill(doc, list(doc.sents), compile_rules({"choose": "first", "rules": rows}))
    assert [(f.rule, f.cue.text) for f in first] == [("counterpart", "dengan")]


def test_a_stage_asks_whether_a_named_context_holds_in_a_sentence():
    from mouextract.slots import holds
    doc = built("Acara digelar di Aula . Warga datang .", sents=(0, 5))
    first, second = doc.sents
    assert (holds(doc, first, "place.yml", "event_verb"), holds(doc, second, "place.yml", "event_verb")) == (True, False)


def test_the_mention_next_to_a_cue_on_its_left():
    doc = built("Budi dan Ani menandatangani MoU .", labels=[("SIGN", 3, 4)], groups={"persons": [(0, 1), (2, 3)]})
    rule = {"cue": {"label": "SIGN"}, "direction": "left", "take": {"group": "persons", "adjacent": True}}
    assert run(rule, doc) == ["Ani"]


@pytest.mark.parametrize("context,expected", [
    # unless_after / unless_before: the context fails when that test matches on that side
    ({"words": ["usai"], "opening": True, "unless_after": {"punct": [","]}}, []),
    ({"words": ["usai"], "opening": True, "unless_after": {"punct": [";"]}}, ["Aula"]),
    ({"words": ["usai"], "opening": True, "unless_before": {"words": ["rapat"]}}, ["Aula"]),
    ({"words": ["usai"], "opening": True, "unless_before": {"words": ["acara"]}}, []),
])
def test_a_context_spoilt_by_the_other_side(context, expected):
    doc = built("Usai acara di Aula , Bupati pulang .", groups={"venues": [(3, 4)]})
    rule = {"cue": {"words": ["di"]}, "before": context, "take": {"group": "venues", "adjacent": True}}
    assert run(rule, doc) == expected


def test_a_named_context_may_be_a_list_none_of_which_may_hold():
    contexts = {"after_signing": [{"words": ["usai"], "opening": True, "across": {"punct": [","]}},
                                  {"words": ["usai"], "opening": True, "unless_after": {"punct": [","]}}]}
    rule = {"cue": {"words": ["di"]}, "not_before": "after_signing", "take": {"group": "venues", "adjacent": True}}
    in_first_clause = built("Usai acara di Aula , Bupati pulang .", groups={"venues": [(3, 4)]})
    after_the_comma = built("Usai acara , Bupati pulang di Aula .", groups={"venues": [(6, 7)]})
    without_comma = built("Usai acara Bupati pulang di Aula .", groups={"venues": [(5, 6)]})
    assert [run(rule, d, contexts=contexts) for d in (in_first_clause, after_the_comma, without_comma)] == [["Aula"], [], []]


def test_a_stop_asks_the_token_after_it_even_past_the_sentence_end():
    doc = built("Isinya meliputi riset dan magang ini Bupati datang .", sents=(0, 6))
    rule = {"cue": {"words": ["meliputi"]}, "take": {"read": "list"},
            "stop": [{"words": ["ini"], "next": {"word": True}}]}
    assert run(rule, doc, sentences=[0]) == ["riset dan magang"]   # not "... magang ini"


def test_the_rows_of_one_slot_are_a_file_of_their_own():
    from mouextract.slots.rules import rows_of
    every = rules("relevance.yml")
    assert [r.id for r in rows_of("relevance.yml", "occasion")] == [r.id for r in every if r.slot == "occasion"]
