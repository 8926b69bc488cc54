"""Load and check the data files in patterns/: one schema for every file.

Every file is a mapping with `kind`, a `note` (the linguistics, for the next reader) and
`examples` the tests run. The kinds:
- `rules`: spaCy span-ruler patterns ({label, id, pattern});
- `lexicon`: word lists (`entries`: a list, or a mapping of named lists) read by the readers;
- `data`: a module's own tables keyed by concept (calendar, regions, venues ...);
- `slots`: slot rules read by the slot engine (mouextract/slots/engine.py, whose docstring
  explains every key): `rules`, rows with id, slot, cue ..., each with its own examples
  `{text, value}` (extracting the text, this rule fills its slot with value); named `stops`
  and `contexts` the rows use by name; `choose: all | first`; `check: fill | extraction`.

An example is `{text, ...}` with one of:
- `label` (and optionally `id`): the span ruler marks that label in the text;
- `group` and `span`: a reader's span group (`doc.spans[group]`, or `tokens` / `sents`)
  holds a span with exactly that text;
- `field` and `value`: extracting the text gives a record whose field holds that value
  (`meta` may give the article's metadata, e.g. `published`).
Under `no_match` the same shapes assert the opposite; without `span`/`value`, that the group or
field is empty. Every problem in every file is reported at once, naming file, entry and field.
Modules read data through `load`, which applies the schema, never through the YAML directly.
"""
from __future__ import annotations

from functools import lru_cache

from .resources import load_yaml, patterns_dir


class PatternError(ValueError):
    """A patterns/ file does not follow its schema."""


RULE_FILES = ("agreements.yml", "signing.yml", "titles.yml", "institutions.yml")
KINDS = ("rules", "lexicon", "data", "slots")
COMMON_KEYS = {"kind", "note", "examples"}
EXAMPLE_SHAPES = ({"label"}, {"group"}, {"field"})
EXAMPLE_KEYS = {"text", "label", "id", "group", "span", "field", "value", "meta", "note"}
SLOT_KEYS = {"id", "slot", "cue", "take", "direction", "skip", "stop", "before", "not_before", "after",
             "not_after", "in_sentence", "not_in_sentence", "in_signing", "not_in_signing", "when", "sentences",
             "continues", "keep_cue", "opens", "over_brackets", "over_lines", "priority", "value", "note", "examples"}
SLOT_FILE_KEYS = {"rules", "stops", "contexts", "choose", "check"}
CUE_KEYS = {"label", "words", "group", "attrs", "prefix", "not_prefix", "outside", "brackets"}
TEST_KEYS = {"words", "labels", "label", "prefix", "punct", "capitalised", "digit", "word", "group", "opening", "unless", "capital"}
CONTEXT_KEYS = TEST_KEYS | {"within", "not_across", "across", "only_across", "start", "unless_before", "unless_after"}
STOP_KEYS = TEST_KEYS | {"next", "not_next", "prev"}
TAKE_KEYS = {"group", "adjacent", "next", "not_next", "attrs"}
SIDES = ("before", "not_before", "after", "not_after", "in_sentence", "not_in_sentence", "in_signing", "not_in_signing")
CHOOSE = ("all", "first")   # not-linguistic: the rule language's own words
CHECK = ("fill", "extraction")   # not-linguistic: the rule language's own words


def _check_examples(name: str, data: dict) -> list[str]:
    problems = []
    examples = data.get("examples")
    if not isinstance(examples, dict) or not (examples.get("match") or examples.get("no_match")):
        return [f"{name}: needs examples (match and/or no_match) that the tests run"]
    for kind in ("match", "no_match"):
        for j, ex in enumerate(examples.get(kind) or []):
            where = f"{name}: examples.{kind} {j}"
            if not isinstance(ex, dict) or not isinstance(ex.get("text"), str):
                problems.append(f"{where}: needs a 'text'")
                continue
            shapes = [s for s in EXAMPLE_SHAPES if s <= set(ex)]
            if len(shapes) != 1:
                problems.append(f"{where}: needs exactly one of 'label', 'group' or 'field'")
            extra = set(ex) - EXAMPLE_KEYS
            if extra:
                problems.append(f"{where}: unknown field(s) {sorted(extra)}")
            if kind == "match" and "group" in ex and "span" not in ex:
                problems.append(f"{where}: a match on a group needs the 'span' it finds")
            if kind == "match" and "field" in ex and "value" not in ex:
                problems.append(f"{where}: a match on a field needs the 'value' it gives")
    return problems


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
    extra = set(data) - COMMON_KEYS - {"patterns"}
    if extra:
        problems.append(f"{name}: unknown key(s) {sorted(extra)}")
    return problems


def _check_lexicon(name: str, data: dict) -> list[str]:
    entries = data.get("entries")
    if not entries:
        return [f"{name}: lexicon without 'entries'"]
    problems = []
    lists = entries.items() if isinstance(entries, dict) else [("entries", entries)]
    for key, words in lists:
        if not isinstance(words, list) or not all(isinstance(w, (str, int)) for w in words):
            problems.append(f"{name}: entries.{key} must be a list of words")
    extra = set(data) - COMMON_KEYS - {"entries"}
    if extra:
        problems.append(f"{name}: unknown key(s) {sorted(extra)}")
    return problems


def _unknown(where: str, spec, allowed: set[str], what: str) -> list[str]:
    if not isinstance(spec, dict):
        return [f"{where}: {what} must be a mapping"]
    extra = set(spec) - allowed
    return [f"{where}: unknown key(s) {sorted(extra)} in {what}"] if extra else []


def _check_test(where: str, spec, allowed: set[str], what: str) -> list[str]:
    problems = _unknown(where, spec, allowed, what)
    if not problems:
        for key in ("unless", "across", "only_across", "unless_before", "unless_after", "next", "not_next", "prev"):
            if key in spec:
                problems += _check_test(where, spec[key], TEST_KEYS, f"{what}.{key}")
        if isinstance(spec.get("not_across"), dict):
            problems += _check_test(where, spec["not_across"], TEST_KEYS, f"{what}.not_across")
    return problems


def _check_row(where: str, row: dict, stops: dict, contexts: dict) -> list[str]:
    problems = []
    for field in ("id", "slot", "cue"):
        if field not in row:
            problems.append(f"{where}: missing '{field}'")
    extra = set(row) - SLOT_KEYS
    if extra:
        problems.append(f"{where}: unknown field(s) {sorted(extra)}")
    if "cue" in row:
        problems += _unknown(where, row["cue"], CUE_KEYS, "cue")
    for side in SIDES:
        specs = row.get(side)
        for spec in specs if isinstance(specs, list) else [] if specs is None else [specs]:
            if isinstance(spec, str):
                if spec not in contexts:
                    problems.append(f"{where}: {side}: {spec!r} is not one of the file's contexts")
            else:
                problems += _check_test(where, spec, CONTEXT_KEYS, side)
    for stop in row.get("stop") or []:
        if isinstance(stop, str):
            if stop not in stops:
                problems.append(f"{where}: stop {stop!r} is not one of the file's stops")
        else:
            problems += _check_test(where, stop, STOP_KEYS, "stop")
    if "opens" in row:
        problems += _check_test(where, row["opens"], TEST_KEYS, "opens")
    take = row.get("take")
    if isinstance(take, dict) and "read" not in take:
        problems += _unknown(where, take, TAKE_KEYS, "take")
    sentences = row.get("sentences")
    if isinstance(sentences, dict) and (set(sentences) != {"around"} or not isinstance(sentences["around"], int)):
        problems.append(f"{where}: sentences must be all, a set's name or {{around: N}}")
    examples = row.get("examples") or {}
    if not examples.get("match"):
        problems.append(f"{where}: needs examples.match ({{text, value}}) that the tests run")
    for kind in ("match", "no_match"):
        for j, ex in enumerate(examples.get(kind) or []):
            if not isinstance(ex, dict) or not isinstance(ex.get("text"), str) or set(ex) - {"text", "value", "meta"}:
                problems.append(f"{where}: examples.{kind} {j}: needs 'text' (and 'value', 'meta')")
    return problems


def _check_slots(name: str, data: dict) -> list[str]:
    """Rule rows, each with its own examples ({text, value}: the rule fills its slot with value)."""
    rows = data.get("rules")
    if not isinstance(rows, list) or not rows:
        return [f"{name}: slots file without 'rules'"]
    problems, seen = [], set()
    stops, contexts = data.get("stops") or {}, data.get("contexts") or {}
    extra = set(data) - COMMON_KEYS - SLOT_FILE_KEYS
    if extra:
        problems.append(f"{name}: unknown key(s) {sorted(extra)}")
    if data.get("choose", "all") not in CHOOSE:
        problems.append(f"{name}: choose must be one of {', '.join(CHOOSE)}")
    if data.get("check", "fill") not in CHECK:
        problems.append(f"{name}: check must be one of {', '.join(CHECK)}")
    for key, spec in stops.items():
        problems += _check_test(f"{name}: stop {key}", spec, STOP_KEYS, "stop")
    for key, spec in contexts.items():
        for one in spec if isinstance(spec, list) else [spec]:
            problems += _check_test(f"{name}: context {key}", one, CONTEXT_KEYS, "context")
    for i, row in enumerate(rows):
        where = f"{name}: rule {i}"
        if not isinstance(row, dict):
            problems.append(f"{where}: not a mapping")
            continue
        if row.get("id") in seen:
            problems.append(f"{where}: id {row['id']!r} used twice")
        seen.add(row.get("id"))
        problems += _check_row(where, row, stops, contexts)
    return problems


def check(name: str, data) -> list[str]:
    """Every schema problem in one patterns/ file (empty when it is fine)."""
    if not isinstance(data, dict):
        return [f"{name}: top level must be a mapping"]
    kind = data.get("kind")
    if kind not in KINDS:
        return [f"{name}: 'kind' must be one of {', '.join(KINDS)}, not {kind!r}"]
    problems = [] if isinstance(data.get("note"), str) and data["note"].strip() else [f"{name}: needs a 'note'"]
    if kind != "slots":  # a slots file's examples are its rules' own
        problems += _check_examples(name, data)
    if kind == "rules":
        problems += _check_rules(name, data)
    elif kind == "lexicon":
        problems += _check_lexicon(name, data)
    elif kind == "slots":
        problems += _check_slots(name, data)
    elif len(set(data) - COMMON_KEYS) == 0:
        problems.append(f"{name}: data file without content")
    return problems


def all_files() -> list[str]:
    return sorted(str(p.relative_to(patterns_dir())) for p in patterns_dir().rglob("*.yml"))


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """The content of patterns/NAME, checked against the schema; raises PatternError."""
    data = load_yaml(name)
    problems = check(name, data)
    if problems:
        raise PatternError("invalid patterns:\n" + "\n".join(problems))
    return data


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
    return load(name)["entries"]
