"""``barraiser content ...``: validate the question bank, loops and Leadership Principles."""

from __future__ import annotations

import typer

from barraiser.cli._common import settings

app = typer.Typer(help="Validate and inspect content.", no_args_is_help=True)


@app.command("check")
def check() -> None:
    """Validate all content; exit non-zero with a list of every problem found."""
    from rich.console import Console
    from rich.text import Text

    from barraiser.content.bank import content_dirs
    from barraiser.content.check import check_content

    console = Console(stderr=False)
    dirs = content_dirs(settings().extra_content_dir)
    bank, problems = check_content(dirs)
    if problems:
        console.print(f"[bold red]{len(problems)} problem(s) found:[/]")
        for problem in problems:
            console.print(Text("  - ", style="red") + Text(str(problem)), highlight=False)
        raise typer.Exit(1)
    n_cal = sum(len(q.calibration) for q in bank.questions.values())
    console.print(
        f"[green]Content OK[/]: {len(bank.questions)} questions ({n_cal} calibration answers), "
        f"{len(bank.loops)} loops, {len(bank.principles)} Leadership Principles, "
        f"{len(bank.competencies)} competencies, from {', '.join(str(d) for d in dirs)}."
    )
