"""mouextract: structured records of cooperation-agreement signings from Indonesian news."""
__version__ = "0.1.0"

__all__ = ["extract", "__version__"]


def __getattr__(name: str):
    # `extract` loads spaCy and the pipeline modules on first use, not on `import mouextract`:
    # the command line's parent process of a --jobs run never needs them (parallel.py).
    if name == "extract":
        from .api import extract

        return extract
    raise AttributeError(f"module 'mouextract' has no attribute {name!r}")
