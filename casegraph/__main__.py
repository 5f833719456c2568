from casegraph.cli import app

app(prog_name="casegraph")
