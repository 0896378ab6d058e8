"""barraiser: realistic ML engineer interview loops with evidence-backed feedback."""

__version__ = "0.1.0"

__all__ = ["__version__"]
