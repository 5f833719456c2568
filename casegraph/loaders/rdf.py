"""RDF in casegraph's vocabulary (``casegraph export --format ttl|nt|jsonld``) read back as graph rows.

The file is one unit: all of its nodes and relationships are stored, or none.
"""

from __future__ import annotations

from collections.abc import Iterator

from casegraph.loaders.reading import Input, TooLarge
from casegraph.loaders.registry import Loader
from casegraph.loaders.result import Loaded

SUFFIXES = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".rdf": "xml", ".owl": "xml", ".n3": "n3"}


def _format(source: Input) -> str | None:
    if source.suffix in SUFFIXES:
        return SUFFIXES[source.suffix]
    if source.is_stdin and source.text_head.lstrip().startswith(("@prefix", "PREFIX", "@base")):
        return "turtle"
    return None


def read_rdf(source: Input) -> Iterator[Loaded]:
    from rdflib import Graph

    from casegraph.graph.base import stored_batch
    from casegraph.interchange.rdf import RdfError, from_rdf

    try:
        data = source.read_all()
        graph = Graph().parse(data=data, format=_format(source) or "turtle")
        nodes, edges = from_rdf(graph)
    except TooLarge as error:
        yield Loaded(source.name, error=str(error))
        return
    except RdfError as error:
        yield Loaded(source.name, error=str(error))
        return
    except Exception as error:  # rdflib's parsers raise many kinds; each is this file's error
        yield Loaded(source.name, error=f"not RDF: {type(error).__name__}: {error}".splitlines()[0][:300])
        return
    if not nodes:
        yield Loaded(source.name, error="no casegraph nodes in this RDF (cg:id)")
        return
    yield Loaded(source.name, batch=stored_batch(nodes, edges))


LOADER = Loader("rdf", "RDF in casegraph's vocabulary (.ttl, .nt, .jsonld, .rdf)",
                lambda source: _format(source) is not None, read_rdf)
