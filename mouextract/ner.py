"""Statistical named entities (PER / ORG / LOC) from the small model shipped in the package.

The model (mouextract/ner_model/) is a spaCy tok2vec + ner pipeline trained on NERGrit
(IndoNLU, MIT; see NOTICE) by `python training/train_ner.py`. It is a fallback / helper for the
rule patterns, not a replacement: it is known to mislabel some institutions.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

MODEL_DIR = Path(__file__).resolve().parent / "ner_model"
LABELS = frozenset({"PER", "ORG", "LOC"})

Entity = tuple[int, int, str]


@lru_cache(maxsize=1)
def load():
    """The shipped spaCy pipeline, loaded once per process (loading costs far more than a doc)."""
    if not (MODEL_DIR / "config.cfg").is_file():
        raise FileNotFoundError(
            f"mouextract's NER model is missing at {MODEL_DIR}: "
            "rebuild it with `python training/train_ner.py`, or reinstall the package"
        )
    import spacy  # imported here so modules that never use NER don't pay for it

    _register_plain_tokenizer(spacy)
    # The model's own tokenizer would rebuild spaCy's 16,000 Indonesian exceptions (5 s); the
    # words come from mouextract's pipeline instead (same language rules), so it is left out.
    return spacy.load(MODEL_DIR, exclude=["tokenizer"],
                      config={"nlp": {"tokenizer": {"@tokenizers": PLAIN_TOKENIZER}}})


PLAIN_TOKENIZER = "mouextract.plain_tokenizer.v1"


def _register_plain_tokenizer(spacy) -> None:
    if PLAIN_TOKENIZER in spacy.registry.tokenizers:
        return

    @spacy.registry.tokenizers(PLAIN_TOKENIZER)
    def plain_tokenizer():
        from spacy.tokenizer import Tokenizer

        return lambda nlp: Tokenizer(nlp.vocab)


def _doc(text: str):
    """TEXT as a Doc of the NER model, tokenized by mouextract's Indonesian tokenizer."""
    from spacy.tokens import Doc

    from .nlp import get_nlp
    from .text import tokenizable

    words = get_nlp().make_doc(tokenizable(text))  # symbol runs blanked, as nlp.parse does
    return Doc(load().vocab, words=[t.text for t in words], spaces=[bool(t.whitespace_) for t in words])


def _spans(doc) -> list[Entity]:
    # Span.start_char/end_char are offsets into the text given to the pipeline, so callers can
    # slice their own string; the label filter guards against a retrained model with extra labels.
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in LABELS]


def entities(text: str) -> list[Entity]:
    """(start, end, label) character spans of persons, organisations and places in TEXT."""
    return _spans(load()(_doc(text)))


def entities_many(texts: Iterable[str], batch_size: int = 64) -> Iterator[list[Entity]]:
    """Like `entities` for each text, lazily and in input order; nlp.pipe batches the matrix work."""
    for doc in load().pipe((_doc(t) for t in texts), batch_size=batch_size):
        yield _spans(doc)
