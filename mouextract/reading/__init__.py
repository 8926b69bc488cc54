"""The reading layer: spaCy components that mark what an article mentions, once, on the Doc.

Each module here registers one component, `mou_<name>`, that writes the span group
`doc.spans["<name>"]` (titles, persons, orgs, regions, dates, venues ...), reading only the
Doc's tokens and sentences and the data in patterns/ (through `mouextract.patterns.load`).
What a span carries beyond its text (a region's code, a person's name without degrees) is a
Span extension attribute the module registers. Stages and slot rules read these groups; none
segments the text again.

`COMPONENTS` is their order in the pipeline, after the tokenizer, the sentence splitter and the
span ruler (mouextract/nlp.py): a component may read the groups of those before it.
"""
from __future__ import annotations

COMPONENTS: tuple[str, ...] = ()
