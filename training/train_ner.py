"""Reproduce mouextract's shipped NER model (mouextract/ner_model/) in one command.

    python training/train_ner.py [--data DIR] [--no-train]

1. Converts NERGrit (IndoNLU, MIT; credited in NOTICE) from token-per-line IOB to spaCy DocBin
   files in training/out/corpus/, mapping PERSON/ORGANISATION/PLACE onto PER/ORG/LOC and dropping
   any other label.
   NERGrit as distributed has only train and valid splits. So that the reported scores come from
   sentences the training never saw, not even for picking the best checkpoint, a fixed 10% of
   train is held out as `dev` (checkpoint selection) and the official valid split is `test`.
2. Runs `spacy train training/ner.cfg` (seeded) into training/out/model/.
3. Scores model-best on the test split with `spacy evaluate` (training/out/metrics.json).
4. Copies model-best to mouextract/ner_model/, keeping only what `spacy.load` needs.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training import biluo_tags_to_spans, iob_to_biluo

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out"
CONFIG = HERE / "ner.cfg"
PACKAGE_MODEL = REPO / "mouextract" / "ner_model"
DEFAULT_DATA = REPO.parent / "shared" / "data" / "indonlu-ner"

LABELS = {"PERSON": "PER", "ORGANISATION": "ORG", "PLACE": "LOC"}
SEED = 0
DEV_FRACTION = 0.1
# Tokens glued to the previous / next one when rebuilding sentence text, so that doc.text reads
# like news prose (the model sees the given tokens either way; this only affects the text).
NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "%", "'s"}
NO_SPACE_AFTER = {"(", "["}


def read_iob(path: Path) -> list[tuple[list[str], list[str]]]:
    """Sentences as (tokens, IOB tags) from a blank-line-separated `token<TAB>tag` file."""
    sentences, words, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            if words:
                sentences.append((words, tags))
            words, tags = [], []
            continue
        word, _, tag = line.rpartition("\t")
        words.append(word)
        tags.append(map_tag(tag))
    if words:
        sentences.append((words, tags))
    return sentences


def map_tag(tag: str) -> str:
    """B-PERSON -> B-PER etc.; labels outside LABELS become O."""
    prefix, _, label = tag.partition("-")
    if prefix in ("B", "I") and label in LABELS:
        return f"{prefix}-{LABELS[label]}"
    return "O"


def to_doc(vocab, words: list[str], tags: list[str]) -> Doc:
    spaces = [
        i + 1 < len(words) and words[i + 1] not in NO_SPACE_BEFORE and w not in NO_SPACE_AFTER
        for i, w in enumerate(words)
    ]
    doc = Doc(vocab, words=words, spaces=spaces)
    # iob_to_biluo also repairs an I- tag that opens an entity (treated as B-).
    doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(tags))
    return doc


def convert(data: Path, corpus: Path) -> dict[str, int]:
    nlp = spacy.blank("id")
    train = read_iob(data / "nergrit_ner-grit.train.txt")
    test = read_iob(data / "nergrit_ner-grit.valid.txt")
    order = list(range(len(train)))
    random.Random(SEED).shuffle(order)
    n_dev = round(len(train) * DEV_FRACTION)
    dev_ids = set(order[:n_dev])
    splits = {
        "train": [s for i, s in enumerate(train) if i not in dev_ids],
        "dev": [s for i, s in enumerate(train) if i in dev_ids],
        "test": test,
    }
    corpus.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, sentences in splits.items():
        db = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
        for words, tags in sentences:
            db.add(to_doc(nlp.vocab, words, tags))
        db.to_disk(corpus / f"{name}.spacy")
        counts[name] = len(sentences)
    return counts


def run(*args: str) -> None:
    # Run from the repo root with relative paths: spaCy writes the corpus paths into the shipped
    # config.cfg, which should not depend on where the checkout lives.
    print("+ spacy", " ".join(args), flush=True)
    subprocess.run([sys.executable, "-m", "spacy", *args], check=True, cwd=REPO)


def rel(path: Path) -> str:
    return str(path.relative_to(REPO))


def ship(best: Path, dest: Path) -> None:
    """Copy only the files spacy.load needs (no training-only state), and say where it came from."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(best, dest, ignore=shutil.ignore_patterns("*.pyc", "__pycache__"))
    # The string store only caches the training texts' strings (~0.7 MB): the hash embeddings
    # work on hashes, labels live in ner/moves, and spaCy re-adds strings as it meets them.
    # Predictions were checked identical with and without it.
    (dest / "vocab" / "strings.json").write_text("[]\n", encoding="utf-8")
    meta_path = dest / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        name="mouextract_ner",
        description="Small Indonesian NER (PER, ORG, LOC) for mouextract, trained on NERGrit (IndoNLU).",
        license="MIT",
        # Same range as the project's spaCy dependency, so any 3.8.x loads it without a warning.
        spacy_version=">=3.8.0,<3.9.0",
        sources=[{
            "name": "NERGrit (IndoNLU benchmark)",
            "url": "https://github.com/indobenchmark/indonlu",
            "license": "MIT",
            "author": "PT Gria Inovasi Teknologi (grit-id/nergrit-corpus); IndoNLU authors",
        }],
    )
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with nergrit_ner-grit.*.txt")
    ap.add_argument("--no-train", action="store_true", help="only convert the data")
    args = ap.parse_args()

    corpus = OUT / "corpus"
    counts = convert(args.data, corpus)
    print(f"converted sentences: {counts} -> {corpus}", flush=True)
    if args.no_train:
        return

    model_dir = OUT / "model"
    start = time.monotonic()
    run("train", rel(CONFIG), "--output", rel(model_dir),
        "--paths.train", rel(corpus / "train.spacy"), "--paths.dev", rel(corpus / "dev.spacy"))
    minutes = (time.monotonic() - start) / 60
    print(f"training took {minutes:.1f} min", flush=True)

    best = model_dir / "model-best"
    run("evaluate", rel(best), rel(corpus / "test.spacy"), "--output", rel(OUT / "metrics.json"))
    ship(best, PACKAGE_MODEL)
    print(f"shipped {best} -> {PACKAGE_MODEL}", flush=True)


if __name__ == "__main__":
    main()
