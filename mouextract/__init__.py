"""mouextract: structured records of cooperation-agreement signings from Indonesian news."""
__version__ = "0.1.0"

from .api import extract  # noqa: E402

__all__ = ["extract", "__version__"]
