"""Stages over hand-built Docs (spaCy's habit): the span groups a stage reads are set by hand, so
a stage is tested without the tokenizer, the readers or the NER model."""
import pytest
import spacy
from spacy.tokens import Doc, Span

import mouextract.reading.orgs  # noqa: F401  registers Span._.party
import mouextract.reading.persons  # noqa: F401  registers Span._.person
from mouextract.context import Context, Event
from mouextract.nlp import RULES_KEY
from mouextract.people import Person
from mouextract.people_stage import roles
from mouextract.parties import named_parties

VOCAB = spacy.blank("xx").vocab
WORDS = "Bupati Sleman Budi menandatangani MoU dengan PT Baja , disaksikan Wakil Bupati Andi di Aula .".split()


def doc_with(words, rules, persons=(), orgs=()) -> Doc:
    doc = Doc(VOCAB, words=words, sent_starts=[True] + [False] * (len(words) - 1))
    doc.spans[RULES_KEY] = [Span(doc, a, b, label=label) for label, a, b in rules]
    person_spans = []
    for a, b, name, title in persons:
        span = Span(doc, a, b)
        span._.person = Person(name, title, span.start_char, span.end_char, (doc[b - 1].idx, span.end_char))
        person_spans.append(span)
    doc.spans["persons"] = person_spans
    org_spans = []
    for a, b in orgs:
        span = Span(doc, a, b)
        span._.party = {"name": span.text, "short": None, "kind": "company", "span": [span.start_char, span.end_char]}
        org_spans.append(span)
    doc.spans["orgs"] = org_spans
    return doc


def context(doc) -> tuple[Context, Event]:
    ctx = Context(text=doc.text, doc=doc, article={})
    return ctx, Event(sentences=[0])


@pytest.fixture
def signing():
    return doc_with(WORDS, [("SIGN", 3, 4), ("AGREEMENT", 4, 5), ("WITNESS", 9, 10)],
                    persons=[(0, 3, "Budi", "Bupati Sleman"), (10, 13, "Andi", "Wakil Bupati")],
                    orgs=[(6, 8)])


def test_roles_stage_reads_the_persons_group(signing):
    ctx, ev = context(signing)
    signers, witnesses = roles(ctx, ev, [0])
    assert ([p.name for p in signers], [p.name for p in witnesses]) == (["Budi"], ["Andi"])


def test_roles_stage_records_the_rule_of_each_role(signing):
    ctx, ev = context(signing)
    signers, witnesses = roles(ctx, ev, [0])
    assert (signers[0].rule, witnesses[0].rule) == ("signatory.active_subject", "witness.passive")


def test_parties_stage_reads_the_orgs_group(signing):
    ctx, ev = context(signing)
    assert [p["name"] for p in named_parties(ctx, ev)] == ["PT Baja"]
