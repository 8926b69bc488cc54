"""Load and check the data files in patterns/.

Three kinds of file, one schema each, used both when the pipeline loads and in the tests:
- `kind: rules`: spaCy span-ruler patterns ({label, id, pattern}) with `examples` the tests run;
- `kind: lexicon`: word lists (`entries`) used by the stages;
- `kind: data`: a module's own tables keyed by concept (calendar.yml, regions.yml, venues.yml).
Every problem in every file is reported at once, naming the file, the entry and the field.
"""
from __future__ import annotations

from functools import lru_cache

from .resources import load_yaml, patterns_dir


class PatternError(ValueError):
    """A patterns/ file does not follow its schema."""


RULE_FILES = ("agreements.yml", "signing.yml", "titles.yml", "institutions.yml")


def _check_rules(name: str, data: dict) -> list[str]:
    problems = []
    for i, p in enumerate(data.get("patterns") or []):
        where = f"{name}: pattern {i}"
        if not isinstance(p, dict):
            problems.append(f"{where}: not a mapping")
            continue
        for field in ("label", "pattern"):
            if field not in p:
                problems.append(f"{where}: missing '{field}'")
        extra = set(p) - {"label", "id", "pattern"}
        if extra:
            problems.append(f"{where}: unknown field(s) {sorted(extra)}")
        if "pattern" in p and not isinstance(p["pattern"], (list, str)):
            problems.append(f"{where}: 'pattern' must be a token list or a phrase")
    if not data.get("patterns"):
        problems.append(f"{name}: no patterns")
    for kind in ("match", "no_match"):
        for j, ex in enumerate((data.get("examples") or {}).get(kind) or []):
            if not isinstance(ex, dict) or "text" not in ex or "label" not in ex:
                problems.append(f"{name}: examples.{kind} {j}: needs 'text' and 'label'")
    return problems


def check(name: str, data) -> list[str]:
    """Every schema problem in one patterns/ file (empty when it is fine)."""
    if not isinstance(data, dict):
        return [f"{name}: top level must be a mapping"]
    kind = data.get("kind")
    if kind == "rules":
        return _check_rules(name, data)
    if kind == "lexicon":
        return [] if data.get("entries") else [f"{name}: lexicon without 'entries'"]
    if kind == "data":  # a module's own tables (calendar, regions, venues), keyed by concept
        return [] if len(data) > 1 else [f"{name}: data file without content"]
    return [f"{name}: 'kind' must be 'rules', 'lexicon' or 'data', not {kind!r}"]


def all_files() -> list[str]:
    return sorted(p.name for p in patterns_dir().glob("*.yml"))


@lru_cache(maxsize=None)
def ruler_patterns() -> tuple[dict, ...]:
    """All span-ruler patterns, checked; raises PatternError listing every problem."""
    problems, patterns = [], []
    for name in RULE_FILES:
        data = load_yaml(name)
        problems += check(name, data)
        if not problems:
            patterns += [dict(p, id=p.get("id", p["label"].lower())) for p in data["patterns"]]
    if problems:
        raise PatternError("invalid patterns:\n" + "\n".join(problems))
    return tuple(patterns)


def _alternatives(token: dict) -> list[str | None] | None:
    """The lower-case words a token pattern accepts, or None if it tests anything else."""
    if set(token) - {"LOWER", "OP"} or token.get("OP", "?") != "?" or "LOWER" not in token:
        return None
    value = token["LOWER"]
    if isinstance(value, str):
        words = [value]
    elif isinstance(value, dict) and set(value) == {"IN"}:
        words = [str(w) for w in value["IN"]]
    else:
        return None
    return words + [None] if token.get("OP") == "?" else words


def as_phrases(pattern) -> list[str] | None:
    """A token pattern that only tests lower-case words, spelled out as the phrases it matches.

    spaCy's PhraseMatcher finds thousands of phrases in one hash lookup per token, where the
    token Matcher walks every pattern's state machine; spelled out, the rule files cost a
    fraction of the time. Patterns with REGEX, shape or optional-repeat tests stay token patterns.
    """
    if not isinstance(pattern, list):
        return None
    alternatives = [_alternatives(t) for t in pattern]
    if any(a is None for a in alternatives):
        return None
    phrases = [""]
    for alts in alternatives:
        phrases = [f"{p} {w}".strip() if w else p for p in phrases for w in alts]
        if len(phrases) > 20000:
            return None
    return sorted({p for p in phrases if p})


def lexicon(name: str) -> dict | list:
    data = load_yaml(name)
    problems = check(name, data)
    if problems:
        raise PatternError("invalid patterns:\n" + "\n".join(problems))
    return data["entries"]
