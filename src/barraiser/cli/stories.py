"""``barraiser stories ...``: the STAR story bank, its analysis and its coverage matrix."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from barraiser.cli._common import bank, fail, print_json, settings

if TYPE_CHECKING:
    from barraiser.stories import Coverage, StoryBank, StoryOut

app = typer.Typer(
    help="Your STAR story bank: write each story once, see the principles it shows, and which "
    "principles still have no strong story.",
    no_args_is_help=True,
)

_PART_HELP = {
    "situation": "Where you were, your role, what was at stake.",
    "task": "What you were responsible for.",
    "action": "What you did, decided and said (say 'I').",
    "result": "What changed because of it, with a number.",
    "reflection": "What you learned, or do differently since.",
}


@contextmanager
def _bank() -> Iterator[tuple[StoryBank, int]]:
    from barraiser.grading.embeddings import get_backend
    from barraiser.store import StoreError, ensure_local_user, init_store
    from barraiser.stories import StoryBank

    current = settings()
    content = bank()
    try:
        store = init_store(current)
    except StoreError as exc:
        fail(str(exc))
    try:
        with store.session() as session:
            user_id = ensure_local_user(session).id
        principles = list(content.principles.values())
        yield StoryBank(store, principles, lambda: get_backend(current)), user_id
    finally:
        store.close()


def _read(path: str) -> tuple[bytes, str]:
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror or exc}.")
    return data, "" if path == "-" else path


def _story_from(
    path: str | None, given: dict[str, str | None], base: dict[str, str] | None = None
) -> Any:
    """The story from a file (one story) and the options, options winning; exits on a problem."""
    from barraiser.stories import StoryInvalid, TransferError, parse_story, read_stories

    raw: dict[str, Any] = dict(base or {})
    if path:
        data, name = _read(path)
        try:
            found = read_stories(data, name)
        except TransferError as exc:
            fail(f"nothing was saved: {path}: {exc}")
        if len(found) != 1:
            fail(
                f"nothing was saved: {path} holds {len(found)} stories; add takes one. Use "
                f"`barraiser stories import {path}` to add them all."
            )
        raw.update({"title": found[0].story.title, **found[0].story.parts()})
    raw.update({key: value for key, value in given.items() if value is not None})
    try:
        return parse_story(raw)
    except StoryInvalid as exc:
        fail("nothing was saved. " + " ".join(p.message for p in exc.problems))


def _verdict(analysis: Any) -> str:
    if analysis.strong:
        return "a strong story"
    return "not strong yet: " + ", ".join(analysis.missing)


def _print_story(story: StoryOut, questions: list[Any]) -> None:
    from barraiser.stories import PART_LABELS
    from barraiser.stories.analysis import SIGNAL_LABELS

    typer.echo(f"#{story.id}  {story.title}")
    for part, text in story.data().parts().items():
        if text:
            typer.echo(f"\n{PART_LABELS[part]}:\n{text}")
    analysis = story.analysis
    if analysis is None:
        typer.echo("\nNot analysed yet: run `barraiser stories show` again once the model loads.")
        return
    typer.echo(f"\nAnalysis: {_verdict(analysis)}.")
    if analysis.principles:
        typer.echo("Principles it shows:")
        for p in analysis.principles:
            typer.echo(f'  {p.name} ({p.score:.2f}): "{p.evidence}"')
    for signal in analysis.signals:
        mark = "yes" if signal.present else "no"
        typer.echo(f"  {SIGNAL_LABELS[signal.name]}: {mark}")
    for line in analysis.advice:
        typer.echo(f"- {line}")
    if questions:
        typer.echo("Practise this story with:")
        for q in questions:
            typer.echo(f"  barraiser questions show {q.id}   ({q.title})")


def _print_coverage(coverage: Coverage) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(
        title=f"Coverage: {coverage.strong} of {len(coverage.cells)} principles have a strong "
        "story",
        title_justify="left",
    )
    for column in ("principle", "coverage", "stories"):
        table.add_column(column, overflow="fold")
    for cell in coverage.cells:
        stories = ", ".join(f"#{s.id} {s.title}" for s in cell.stories)
        table.add_row(cell.name, cell.label, stories)
    Console().print(table)


def _story_json(story: StoryOut, questions: list[Any] | None = None) -> dict[str, Any]:
    data = story.model_dump(mode="json")
    if questions is not None:
        data["questions"] = [q.model_dump(mode="json") for q in questions]
    return data


@app.command("list")
def list_stories(
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
) -> None:
    """List your stories (most recently changed first) and the coverage matrix."""
    with _bank() as (stories, user_id):
        found = stories.list(user_id)
        coverage = stories.coverage(user_id, found)
    if as_json:
        print_json([_story_json(s) for s in found])
        return
    if not found:
        typer.echo(
            "No stories yet. Write one with `barraiser stories add --title ... --situation ... "
            "--action ... --result ...` or at /stories."
        )
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(found)} story(ies)", title_justify="left")
    for column in ("id", "title", "principles", "strong"):
        table.add_column(column, overflow="fold")
    for s in found:
        a = s.analysis
        principles = ", ".join(p.name for p in a.principles) if a else "not analysed yet"
        strong = ("yes" if a.strong else "no: " + ", ".join(a.missing)) if a else ""
        table.add_row(str(s.id), s.title, principles, strong)
    Console().print(table)
    _print_coverage(coverage)


@app.command("coverage")
def coverage(
    as_json: Annotated[bool, typer.Option("--json", help="Print the matrix as JSON.")] = False,
) -> None:
    """Show the 16-principle coverage matrix: which principles have no strong story yet."""
    with _bank() as (stories, user_id):
        matrix = stories.coverage(user_id)
    if as_json:
        print_json(matrix.model_dump(mode="json"))
        return
    _print_coverage(matrix)


_FROM_HELP = (
    "A JSON or Markdown file (or - for stdin) holding one story: {title, situation, task, "
    "action, result, reflection}, or '## Title' with '### Situation' ... sections. Options "
    "override it."
)


@app.command("add")
def add(
    title: Annotated[str | None, typer.Option(help="A short title for the story.")] = None,
    situation: Annotated[str | None, typer.Option(help=_PART_HELP["situation"])] = None,
    task: Annotated[str | None, typer.Option(help=_PART_HELP["task"])] = None,
    action: Annotated[str | None, typer.Option(help=_PART_HELP["action"])] = None,
    result: Annotated[str | None, typer.Option(help=_PART_HELP["result"])] = None,
    reflection: Annotated[str | None, typer.Option(help=_PART_HELP["reflection"])] = None,
    from_file: Annotated[str | None, typer.Option("--from", help=_FROM_HELP)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the saved story as JSON.")] = False,
) -> None:
    """Write a story once: it is saved at once, then analysed."""
    given = {
        "title": title,
        "situation": situation,
        "task": task,
        "action": action,
        "result": result,
        "reflection": reflection,
    }
    data = _story_from(from_file, given)
    with _bank() as (stories, user_id):
        story = stories.create(user_id, data)
    if as_json:
        print_json(_story_json(story))
        return
    typer.echo(f"Saved story {story.id}: {story.title}.")
    a = story.analysis
    if a is None:
        typer.echo("It could not be analysed now; `barraiser stories show` tries again.")
    else:
        shown = ", ".join(p.name for p in a.principles) or "no principle yet"
        typer.echo(f"It shows: {shown}; {_verdict(a)}.")
    typer.echo(f"See it with `barraiser stories show {story.id}`.")


@app.command("show")
def show(
    story_id: Annotated[int, typer.Argument(metavar="ID", help="The story's id.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the story as JSON.")] = False,
) -> None:
    """Show a story, what it shows, and the questions to practise it with."""
    from barraiser.stories import StoryNotFound, fitting_questions

    content = bank()
    with _bank() as (stories, user_id):
        try:
            story = stories.get(user_id, story_id)
        except StoryNotFound as exc:
            fail(str(exc))
    questions = fitting_questions(story.analysis, content.questions) if story.analysis else []
    if as_json:
        print_json(_story_json(story, questions))
        return
    _print_story(story, questions)


@app.command("edit")
def edit(
    story_id: Annotated[int, typer.Argument(metavar="ID", help="The story's id.")],
    title: Annotated[str | None, typer.Option(help="A new title.")] = None,
    situation: Annotated[str | None, typer.Option(help=_PART_HELP["situation"])] = None,
    task: Annotated[str | None, typer.Option(help=_PART_HELP["task"])] = None,
    action: Annotated[str | None, typer.Option(help=_PART_HELP["action"])] = None,
    result: Annotated[str | None, typer.Option(help=_PART_HELP["result"])] = None,
    reflection: Annotated[str | None, typer.Option(help=_PART_HELP["reflection"])] = None,
    from_file: Annotated[str | None, typer.Option("--from", help=_FROM_HELP)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the story as JSON.")] = False,
) -> None:
    """Change a story: parts not given keep their text (give '' to empty one)."""
    from barraiser.stories import StoryNotFound

    given = {
        "title": title,
        "situation": situation,
        "task": task,
        "action": action,
        "result": result,
        "reflection": reflection,
    }
    with _bank() as (stories, user_id):
        try:
            old = stories.get(user_id, story_id)
            base = {"title": old.title, **old.data().parts()}
            story = stories.update(user_id, story_id, _story_from(from_file, given, base))
        except StoryNotFound as exc:
            fail(str(exc))
    if as_json:
        print_json(_story_json(story))
        return
    typer.echo(f"Saved story {story.id}: {story.title}.")


@app.command("delete")
def delete(
    story_id: Annotated[int, typer.Argument(metavar="ID", help="The story's id.")],
) -> None:
    """Delete a story (export the bank first to keep a copy)."""
    from barraiser.stories import StoryNotFound

    with _bank() as (stories, user_id):
        try:
            stories.delete(user_id, story_id)
        except StoryNotFound as exc:
            fail(str(exc))
    typer.echo(f"Deleted story {story_id}.")


@app.command("export")
def export(
    fmt: Annotated[
        str, typer.Option("--format", help="json (complete, with dates) or markdown.")
    ] = "json",
    out: Annotated[
        Path | None, typer.Option("--out", help="Write to this file instead of stdout.")
    ] = None,
) -> None:
    """Export every story as JSON or Markdown (import it again with `stories import`)."""
    from barraiser.store import utcnow
    from barraiser.stories import FORMATS, ExportedStory, export_stories

    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r}: use json or markdown.")
    with _bank() as (stories, user_id):
        found = stories.list(user_id)
    # Oldest first, so that an import adds them back in the order they were written.
    found.sort(key=lambda s: (s.created_at, s.id))
    exported = [ExportedStory(s.data(), s.created_at, s.updated_at) for s in found]
    text = export_stories(exported, fmt, utcnow())
    if out is None:
        sys.stdout.write(text)
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {out}: {exc.strerror or exc}.")
    typer.echo(f"Exported {len(exported)} story(ies) to {out}.", err=True)


@app.command("import")
def import_stories(
    path: Annotated[str, typer.Argument(metavar="FILE", help="A JSON or Markdown file, or -.")],
    fmt: Annotated[
        str | None,
        typer.Option("--format", help="json or markdown (default: from the name or content)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print what was added as JSON.")] = False,
) -> None:
    """Import stories from a JSON or Markdown file; stories already in the bank are skipped."""
    from barraiser.stories import FORMATS, TransferError, read_stories

    if fmt is not None and fmt not in FORMATS:
        fail(f"unknown format {fmt!r}: use json or markdown.")
    data, name = _read(path)
    try:
        found = read_stories(data, name, fmt)
    except TransferError as exc:
        fail(f"nothing was imported: {path}: {exc}")
    with _bank() as (stories, user_id):
        done = stories.import_stories(
            user_id, [f.story for f in found], [f.created_at for f in found]
        )
    if as_json:
        print_json({"added": [_story_json(s) for s in done.added], "skipped": done.skipped})
        return
    typer.echo(f"Imported {len(done.added)} story(ies) from {path}.")
    if done.skipped:
        typer.echo(f"Skipped {len(done.skipped)} already in your bank: " + "; ".join(done.skipped))
