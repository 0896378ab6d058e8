"""``barraiser questions ...``: list and show questions from the bank."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from barraiser.cli._common import bank, fail, print_json

if TYPE_CHECKING:
    from barraiser.content.schemas import Question

app = typer.Typer(help="Browse the question bank.", no_args_is_help=True)


def summary(q: Question) -> dict[str, Any]:
    """The fields of a question shown in listings."""
    return {
        "id": q.id,
        "kind": q.kind,
        "title": q.title,
        "difficulty": q.difficulty,
        "topics": list(q.topics),
        "leadership_principles": list(q.leadership_principles),
        "competencies": list(q.competencies),
        "companies": list(q.companies),
        "source": q.source.model_dump() if q.source else None,
        "draft": q.draft,
    }


def _source_label(q: Question) -> str:
    return f"Q{q.source.question}" if q.source else ""


@app.command("list")
def list_questions(
    kind: Annotated[str | None, typer.Option(help="Only this kind, e.g. concept.")] = None,
    topic: Annotated[str | None, typer.Option(help="Only questions with this topic.")] = None,
    lp: Annotated[
        str | None, typer.Option(help="Only questions probing this Leadership Principle id.")
    ] = None,
    difficulty: Annotated[str | None, typer.Option(help="easy, medium or hard.")] = None,
    company: Annotated[
        str | None, typer.Option(help="Only questions tagged with this company id.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
) -> None:
    """List questions, optionally filtered by kind, topic, Leadership Principle, difficulty or
    company."""
    from barraiser.content.schemas import DIFFICULTIES, QUESTION_KINDS

    b = bank()
    if kind is not None and kind not in QUESTION_KINDS:
        fail(f"unknown kind {kind!r}; use one of: {', '.join(QUESTION_KINDS)}.")
    if difficulty is not None and difficulty not in DIFFICULTIES:
        fail(f"unknown difficulty {difficulty!r}; use one of: {', '.join(DIFFICULTIES)}.")
    if lp is not None and lp not in b.principles:
        fail(f"unknown Leadership Principle {lp!r}; use one of: {', '.join(sorted(b.principles))}.")
    if company is not None and company not in b.companies:
        fail(f"unknown company {company!r}; use one of: {', '.join(sorted(b.companies))}.")
    found = b.filter_questions(
        kind=kind, topic=topic, lp=lp, difficulty=difficulty, company=company
    )
    if as_json:
        print_json([summary(q) for q in found])
        return

    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(found)} question(s)", title_justify="left")
    for column in ("id", "kind", "difficulty", "title", "topics", "source"):
        table.add_column(column, overflow="fold")
    for q in found:
        table.add_row(q.id, q.kind, q.difficulty, q.title, ", ".join(q.topics), _source_label(q))
    Console().print(table)


@app.command("search")
def search(
    text: Annotated[str, typer.Argument(metavar="TEXT", help="Words to look for.")],
    limit: Annotated[int, typer.Option(min=1, max=500, help="At most this many hits.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
) -> None:
    """Full-text search over titles, prompts, model answers, topics and principle names, best
    match first, with where each question matched ("overfitting" also finds "overfit")."""
    from barraiser.content.search import query_words

    if not query_words(text):
        fail("give at least one word to search for, e.g. `barraiser questions search recall`.")
    b = bank()
    hits = b.search(text, limit=limit)
    if as_json:
        print_json(
            [
                {
                    **summary(b.questions[h.question_id]),
                    "matched_in": h.field,
                    "snippet": h.snippet_with("**", "**"),
                }
                for h in hits
            ]
        )
        return

    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"{len(hits)} question(s) match {text!r}", title_justify="left")
    for column in ("id", "kind", "title", "where it matched"):
        table.add_column(column, overflow="fold")
    for h in hits:
        q = b.questions[h.question_id]
        marked = escape(h.snippet_with("\x00", "\x01")).replace("\x00", "[bold yellow]")
        table.add_row(q.id, q.kind, q.title, marked.replace("\x01", "[/]"))
    Console().print(table)


@app.command("show")
def show(
    question_id: Annotated[str, typer.Argument(metavar="ID", help="The question id.")],
    answer: Annotated[bool, typer.Option("--answer", help="Also show the model answer.")] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the full question as JSON.")
    ] = False,
) -> None:
    """Show one question: prompt, how to answer, and (with --answer) the model answer."""
    b = bank()
    try:
        q = b.question(question_id)
    except KeyError as exc:
        fail(str(exc.args[0]))
    if as_json:
        print_json(q.model_dump(mode="json"))
        return

    from rich.console import Console
    from rich.markdown import Markdown
    from rich.panel import Panel

    console = Console()
    meta = f"{q.kind} · {q.difficulty} · topics: {', '.join(q.topics)}"
    if q.leadership_principles:
        names = [b.principles[p].name for p in q.leadership_principles if p in b.principles]
        meta += f" · LPs: {', '.join(names)}"
    if q.source:
        meta += f" · source: {q.source.document} Q{q.source.question}"
    console.print(Panel(Markdown(q.prompt), title=q.title, subtitle=meta))
    if q.draft:
        from barraiser.content.drafts import DRAFT_NOTICE

        console.print(
            f"[yellow]Your own draft[/] ({b.origins.get(f'question:{q.id}', '')}). {DRAFT_NOTICE}"
        )
    if q.how_to_answer:
        console.print(Markdown("## How to answer\n\n" + q.how_to_answer))
    if answer:
        console.print(Markdown("## Model answer\n\n" + q.model_answer))
        if q.rubric:
            points = "\n".join(f"- {kp.text} (weight {kp.weight:g})" for kp in q.rubric.key_points)
            console.print(Markdown("## Key points\n\n" + points))
    else:
        console.print("[dim]Add --answer to see the model answer.[/]")
