"""Linguistic knowledge lives in patterns/, not in the extraction code.

A scan of every extraction module's syntax tree for literal word lists (a list, set, tuple or
dict of three or more words; a string of words split into a list) and regular expressions that
alternate words ("(?:senin|selasa|rabu)"). What is found is pinned per module and may only go
down: a module that reaches zero stays at zero. The modules that are not extraction (input,
output, the scorer's mirror in evaluate.py, the loader) are not scanned.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "mouextract"
NOT_EXTRACTION = {
    "__init__.py", "api.py", "cli.py", "dask_engine.py", "db.py", "errors.py", "parallel.py",
    "readers.py", "records.py", "resources.py", "show.py", "writers.py",
    "documents.py", "report.py", "xlsx.py",  # PDF/Word input; the review site and workbook output
    "csvdump.py", "tables.py", "text.py",  # input, output, and length-keeping text repairs
    "evaluate.py",   # mirrors the project scorer's own normalisation tables, on purpose
    "patterns.py",   # the loader and its schema
}
# module -> word lists and word alternations it still holds; lower these as they move to data
PINNED = {
    "assemble.py": 0,
    "dates.py": 0,
    "triggers.py": 0,
}

_WORD = re.compile(r"^(?![A-Z]+$)[^\W\d_][^\W\d_'’.-]*\.?$")
_ALTERNATION = re.compile(r"(?<![\\\w])[a-z]{3,}(?:\\s\+[a-z]+)*\|[a-z]{3,}")


def _words(values) -> bool:
    """Two or more words and nothing else, or three or more words among punctuation marks."""
    strings = [v.value for v in values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
    words = [s for s in strings if _WORD.match(s)]
    if len(strings) != len(values):
        return False
    return len(words) >= 2 if len(words) == len(strings) else len(words) >= 3


def _str_values(node: ast.Dict) -> bool:
    return all(isinstance(v, ast.Constant) and isinstance(v.value, str) for v in node.values)


def knowledge_in(source: str) -> list[int]:
    """Line numbers of the word lists and word alternations in a module's source.

    Not counted: labels in capitals ("PER", "ORG"), `Literal[...]` types, dicts whose values
    are not words (settings, weights), and lines marked `# not-linguistic: <why>`.
    """
    tree = ast.parse(source)
    typing_only = {id(n) for sub in ast.walk(tree) if isinstance(sub, ast.Subscript)
                   and isinstance(sub.value, ast.Name) and sub.value.id == "Literal" for n in ast.walk(sub)}
    marked = {n for n, line in enumerate(source.splitlines(), start=1) if "# not-linguistic:" in line}
    found = []
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, (ast.List, ast.Set, ast.Tuple)) and _words(node.elts):
            found.append(node.lineno)
        elif isinstance(node, ast.Dict) and all(k is not None for k in node.keys) and _words(node.keys) \
                and _str_values(node):
            found.append(node.lineno)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split" \
                and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str) \
                and len(node.func.value.value.split()) >= 3:
            found.append(node.lineno)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and _ALTERNATION.search(node.value):
            found.append(node.lineno)
    return sorted(set(found) - marked)


def extraction_modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p.name not in NOT_EXTRACTION)


@pytest.mark.parametrize("source,count", [
    ("WEEKDAYS = {'senin', 'selasa', 'rabu'}", 1),
    ("TITLES = ['Bupati', 'Walikota', 'Gubernur']", 1),
    ("ALIAS = {'walikota': 'wali', 'sekda': 'sekretaris', 'plt': ''}", 1),
    ("F = set('''yang untuk pada di'''.split())", 1),
    ("R = re.compile(r'(?i)\\b(?:terkait|tentang|mengenai)\\b')", 1),
    ("SEP = {',', ';', '.'}", 0),
    ("if w in {'dilakukan', 'dilaksanakan'}: pass", 1),
    ("BREAK = {'sementara', 'sedangkan', ';', 'bersama'}", 1),
    ("KEYS = ('name_first', 'span_end')", 0),
    ("R = re.compile(r'[A-Z][a-z]+')", 0),
    ("x = load_yaml('people.yml')['ranks']", 0),
    ("LABELS = frozenset({'PER', 'ORG', 'LOC'})", 0),
    ("WEIGHTS = {'date': 0.15, 'place': 0.1, 'parties': 0.2}", 0),
    ("Kind = Literal['provinsi', 'kabupaten', 'kota']", 0),
    ("PARTS = ['day', 'month', 'year']  # not-linguistic: dateparser's setting", 0),
])
def test_the_scan_finds_word_lists(source, count):
    assert len(knowledge_in(source)) == count


@pytest.mark.parametrize("path", extraction_modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_word_lists_do_not_grow_in_code(path):
    name = str(path.relative_to(PACKAGE))
    found = knowledge_in(path.read_text(encoding="utf-8"))
    assert len(found) <= PINNED.get(name, 0), (
        f"{name} holds word lists or word alternations at lines {found}: move them to patterns/ "
        f"(pinned: {PINNED.get(name, 0)})")
