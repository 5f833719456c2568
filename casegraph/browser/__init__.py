"""The Neo4j Browser side: a GraSS style and a :play guide that walks through the canned queries."""

from pathlib import Path

HERE = Path(__file__).parent
GRASS = HERE / "casegraph.grass"
GUIDE = HERE / "guide.html"
