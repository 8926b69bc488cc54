"""Texts that crashed or stalled extraction: the repairs keep every offset, and bound the cost."""
import hashlib
import re

import pytest

import mouextract
from conftest import SAMPLES, SIGNING
from mouextract.nlp import parse
from mouextract.text import KEPT_RUN, MAX_ARTICLE_CHARS, MAX_WORD, tokenizable, without_surrogates

# Each of these took from 4 s to minutes in spaCy's tokenizer (affixes stripped one at a time).
PATHOLOGICAL = ["-" * 8001, "#" * 3000, "(" * 10000, ")" * 10000, "😀" * 5000, '"' * 5000, "([{<" * 2500,
                "'s" * 5000, "-nya" * 5000, "a" + "\u0301" * 5000, "kata " + "=" * 20000 + " kata"]


@pytest.mark.parametrize("text", PATHOLOGICAL, ids=lambda t: f"{t[:6]!r}x{len(t)}")
def test_tokenizable_keeps_the_length_and_bounds_every_word(text):
    out = tokenizable(text)
    assert len(out) == len(text)
    assert max(map(len, out.split())) <= MAX_WORD
    assert not re.search(r"(?:[^\w\s]|_){%d}" % (KEPT_RUN + 1), out)


@pytest.mark.parametrize("text", PATHOLOGICAL[:4], ids=lambda t: f"{t[:6]!r}x{len(t)}")
def test_the_doc_of_a_pathological_text_still_indexes_it(text):
    doc = parse(SIGNING + "\n" + text)
    assert len(doc.text) == len(SIGNING) + 1 + len(text) and doc.text.startswith(SIGNING)


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_articles_are_left_as_they_are(path):
    text = path.read_text(encoding="utf-8")
    assert tokenizable(text) == text


@pytest.mark.parametrize("tail", ["\n" + "-" * 500 + "\n", "\n" + "-nya" * 300])
def test_spans_after_a_blanked_run_index_the_original_text(tail):
    text = "-" * 300 + "\n" + SIGNING + tail
    agreement = mouextract.extract(text)["agreements"][0]
    start, end = agreement["type_span"]
    assert text[start:end].lower() == "nota kesepahaman"


@pytest.mark.parametrize("text", ["Pemkab \ud83d Temanggung menandatangani nota kesepahaman.", "\udc00" + SIGNING, "\ud83d"])
def test_a_lone_surrogate_does_not_crash_extract(text):
    result = mouextract.extract(text, {"title": "Judul \ud83d"})
    clean = without_surrogates(text)
    assert result["article"]["sha256"] == hashlib.sha256(clean.encode("utf-8")).hexdigest()
    assert result["article"]["title"] == "Judul \ufffd" and len(clean) == len(text)


@pytest.mark.parametrize("length", [MAX_ARTICLE_CHARS + 1])
def test_extract_refuses_a_text_longer_than_the_limit_by_name(length):
    with pytest.raises(ValueError) as e:
        mouextract.extract("x" * length)
    assert str(e.value) == (f"the text is {length:,} characters long, more than the 1,000,000 one article may have: "
                            f"split it into articles (one per file, or one per row of a JSONL or CSV dump)")


@pytest.mark.parametrize("length", [MAX_ARTICLE_CHARS])
def test_the_pipeline_reads_up_to_the_limit(length):
    from mouextract.nlp import get_nlp
    assert get_nlp().max_length == length


@pytest.mark.parametrize("text", ["Dr. " * 2000, "Bupati Budi dan " * 600])
def test_no_sentence_runs_past_the_bound(text):
    from mouextract.nlp import MAX_SENTENCE_TOKENS
    assert max(len(s) for s in parse(text).sents) <= MAX_SENTENCE_TOKENS
