"""TokenRules (token patterns matched over the Doc's arrays) leaves the rules span group exactly
as spaCy's span ruler with every pattern does."""
from __future__ import annotations

import pytest
import spacy

from mouextract.nlp import RULES_KEY, _compiled, get_nlp
from mouextract.patterns import ruler_patterns
from mouextract.token_rules import TokenRules

from conftest import DEV_CORPUS, SAMPLES


@pytest.fixture(scope="module")
def stock():
    """The pipeline as before TokenRules: every pattern in one span ruler."""
    nlp = get_nlp()
    ref = spacy.blank("id")
    ref.tokenizer = nlp.tokenizer
    ref.add_pipe("mou_sentences")
    ruler = ref.add_pipe("span_ruler", config={"spans_key": RULES_KEY, "validate": True, "phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(_compiled(ref, ruler_patterns()))
    return ref


def spans(doc) -> list[tuple]:
    return [(s.start, s.end, s.label_, s.id_) for s in doc.spans[RULES_KEY]]


TEXTS = ["Kantor Bupati Sleman", "di kantor camat", "3 tahun lalu, 2 lalu", "Kab. Bogor dan kab. bogor",
         "KOTA BANDUNG, Kota Bandung", "ditandatangani", "penanda-tanganan", "Nda-Tangan NDATANGAN",
         "Provinsi Jawa Tengah", "kabupaten", "", "\n\n",
         # optional tokens ("?") and sentence starts, which TokenRules takes as variants
         "GM MANAGER Manager supervisor, Area Manager", "Dan MoU antara A dan B. Serta PKS antara C. dan mou antara",
         "MoU dilakukan antara A dan B.\nPKS dilaksanakan antara C. Lalu mou dilakukan antara",
         "Plt. Wakil Bupati X, wakil wali kota Y, Plh Sekretaris Jenderal Z",
         "mereka melakukan hal serupa; melakukannya yang sama. Nota kesepakatan bersama"]


def corpus() -> list[str]:
    paths = sorted(SAMPLES.glob("*.txt")) + (sorted(DEV_CORPUS.glob("*.txt")) if DEV_CORPUS.is_dir() else [])
    return [p.read_text(encoding="utf-8") for p in paths] + TEXTS


def test_rules_span_group_is_the_span_rulers(stock):
    nlp = get_nlp()
    texts = corpus()
    assert [spans(nlp(t)) for t in texts] == [spans(stock(t)) for t in texts]


def test_the_matcher_keeps_only_what_token_rules_cannot_take():
    ruler = get_nlp().get_pipe("span_ruler")
    kept = [p["pattern"] for p in ruler.patterns if isinstance(p["pattern"], list)]
    assert ruler.token_rules.patterns  # the rule files have patterns of its shape
    assert [TokenRules().add("X", p) for p in kept] == [False] * len(kept)


@pytest.mark.parametrize("pattern, taken", [
    ([{"LOWER": "kantor"}, {"IS_TITLE": True}], True),
    ([{"LOWER": {"REGEX": "nda-?tangan"}}], True),
    ([{"IS_DIGIT": True}, {"LOWER": {"IN": ["lalu", "silam"]}}], True),
    ([{"LOWER": "akan", "OP": "?"}, {"LOWER": "teken"}], False),   # not of fixed length
    ([{"IS_SENT_START": True, "LOWER": "dan"}, {"LOWER": "mou"}], True),
    ([{"LOWER": {"NOT_IN": ["a"]}}], False),
    ([{"POS": "NOUN"}], False),
    ([{"IS_TITLE": "yes"}], False),
    ("a phrase", False),
])
def test_shapes_taken(pattern, taken):
    assert TokenRules().add("X", pattern) is taken


MATCHED_TEXT = ("Kantor Bupati Sleman 3 tahun lalu. KANTOR Camat di kantor BARU, 12 Maret silam. Dan mou antara "
                "A dan mou B. Penandatanganan nda-tangan. Satu Dua Tiga Empat Lima Enam Tujuh Delapan Sembilan")
NINE_WORDS = ["satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]


@pytest.mark.parametrize("pattern", [
    [{"IS_TITLE": True}, {"IS_TITLE": True}],                                  # flags alone
    [{"IS_DIGIT": True}],
    [{"LOWER": "kantor"}, {"IS_TITLE": True}],                                 # a word, then a flag
    [{"IS_UPPER": True}, {"LOWER": {"IN": ["camat", "bupati"]}}],              # a flag, then words
    [{"LOWER": "kantor", "IS_UPPER": False}, {"IS_UPPER": True}],              # a word and a flag in one token
    [{"LOWER": {"REGEX": "nda-?tangan"}}],
    [{"IS_SENT_START": True, "LOWER": "dan"}, {"LOWER": "mou"}],
    [{"LOWER": {"IN": NINE_WORDS}}, {"IS_TITLE": True}],                     # more words than FEW_WORDS
])
def test_token_rules_match_as_spacys_matcher(pattern):
    from spacy.matcher import Matcher
    nlp = get_nlp()
    doc = nlp(MATCHED_TEXT)
    rules = TokenRules()
    assert rules.add("X", pattern)
    matcher = Matcher(nlp.vocab)
    matcher.add("X", [pattern])
    assert [(s, e) for s, e, _, _ in rules.matches(doc)] == [(s, e) for _, s, e in matcher(doc)]
