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
from mouextract.text import tokenizable

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


def both_ways(text: str, path: str, monkeypatch, **meta) -> tuple[dict, dict]:
    monkeypatch.delenv(DISABLE_ENV, raising=False)
    with_first_pass = extract(text, {"path": path, **meta})
    monkeypatch.setenv(DISABLE_ENV, "1")
    without = extract(text, {"path": path, **meta})
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


# Invented articles without a cue, each built so that reading only its head would go wrong: the
# first pass must read as far as each needs (or the whole text), and give the same record.
BODY = ("Warga memadati alun-alun sejak pagi untuk menyaksikan pawai budaya. "
        "Panitia menyiapkan tiga panggung hiburan di sekitar lapangan.\n\n") * 6
TRAPS = {
    # the dateline's date has no year: the year comes from a date far down the text
    "year from later date": "Pawai Budaya Meriah di Alun-Alun\n\nBLORA, Senin (11/3) - Warga berkumpul.\n\n"
                            + BODY + "Pawai serupa digelar pada 12 Maret 2019 lalu.\n",
    # ... or from an office holder named far down
    "year from office holder": "Pawai Budaya Meriah di Alun-Alun\n\nBLORA, Selasa (12/4) - Warga berkumpul.\n\n"
                               + BODY + "Acara dibuka Panglima TNI Jenderal Gatot Nurmantyo.\n",
    # the page's stamp at the foot of the page
    "stamp at the end": "Pawai Budaya Meriah di Alun-Alun\n\nBLORA - Warga berkumpul.\n\n" + BODY
                        + "Diterbitkan: 12 Maret 2024 10:15 WIB\n",
    # two stamps that differ leave the page undated
    "stamps that differ": "Kamis, 14 Maret 2024 | 09:00 WIB\n\nPawai Budaya Meriah di Alun-Alun\n\n"
                          "BLORA - Warga berkumpul.\n\n" + BODY + "Jumat, 15 Maret 2024 | 10:00 WIB\n",
    "headline only": "Pawai Budaya Meriah di Alun-Alun",
    "headline and a line": "Pawai Budaya Meriah di Alun-Alun\nBLORA - Warga berkumpul.",
    "one long line": BODY.replace("\n", " ") + "BLORA - Warga.",
    # navigation and short lines: the dateline comes on the seventh line after the headline
    "late dateline": "Beranda / Berita / Daerah\n\nPawai Budaya Meriah di Alun-Alun\n\n"
                     + "".join(f"Foto: dokumentasi panitia pawai budaya {i}\n" for i in range(5))
                     + "Oleh Redaksi\n\nBLORA - Warga berkumpul.\n\n" + BODY,
    # the headline comes after a page path longer than the head first read
    "long page path": "Beranda / " + " / ".join(["Berita Daerah Jawa Tengah"] * 9)
                      + "\nPawai Budaya Meriah di Alun-Alun\nBLORA - Warga berkumpul.\n\n" + BODY,
    # a place on the eighth line after the headline is no dateline, however the text is cut
    "too late dateline": "Pawai Budaya Meriah di Alun-Alun\n\n" + "".join(f"Foto {i}\n" for i in range(7))
                         + "BLORA - Warga berkumpul.\n\n" + BODY,
    # a section name over the headline, and short lines that make few sentences
    "section name": "Opini\nPawai Budaya Meriah di Alun-Alun\nBLORA - Warga berkumpul.\n\n" + BODY,
    # a date written over a line break where the head may be cut
    # a stamp written over a line break where the head would be cut
    "date over a line break": "Pawai Budaya Meriah di Alun-Alun\n\n" + "Foto: dokumentasi panitia pawai\n" * 5
                              + "Kamis,\n14 Maret 2024 | 09:00 WIB\n\nBLORA - Warga berkumpul.\n\n" + BODY,
    "windows line ends": ("Pawai Budaya Meriah di Alun-Alun\r\n\r\nBLORA, Senin (11/3/2024) - Warga.\r\n \r\n"
                          + BODY.replace("\n", "\r\n")),
    "blanks around lines": "  Pawai Budaya Meriah di Alun-Alun  \n \t\n\u00a0\nBLORA - Warga berkumpul. \n\n " + BODY,
}


@pytest.mark.parametrize("name", TRAPS)
def test_same_record_on_articles_that_need_more_than_a_head(name, monkeypatch):
    text = TRAPS[name]
    assert not may_report(text)
    with_first_pass, without = both_ways(text, f"{name}.txt", monkeypatch)
    assert with_first_pass == without


# Invented articles whose cues are glued to what stands beside them: a suffix, punctuation, a
# currency sign, a degree the tokenizer parts ("RpMoU", "MOUDr"). The cue test looks for a cue
# only where a token may begin and end; it must still find each of these.
GLUED_CUES = {
    "suffix -nya": "Kerja Sama Daerah\n\nBLORA - MoU-nya diteken Bupati kemarin.\n",
    "brackets": "Kerja Sama Daerah\n\nBLORA - Nota kesepahaman (MoU) ditandatangani Bupati.\n",
    "stop after capitals": "Kerja Sama Daerah\n\nBLORA - Bupati dan Rektor meneken PKS.\n",
    "slash and comma": "Kerja Sama Daerah\n\nBLORA - Dokumen MoU/PKS,diteken Bupati.\n",
    "hyphen before": "Kerja Sama Daerah\n\nBLORA - Ini ke-MoU yang diteken Bupati.\n",
    "penandatanganan": "Kerja Sama Daerah\n\nBLORA - Penandatanganannya disaksikan warga; perjanjian itu berlaku.\n",
    "tanda-tangan": "Kerja Sama Daerah\n\nBLORA - Bupati menanda-tangani nota kesepahaman.\n",
    "currency sign": "Kerja Sama Daerah\n\nBLORA - Dana RpMoU diteken Bupati.\n",
    "degree parted": "Kerja Sama Daerah\n\nBLORA - Bupati menandatangani MOUDr Andi.\n",
    "quoted": "Kerja Sama Daerah\n\nBLORA - Bupati meneken \u201cMoU\u201d dengan Rektor.\n",
}
# ... and articles where the letters of a cue stand only inside other words: no cue.
INSIDE_WORDS = {
    "names": "Konser Gilmour di Jakarta\n\nJAKARTA - Gilmour menandatangani poster penggemar dan Moammar tampil.\n",
    "bekerja sama": "Warga Bekerja Sama\n\nBLORA - Warga bekerjasama membersihkan saluran dan menandatangani daftar hadir.\n",
}


@pytest.mark.parametrize("name", GLUED_CUES)
def test_cue_glued_to_its_neighbours_is_found_and_keeps_its_record(name, monkeypatch):
    text = GLUED_CUES[name]
    assert may_report(text)
    with_first_pass, without = both_ways(text, f"{name}.txt", monkeypatch)
    assert with_first_pass == without


@pytest.mark.parametrize("name", INSIDE_WORDS)
def test_cue_letters_inside_other_words_are_no_cue(name, monkeypatch):
    text = INSIDE_WORDS[name]
    assert not may_report(text)
    with_first_pass, without = both_ways(text, f"{name}.txt", monkeypatch)
    assert with_first_pass == without


def test_may_cut_wherever_the_tokenizer_cuts():
    """What the word-bounded cue test rests on: wherever a token of the whole text begins or
    ends, `may_cut` says it may."""
    texts = [param.values[1] for param in articles()] + list(GLUED_CUES.values()) + list(TRAPS.values())
    nlp = get_nlp()
    for text in texts:
        doc = nlp.make_doc(tokenizable(text))
        missed = [t.idx for t in doc if not firstpass.may_cut(text, t.idx)] \
            + [t.idx + len(t) for t in doc if not firstpass.may_cut(text, t.idx + len(t))]
        assert missed == [], (text[:60], missed)


@pytest.mark.parametrize("meta", [{"published": "2024-03-15"}, {"url": "https://x.id/2024/03/15/pawai"},
                                  {"url": "https://x.id/2024/03/pawai"}])
def test_same_record_when_the_input_dates_the_article(meta, monkeypatch):
    for name in ("year from later date", "year from office holder", "stamp at the end"):
        with_first_pass, without = both_ways(TRAPS[name], f"{name}.txt", monkeypatch, **meta)
        assert with_first_pass == without


def test_ordinary_article_without_cue_is_parsed_to_its_head_only():
    text = "Pawai Budaya Meriah di Alun-Alun\n\nBLORA, Senin (11/3/2024) - Warga berkumpul.\n\n" + BODY
    doc = firstpass.article_doc(text)
    assert 0 < len(doc.text) < len(text) / 3


def test_yearless_page_date_reads_the_whole_text():
    doc = firstpass.article_doc(TRAPS["year from later date"])
    assert doc.text == TRAPS["year from later date"]


def test_head_tokens_are_the_whole_texts():
    """A head cut where `head_end` cuts is tokenized as the whole text is, up to the cut."""
    texts = [param.values[1] for param in articles()] + list(TRAPS.values())
    nlp = get_nlp()
    for text in texts:
        whole = [(t.idx, t.text, t.whitespace_) for t in nlp.make_doc(text)]
        pos = 0
        while (end := firstpass.head_end(text, pos)) < len(text):
            head = [(t.idx, t.text, t.whitespace_) for t in nlp.make_doc(text[:end])]
            assert head == [t for t in whole if t[0] < end], (text[:80], end)
            pos = end + 1


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
    texts = [param.values[1] for param in articles()] + list(GLUED_CUES.values())
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
    ("Kedua pihak meneken MoU-nya.", True),
    ("Kedua pihak meneken MoUnya.", False),                         # one token: no "mou" in it
    ("Gilmour menandatangani perjanjian.", True),
    ("Gilmour menandatangani surat.", False),                       # "mou" only inside a name
    ("Warga bekerjasama dan menandatangani daftar.", False),       # "kerjasama" inside a word
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
