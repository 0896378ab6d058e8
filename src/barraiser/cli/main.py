"""Root Typer app: wires the command groups together and handles --version."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from typer.core import TyperGroup
from typer.exceptions import TyperException

from barraiser import __version__
from barraiser.cli import (
    content,
    experiences,
    grade,
    grader,
    judge,
    lab,
    loops,
    problems,
    questions,
    report,
    resume,
    review,
    serve,
    stories,
    users,
    worker,
)
from barraiser.cli._common import fail


class _Commands(TyperGroup):
    """The root command group: a full disk is one sentence and exit 1, never a traceback."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, TyperException):
            raise  # said already (a usage error, or a command's own sentence)
        except Exception as exc:
            from barraiser.storage import storage_error

            problem = storage_error(exc, _data_dir())
            if problem is None:
                raise
            fail(problem.sentence("nothing was saved"))


def _data_dir() -> Path | None:
    from barraiser.config import get_settings

    try:
        return get_settings().data_dir
    except ValueError:  # invalid settings: the file named in the error is the one to free
        return None


app = typer.Typer(
    cls=_Commands,
    name="barraiser",
    help="Realistic ML engineer interview loops with honest, evidence-backed feedback.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(content.app, name="content")
app.add_typer(experiences.app, name="experiences")
app.add_typer(grader.app, name="grader")
app.add_typer(judge.app, name="judge")
app.add_typer(lab.app, name="lab")
app.add_typer(loops.loops_app, name="loops")
app.add_typer(loops.companies_app, name="companies")
app.add_typer(problems.app, name="problems")
app.add_typer(questions.app, name="questions")
app.add_typer(resume.app, name="resume")
app.add_typer(stories.app, name="stories")
app.add_typer(users.app, name="users")
app.command("serve")(serve.serve)
app.command("grade")(grade.grade)
app.command("grade-batch")(grade.grade_batch)
app.command("report")(report.report)
app.command("review")(review.review)
app.command("worker")(worker.worker)


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
