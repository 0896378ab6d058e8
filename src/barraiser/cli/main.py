"""Root Typer app: wires the command groups together and handles --version."""

from __future__ import annotations

import typer

from barraiser import __version__
from barraiser.cli import (
    content,
    grade,
    grader,
    judge,
    lab,
    problems,
    questions,
    report,
    review,
    serve,
)

app = typer.Typer(
    name="barraiser",
    help="Realistic ML engineer interview loops with honest, evidence-backed feedback.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(content.app, name="content")
app.add_typer(grader.app, name="grader")
app.add_typer(judge.app, name="judge")
app.add_typer(lab.app, name="lab")
app.add_typer(problems.app, name="problems")
app.add_typer(questions.app, name="questions")
app.command("serve")(serve.serve)
app.command("grade")(grade.grade)
app.command("grade-batch")(grade.grade_batch)
app.command("report")(report.report)
app.command("review")(review.review)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"barraiser {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Realistic ML engineer interview loops with honest, evidence-backed feedback."""


def main() -> None:
    """Console-script entry point."""
    app()
