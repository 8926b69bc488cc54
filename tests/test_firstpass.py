"""The first pass (firstpass.py) is lossless: every article gets the same record with it as
without it; an article it lets skip the pipeline is one where the rules find no signing word or
no instrument; and its cue test comes from the rule files themselves."""
from __future__ import annotations

import random
import re

import pytest

from mouextract import extract, firstpass
from mouextract.firstpass import DISABLE_ENV, cues_found, may_report, pattern_cue
from mouextract.nlp import RULES_KEY, get_nlp
from mouextract.patterns import RULE_FILES, ruler_patterns
from mouextract.resources import load_yaml

from conftest import DEV_CORPUS, SAMPLES, SHARED

NER_DATA = SHARED / "data" / "indonlu-ner"


def articles() -> list:
    paths = sorted(SAMPLES.glob("*.txt")) + (sorted(DEV_CORPUS.glob("*.txt")) if DEV_CORPUS.is_dir() else [])
    return [pytest.param(str(p), p.read_text(encoding="utf-8"), id=p.name) for p in paths]


def decued(text: str) -> str:
    """TEXT with every signing word the first pass looks for blotted out (same length, so every
    span stays put): an article that reports nothing, its headline, dateline and stamp intact."""
    signing = firstpass.cue_test()[0]
    words = {w for cue in signing for need in cue.needs for w in need.words}
    regexes = [need.regex for cue in signing for need in cue.needs if need.regex is not None]
    blot = re.compile("|".join([re.escape(w) for w in sorted(words, key=len, reverse=True)]
                               + [r.pattern for r in regexes]), re.IGNORECASE)
    return blot.sub(lambda m: "x" * len(m.group()), text)


def both_ways(text: str, path: str, monkeypatch) -> tuple[dict, dict]:
    monkeypatch.delenv(DISABLE_ENV, raising=False)
    with_first_pass = extract(text, {"path": path})
    monkeypatch.setenv(DISABLE_ENV, "1")
    without = extract(text, {"path": path})
    monkeypatch.delenv(DISABLE_ENV)
    return with_first_pass, without


@pytest.mark.parametrize("path, text", articles())
def test_same_record_with_and_without_first_pass(path, text, monkeypatch):
    with_first_pass, without = both_ways(text, path, monkeypatch)
    assert with_first_pass == without


@pytest.mark.parametrize("path, text", articles())
def test_article_without_cue_skips_and_keeps_its_record(path, text, monkeypatch):
    text = decued(text)
    assert not may_report(text)
    with_first_pass, without = both_ways(text, path, monkeypatch)
    assert with_first_pass == without
    assert with_first_pass["agreements"] == [] and with_first_pass["mentioned"] == []


def crawl_articles(n: int) -> list[str]:
    """Unrelated news-like articles made of NER sentences (../shared/data/indonlu-ner)."""
    path = NER_DATA / "nergrit_ner-grit.train.txt"
    if not path.exists():
        pytest.skip("../shared/data/indonlu-ner is not present")
    sentences, words = [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip():
            words.append(line.split("\t")[0])
        elif words:
            sentences.append(re.sub(r" ([.,;:!?)])", r"\1", " ".join(words)))
            words = []
    rng = random.Random(13)
    out = []
    for _ in range(n):
        body = rng.sample(sentences, rng.randint(6, 16))
        out.append(f"{body[0][:70]}\n\nJAKARTA - {' '.join(body[1:4])}\n\n{' '.join(body[4:])}\n")
    return out


def test_same_record_on_unrelated_news(monkeypatch):
    for i, text in enumerate(crawl_articles(60)):
        with_first_pass, without = both_ways(text, f"crawl/{i}.txt", monkeypatch)
        assert with_first_pass == without


def rule_labels(text: str) -> set[str]:
    doc = get_nlp()(text)
    return {sp.label_ for sp in doc.spans[RULES_KEY]}


def sentences_to_probe() -> list[str]:
    texts = [param.values[1] for param in articles()]
    pieces = [s for t in texts for s in re.split(r"(?<=[.!?])\s+|\n+", t) if s.strip()]
    return pieces + texts


def test_cue_found_wherever_the_rules_find_its_labels():
    """The superset claim itself: where the ruler finds a label of a group, so does the test."""
    missed = []
    for text in sentences_to_probe():
        labels = rule_labels(text)
        for found, group in zip(cues_found(text), firstpass.CUE_GROUPS):
            if labels & set(group) and not found:
                missed.append((group, text))
    assert missed == []


def rule_examples() -> list:
    """The match examples of the rule files for the labels the first pass looks for."""
    return [pytest.param(ex, group, id=ex["text"][:40])
            for name in RULE_FILES for ex in load_yaml(name).get("examples", {}).get("match", [])
            for group, labels in enumerate(firstpass.CUE_GROUPS) if ex["label"] in labels]


@pytest.mark.parametrize("example, group", rule_examples())
def test_rule_file_examples_are_cues(example, group):
    assert list(cues_found(example["text"]))[group]


def test_every_cue_group_has_patterns_the_test_can_read():
    """Otherwise the first pass lets every article through (lossless, but no faster)."""
    assert firstpass.cue_test() is not None
    assert all(any(p["label"] in group for p in ruler_patterns()) for group in firstpass.CUE_GROUPS)


@pytest.mark.parametrize("pattern", [
    "nota kesepahaman",                      # a phrase string: its tokens are unknown
    [{"IS_DIGIT": True}],                    # a shape test
    [{"LOWER": {"REGEX": "^teken$"}}],       # a regex that looks around its match
    [{"LOWER": "akan", "OP": "?"}],          # nothing required
])
def test_pattern_without_readable_cue_gives_none(pattern):
    assert pattern_cue(pattern) is None


@pytest.mark.parametrize("text, cue", [
    ("Kedua pihak menandatangani nota kesepahaman.", True),
    ("Kedua pihak menandatangani nota\nkesepahaman.", False),   # a line break splits the tokens
    ("Kedua pihak teken MoU.", True),
    ("Tanda tangan warga dikumpulkan untuk kerja bakti.", False),  # no instrument
    ("Perjanjian itu belum dibahas.", False),                      # no signing word
    ("Petisi ditandatangani; perjanjian damai dibahas.", True),
])
def test_may_report(text, cue):
    assert may_report(text) is cue


def test_disabled_by_environment(monkeypatch):
    calls = []
    monkeypatch.setattr(firstpass, "may_report", lambda text: calls.append(text) or False)
    monkeypatch.setenv(DISABLE_ENV, "1")
    extract("Judul\n\nIsi berita.")
    assert calls == []
    monkeypatch.setenv(DISABLE_ENV, "0")
    extract("Judul\n\nIsi berita.")
    assert calls == ["Judul\n\nIsi berita."]
