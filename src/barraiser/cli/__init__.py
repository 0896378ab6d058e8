"""The ``barraiser`` command line (Typer); heavy modules are imported inside the commands."""

from barraiser.cli.main import app, main

__all__ = ["app", "main"]
