"""``barraiser loops ...`` and ``barraiser companies ...``: the interview loops and the
companies whose loops they are. ``--json`` prints what ``GET /api/loops`` and
``GET /api/companies`` return."""

from __future__ import annotations

from typing import Annotated

import typer

from barraiser.cli._common import bank, fail, print_json

loops_app = typer.Typer(help="The interview loops, company by company.", no_args_is_help=True)
companies_app = typer.Typer(
    help="The companies whose loops barraiser runs: process, values, questions.",
    no_args_is_help=True,
)

_JSON = typer.Option("--json", help="Print JSON (the same as the API).")


@loops_app.command("list")
def list_loops(
    company: Annotated[str | None, typer.Option(help="Only this company's loops (its id).")] = None,
    as_json: Annotated[bool, _JSON] = False,
) -> None:
    """List the loops: id, company, rounds and total time."""
    from barraiser.web.models import LoopSummary

    b = bank()
    if company is not None and company not in b.companies:
        fail(f"unknown company {company!r}; use one of: {', '.join(sorted(b.companies))}.")
    loops = [loop for loop in b.loops.values() if company is None or loop.company_id == company]
    if as_json:
        print_json([LoopSummary.of(loop).model_dump(mode="json") for loop in loops])
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(loops)} loop(s)", title_justify="left")
    for column in ("id", "company", "title", "rounds", "time"):
        table.add_column(column, overflow="fold")
    for loop in loops:
        minutes = loop.duration_min
        table.add_row(loop.id, loop.company, loop.title, str(len(loop.rounds())), f"{minutes} min")
    Console().print(table)


@loops_app.command("show")
def show_loop(
    loop_id: Annotated[str, typer.Argument(metavar="ID", help="The loop id.")],
    as_json: Annotated[bool, _JSON] = False,
) -> None:
    """Show one loop: its stages, rounds and how the debrief decides."""
    from barraiser.interview.decision import decision_sentences
    from barraiser.web.models import LoopDetail

    b = bank()
    loop = b.loops.get(loop_id)
    if loop is None:
        fail(f"no loop {loop_id!r}; `barraiser loops list` shows the ids.")
    if as_json:
        print_json(LoopDetail.of(loop).model_dump(mode="json"))
        return
    typer.echo(f"{loop.title} ({loop.company}, {loop.role}): {loop.duration_min} min\n")
    typer.echo(loop.description.strip() + "\n")
    for stage in loop.stages:
        typer.echo(f"{stage.title}")
        for rnd in stage.rounds:
            asks = [f"{s.count} {s.kind}" for s in rnd.questions]
            if rnd.value_questions:
                asks.append(f"{rnd.value_questions} {b.value_word(loop)}")
            raiser = ", Bar Raiser" if rnd.bar_raiser else ""
            typer.echo(
                f"  - {rnd.title}: {rnd.duration_min} min, {rnd.interviewer}{raiser}; "
                f"asks {', '.join(asks)}"
            )
    typer.echo("\nHow the debrief decides:")
    for sentence in decision_sentences(loop.decision, b.value_word(loop)):
        typer.echo(f"  - {sentence}")


@companies_app.command("list")
def list_companies(as_json: Annotated[bool, _JSON] = False) -> None:
    """List the companies: id, name, when written, loops and tagged questions."""
    from barraiser.web.models import CompanySummary

    rows = CompanySummary.every(bank())
    if as_json:
        print_json([row.model_dump(mode="json") for row in rows])
        return
    for row in rows:
        typer.echo(
            f"{row.id:<10} {row.name:<10} written {row.as_of}  loops: {', '.join(row.loops)}"
            f"  questions: {row.question_count}"
        )


@companies_app.command("show")
def show_company(
    company_id: Annotated[str, typer.Argument(metavar="ID", help="The company id.")],
    as_json: Annotated[bool, _JSON] = False,
) -> None:
    """Show one company: its process, values (and the principles that grade them), ML work."""
    from barraiser.web.models import CompanyDetail

    b = bank()
    company = b.companies.get(company_id)
    if company is None:
        fail(f"no company {company_id!r}; use one of: {', '.join(sorted(b.companies))}.")
    detail = CompanyDetail.of_company(company, b)
    if as_json:
        print_json(detail.model_dump(mode="json"))
        return
    typer.echo(f"{company.name} (written {company.as_of.isoformat()}; processes change)\n")
    typer.echo(company.summary.strip() + "\n")
    typer.echo("Process:")
    for n, step in enumerate(company.process, start=1):
        typer.echo(f"  {n}. {step.title}: {step.description.strip()}")
    typer.echo("\nValues:")
    for value in company.values:
        graded = "" if company.values_from_principles else f" [{', '.join(value.principles)}]"
        typer.echo(f"  - {value.name}{graded}: {value.description.strip()}")
    typer.echo("\nWhere it uses ML:")
    for use in company.ml_applications:
        typer.echo(f"  - {use}")
    typer.echo(f"\nLoops: {', '.join(detail.loops) or 'none'}")
    questions = ", ".join(detail.questions) or "none"
    typer.echo(f"Tagged questions ({detail.question_count}): {questions}")
