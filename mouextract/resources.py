"""Where the data files the tool needs live.

The rule patterns are kept at the project's top level (`patterns/`) so they read as data; the
wheel carries them inside the package (`mouextract/patterns/`). Installed, the package copy is
used; in a source checkout (editable install), the top-level folder is.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

_PACKAGE = Path(__file__).resolve().parent
# libyaml's parser when PyYAML was built with it: ten times faster on our files, the same data
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def patterns_dir() -> Path:
    for candidate in (_PACKAGE / "patterns", _PACKAGE.parent / "patterns"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("mouextract's patterns/ folder is missing: reinstall the package")


@lru_cache(maxsize=None)
def load_yaml(name: str):
    """Parsed content of patterns/NAME (cached: data files are read once per process)."""
    with open(patterns_dir() / name, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_LOADER)
