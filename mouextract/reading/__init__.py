"""The reading layer: spaCy components that mark what an article mentions, once, on the Doc.

Each module here registers one component, `mou_<name>`, that writes the span group
`doc.spans["<name>"]` (titles, persons, orgs, regions, dates, venues ...), reading only the
Doc's tokens and sentences, the groups of the components before it, and the data in patterns/
(through `mouextract.patterns.load`). What a span carries beyond its text (a region's code, a
person's name without degrees) is a Span extension attribute the module registers. Stages and
slot rules read these groups; none segments the text again.

`COMPONENTS` is their order in the pipeline, after the tokenizer, the sentence splitter and the
span ruler (mouextract/nlp.py), as (component name, module that registers it).
"""
from __future__ import annotations

from importlib import import_module

COMPONENTS: tuple[tuple[str, str], ...] = (
    ("mou_regions", "regions"),
    ("mou_persons", "persons"),
    ("mou_orgs", "orgs"),
    ("mou_venues", "venues"),
    ("mou_dates", "dates"),
    ("mou_office_terms", "office_terms"),
    ("mou_quotes", "quotes"),
)


def register() -> tuple[str, ...]:
    """Import the component modules (which registers them with spaCy); their names in order."""
    for _, module in COMPONENTS:
        import_module(f"{__name__}.{module}")
    return tuple(name for name, _ in COMPONENTS)
