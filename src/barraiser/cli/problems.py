"""``barraiser problems ...``: list the judge's coding problems and show one."""

from __future__ import annotations

from typing import Annotated

import typer

from barraiser.cli._common import fail, print_json, settings

app = typer.Typer(help="List and show coding problems.", no_args_is_help=True)


@app.command("list")
def list_problems(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List every coding problem."""
    from barraiser.content.bank import content_dirs
    from barraiser.content.problems import load_problems_collecting

    loaded, _ = load_problems_collecting(content_dirs(settings().extra_content_dir))
    rows = [
        {
            "id": p.id,
            "kind": p.problem.kind,
            "title": p.problem.title,
            "difficulty": p.problem.difficulty,
            "style": p.problem.style,
            "topics": p.problem.topics,
            "languages": p.problem.languages,
        }
        for p in sorted(loaded.values(), key=lambda item: item.id)
    ]
    if as_json:
        print_json(rows)
        return
    for row in rows:
        typer.echo(f"{row['id']:40} {row['kind']:9} {row['difficulty']:7} {row['title']}")


@app.command("show")
def show(
    problem_id: Annotated[str, typer.Argument(help="The problem's id.")],
    lang: Annotated[
        str, typer.Option("--lang", help="The language (`barraiser judge doctor` lists them).")
    ] = "python",
) -> None:
    """Print a problem's statement, samples and starter code for a language."""
    import json

    from barraiser.cli.judge import _problem
    from barraiser.judge.languages import LANGUAGES
    from barraiser.judge.starter import starter_code

    if lang not in LANGUAGES:
        fail(f"--lang must be one of: {', '.join(LANGUAGES)}.")
    loaded = _problem(problem_id)
    p = loaded.problem
    refusal = p.language_refusal(lang)
    if refusal is not None:
        fail(f"{refusal}; pass --lang {' or --lang '.join(p.languages)}.")
    typer.echo(f"# {p.title} ({p.difficulty})\n\n{loaded.statement.strip()}\n")
    for i, sample in enumerate(p.samples, 1):
        given = json.dumps(sample.args) if sample.args is not None else sample.input
        typer.echo(f"Example {i}: {given} -> {json.dumps(sample.expected)}")
    typer.echo("\nConstraints:\n" + "\n".join(f"  - {c}" for c in p.constraints))
    typer.echo(f"\nStarter code ({lang}):\n\n{starter_code(p, lang)}")
