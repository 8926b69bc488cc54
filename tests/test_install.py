"""What the README's quick start installs is what the package needs, and CI runs exactly that."""
import importlib.util
import re
from importlib.metadata import requires

import pytest

from conftest import ROOT

QUICK_START = [
    "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/mouextract parse samples/",
    "python3 -m venv .venv && .venv/bin/pip install '.[test]' && .venv/bin/python -m pytest -q",
]


def _quickstart():
    spec = importlib.util.spec_from_file_location("quickstart", ROOT / ".ci" / "quickstart.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("package", ["lxml_html_clean"])
def test_the_html_cleaner_lxml_split_off_is_a_declared_dependency(package):
    # pip < 24 resolves lxml without trafilatura's lxml[html_clean] extra and only warns
    names = [re.split(r"[<>=!~;\[ ]", r, maxsplit=1)[0].replace("-", "_").lower() for r in requires("mouextract")]
    assert package in names


@pytest.mark.parametrize("commands", [QUICK_START])
def test_ci_runs_the_readme_quick_start_as_written(commands):
    assert _quickstart().quickstart_commands((ROOT / "README.md").read_text(encoding="utf-8")) == commands


@pytest.mark.parametrize("word", ["pip", "pytest", "venv"])
def test_ci_has_no_step_of_its_own(word):
    # everything it installs or runs comes from the README's lines; comments do not count
    steps = [line for line in (ROOT / ".ci" / "run").read_text().splitlines() if not line.lstrip().startswith("#")]
    assert not any(re.search(rf"\b{word}\b", line) for line in steps)
