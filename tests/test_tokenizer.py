"""The news tokenizer (lazy hyphenated exceptions, primed chunk cache) gives exactly the tokens
of spaCy's Indonesian tokenizer with every exception loaded plus our abbreviations: on every
article we have, on NER sentences, and on abbreviations and reduplications in awkward places."""
from __future__ import annotations

import pickle
import random

import pytest
from spacy.tokenizer import Tokenizer

from mouextract.nlp import get_nlp
from mouextract.tokenizer import HYPHENATED, NewsTokenizer, news_rules

from conftest import DEV_CORPUS, SAMPLES, SHARED

NER_DATA = SHARED / "data" / "indonlu-ner"


def tokens(doc) -> list[tuple[str, str, str]]:
    return [(t.text, t.whitespace_, t.norm_) for t in doc]


@pytest.fixture(scope="module")
def news() -> NewsTokenizer:
    return get_nlp().tokenizer


@pytest.fixture(scope="module")
def reference(news) -> Tokenizer:
    """spaCy's own Tokenizer with every special case loaded from the start (1.5 s to build)."""
    eager, lazy = news_rules()
    return Tokenizer(news.vocab, rules={**lazy, **eager}, prefix_search=news.prefix_search,
                     suffix_search=news.suffix_search, infix_finditer=news.infix_finditer,
                     token_match=news.token_match, url_match=news.url_match)


def fresh(news: NewsTokenizer) -> NewsTokenizer:
    _, lazy = news_rules()
    return NewsTokenizer(news.vocab, rules=news_rules()[0], prefix_search=news.prefix_search,
                         suffix_search=news.suffix_search, infix_finditer=news.infix_finditer,
                         token_match=news.token_match, url_match=news.url_match, lazy_rules=lazy)


def corpus_texts() -> list[str]:
    paths = sorted(SAMPLES.glob("*.txt")) + (sorted(DEV_CORPUS.glob("*.txt")) if DEV_CORPUS.is_dir() else [])
    return [p.read_text(encoding="utf-8") for p in paths]


def ner_sentences() -> list[str]:
    sentences = []
    for path in sorted(NER_DATA.glob("*.txt")):
        words = []
        for line in path.read_text(encoding="utf-8").splitlines() + [""]:
            if line.strip():
                words.append(line.split("\t")[0])
            elif words:
                sentences.append(" ".join(words))
                words = []
    return sentences


def test_articles_tokenize_as_with_every_exception_loaded(news, reference):
    texts = corpus_texts()
    assert texts
    assert [tokens(news(t)) for t in texts] == [tokens(reference(t)) for t in texts]


def test_ner_sentences_tokenize_as_with_every_exception_loaded(news, reference):
    sentences = ner_sentences()
    if not sentences:
        pytest.skip("../shared/data/indonlu-ner is not present")
    sentences = random.Random(13).sample(sentences, min(len(sentences), 1500))  # of 9,441: seconds each 1,000
    differ = [s for s in sentences if tokens(news(s)) != tokens(reference(s))]
    assert differ == []


# Where an exception can be written: alone, in brackets, before punctuation, glued to a currency
# sign or another word by a slash, with a clitic, spaced out, twice in a row, inside a longer word.
CONTEXTS = ["{k}", "({k})", "{k},", "{k}.", '"{k}"', "x/{k}/y", "{k}-nya", "Rp{k}", "{k} - {k}",
            "{k}-{k}", "ke{k}an", "{spaced}", "{k}/{spaced}", "a {spaced}, {k}.", "{k}\n{k}"]


def awkward_texts(keys: list[str]) -> list[str]:
    return [c.format(k=k, spaced=k.replace("-", " - ").replace(".", " . ")) for k in keys for c in CONTEXTS]


def test_reduplications_tokenize_as_with_every_exception_loaded(news, reference):
    _, lazy = news_rules()
    keys = random.Random(13).sample(sorted(lazy), 400) + ["orang-orang", "Orang-Orang", "kerja-kerja", "ORANG-ORANG"]
    texts = awkward_texts(keys)
    assert [tokens(news(t)) for t in texts] == [tokens(reference(t)) for t in texts]


def test_abbreviations_tokenize_as_with_every_exception_loaded(news, reference):
    eager, _ = news_rules()
    keys = sorted(k for k in eager if "." in k)
    texts = awkward_texts(keys) + [f"Dr. {k} Budi, {k}, M.Si." for k in keys]
    assert [tokens(news(t)) for t in texts] == [tokens(reference(t)) for t in texts]


@pytest.mark.parametrize("text, expected", [
    ("orang-orang datang", ["orang-orang", "datang"]),
    ("(kupu-kupu)", ["(", "kupu-kupu", ")"]),
    ("kerja-sama", ["kerja", "-", "sama"]),
    ("Drs. H. Budi Santoso, M.Si., hadir", ["Drs.", "H.", "Budi", "Santoso", ",", "M.Si.", ",", "hadir"]),
    ("Plt.Walikota", ["Plt.", "Walikota"]),
    # a date or a number in brackets is no emoticon ("8)")
    ("Selasa (15/8).", ["Selasa", "(", "15", "/", "8", ")", "."]),
    ("ayat (8) pasal", ["ayat", "(", "8", ")", "pasal"]),
])
def test_tokens(news, text, expected):
    assert [t.text for t in news(text)] == expected


def test_tokens_do_not_depend_on_what_came_before(news):
    texts = corpus_texts()[:12] + awkward_texts(["orang-orang", "Dr.", "M.Si."])
    forward, backward = fresh(news), fresh(news)
    first = [tokens(forward(t)) for t in texts]
    last = [tokens(backward(t)) for t in reversed(texts)][::-1]
    assert first == last


def test_lazy_exceptions_split_only_next_to_a_hyphen(news):
    """What makes the stretches scanned for them enough (tokenizer.py's docstring)."""
    _, lazy = news_rules()
    plain = Tokenizer(news.vocab, prefix_search=news.prefix_search, suffix_search=news.suffix_search,
                      infix_finditer=news.infix_finditer, token_match=news.token_match, url_match=news.url_match)
    for key in lazy:
        assert HYPHENATED.fullmatch(key)
        at = 0
        for tok in list(plain(key))[:-1]:
            at += len(tok.text)
            assert "-" in key[at - 1:at + 1], (key, [t.text for t in plain(key)])


def test_pickled_tokenizer_keeps_its_lazy_exceptions(news):
    text = "Anak-anak bermain kejar-kejaran."
    again = pickle.loads(pickle.dumps(news))
    assert tokens(again(text)) == tokens(news(text))
    assert [t.text for t in again(text)] == ["Anak-anak", "bermain", "kejar-kejaran", "."]

