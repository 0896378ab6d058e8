"""``barraiser lab ...``: list the ML labs, run one, or export it as a notebook."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from barraiser.cli._common import fail, print_json

if TYPE_CHECKING:
    from barraiser.labs.base import LabResult

app = typer.Typer(
    help="Runnable evidence for the model answers, on real data.", no_args_is_help=True
)


@app.command("list")
def list_labs(
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
) -> None:
    """List the labs with the question each one backs."""
    from barraiser.labs import all_labs

    labs = all_labs()
    if as_json:
        print_json(
            [
                {
                    "id": lab.id,
                    "title": lab.title,
                    "question_id": lab.question_id,
                    "guide_question": lab.guide_question,
                    "summary": lab.summary,
                    "datasets": [d.id for d in lab.datasets],
                }
                for lab in labs
            ]
        )
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("Q", "id", "title", title="Labs (details: barraiser lab list --json)")
    table.columns[1].no_wrap = True
    for lab in labs:
        table.add_row(str(lab.guide_question), lab.id, lab.title)
    Console().print(table)


@app.command("run")
def run(
    lab_id: Annotated[
        str, typer.Argument(metavar="ID", help="A lab id from `barraiser lab list`.")
    ],
    fast: Annotated[
        bool, typer.Option("--fast", help="Small size (seconds), as in the tests.")
    ] = False,
    out: Annotated[
        Path | None, typer.Option("--out", help="Folder for the figures and result.json.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Run again even when a cached result exists.")
    ] = False,
) -> None:
    """Run one lab: results table, claims (holds or not) and figures written to --out."""
    from rich.console import Console

    from barraiser.labs import LabError, get_lab, run_lab

    err = Console(stderr=True)
    try:
        lab = get_lab(lab_id)
    except LabError as exc:
        fail(str(exc))
    if out is not None and out.exists() and not out.is_dir():
        fail(f"--out {out} is a file: give a folder (it is created when missing)")
    try:
        with err.status(f"Running lab {lab.id}…") as status:

            def progress(message: str, fraction: float | None) -> None:
                share = f" {fraction:.0%}" if fraction is not None else ""
                status.update(f"{lab.id}:{share} {message}")

            result = run_lab(
                lab.id, fast=fast, out_dir=out, use_cache=not no_cache, on_progress=progress
            )
    except LabError as exc:
        fail(str(exc))
    if as_json:
        print_json(result.model_dump(mode="json"))
        return
    _print_result(result)


@app.command("notebook")
def notebook(
    lab_id: Annotated[
        str, typer.Argument(metavar="ID", help="A lab id from `barraiser lab list`.")
    ],
    out: Annotated[
        Path | None, typer.Option("--out", help="The .ipynb file to write (default: ID.ipynb).")
    ] = None,
) -> None:
    """Write the lab as a Jupyter notebook to explore and change."""
    from barraiser.labs import LabError
    from barraiser.labs.notebook import write_notebook

    target = out or Path(f"{lab_id}.ipynb")
    try:
        path = write_notebook(lab_id, target)
    except LabError as exc:
        fail(str(exc))
    typer.echo(f"Wrote {path}")


def _print_result(result: LabResult) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    cached = " (cached)" if result.cached else ""
    console.print(
        f"[bold]{result.title}[/bold]  Q{result.guide_question} · {result.question_id} · "
        f"{result.size} run in {result.seconds:.1f} s{cached}"
    )
    for table in result.tables:
        rich_table = Table(*table.columns, title=table.title)
        for row in table.rows:
            rich_table.add_row(*(_fmt(v) for v in row))
        console.print(rich_table)
    claims = Table("", "claim", "evidence", title="Claims of the model answer")
    for claim in result.claims:
        mark = "[green]holds[/green]" if claim.holds else "[red]fails[/red]"
        claims.add_row(mark, claim.text, claim.evidence)
    console.print(claims)
    for note in result.notes:
        console.print(f"Note: {note}")
    for figure in result.figures:
        console.print(f"Figure: {Path(result.output_dir) / figure.file} ({figure.caption})")


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    return "" if value is None else str(value)
