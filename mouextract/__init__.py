"""mouextract: structured records of cooperation-agreement signings from Indonesian news."""
__version__ = "0.1.0"
