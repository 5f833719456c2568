"""Standard formats out (RDF, GraphML) and a copy into Neo4j: read stores through their interface only."""
