"""casegraph: a regulatory case-tracking knowledge graph."""

__version__ = "0.1.0"
