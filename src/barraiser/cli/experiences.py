"""``barraiser experiences ...``: the journal of real interviews and the questions asked in them."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from barraiser.cli._common import bank, fail, print_json, settings

if TYPE_CHECKING:
    from barraiser.journal import EntryOut, Journal

app = typer.Typer(
    help="Your journal of real interviews: company, role, date, rounds and the questions asked.",
    no_args_is_help=True,
)


@contextmanager
def _journal() -> Iterator[tuple[Journal, int]]:
    from barraiser.journal import Journal
    from barraiser.store import StoreError, ensure_local_user, init_store

    try:
        store = init_store(settings())
    except StoreError as exc:
        fail(str(exc))
    try:
        with store.session() as session:
            user_id = ensure_local_user(session).id
        yield Journal(store), user_id
    finally:
        store.close()


def _split_question(value: str) -> dict[str, Any]:
    """``"ml: What is ..."`` -> kind ml; text without a known kind prefix has kind other."""
    from barraiser.content.drafts import ASKED_KINDS

    head, sep, rest = value.partition(":")
    if sep and head.strip().lower() in ASKED_KINDS:
        return {"text": rest.strip(), "kind": head.strip().lower()}
    return {"text": value.strip(), "kind": "other"}


def _read_json(path: str) -> dict[str, Any]:
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror or exc}.")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        fail(f"{path} is not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}.")
    if not isinstance(data, dict):
        fail(f"{path} must hold one JSON object: {{company, role, date, rounds, questions}}.")
    return data


def _print_entry(entry: EntryOut) -> None:
    from barraiser.journal import OUTCOME_LABELS

    outcome = OUTCOME_LABELS.get(entry.outcome or "", "not given")
    typer.echo(f"#{entry.id}  {entry.company} · {entry.role} · {entry.date.isoformat()}")
    typer.echo(f"Outcome: {outcome}")
    if entry.notes:
        typer.echo(f"Notes: {entry.notes}")
    for rnd in entry.rounds:
        typer.echo(f"Round {rnd.number}: {rnd.title}" + (f"\n  {rnd.notes}" if rnd.notes else ""))
    if not entry.questions:
        typer.echo("No questions recorded.")
    for q in entry.questions:
        where = f", round {q.round}" if q.round is not None else ""
        typer.echo(f"Question {q.number} (id {q.id}, {q.kind}{where}): {q.text}")
        if q.practice_question_id:
            typer.echo(f"  practice question: barraiser questions show {q.practice_question_id}")


@app.command("list")
def list_entries(
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
) -> None:
    """List your journal entries, newest interview first."""
    with _journal() as (journal, user_id):
        entries = journal.list(user_id)
    if as_json:
        print_json([e.model_dump(mode="json") for e in entries])
        return
    if not entries:
        typer.echo(
            "No entries yet. After a real interview, record it with `barraiser experiences add "
            "--company NAME --role ROLE --date YYYY-MM-DD --question 'ml: ...'` or at /experiences."
        )
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(entries)} interview(s)", title_justify="left")
    for column in ("id", "date", "company", "role", "outcome", "rounds", "questions"):
        table.add_column(column, overflow="fold")
    for e in entries:
        table.add_row(
            str(e.id),
            e.date.isoformat(),
            e.company,
            e.role,
            e.outcome or "",
            str(len(e.rounds)),
            str(len(e.questions)),
        )
    Console().print(table)


@app.command("add")
def add(
    company: Annotated[str | None, typer.Option(help="The company you interviewed with.")] = None,
    role: Annotated[str | None, typer.Option(help="The role, e.g. 'ML engineer'.")] = None,
    date: Annotated[
        str | None, typer.Option("--date", help="The day of the interview, YYYY-MM-DD.")
    ] = None,
    outcome: Annotated[
        str | None,
        typer.Option(help="offer, rejected, pending, withdrew or no-reply (optional)."),
    ] = None,
    notes: Annotated[str | None, typer.Option(help="Notes on the whole interview.")] = None,
    rounds: Annotated[
        list[str] | None, typer.Option("--round", help="A round's title (repeatable).")
    ] = None,
    questions: Annotated[
        list[str] | None,
        typer.Option(
            "--question",
            help="A question asked (repeatable); start it with its kind and a colon: coding:, "
            "ml:, system-design:, behavioural: or other: (the default).",
        ),
    ] = None,
    from_json: Annotated[
        str | None,
        typer.Option(
            "--from-json",
            help="A JSON file (or - for stdin) with company, role, date, outcome, notes, "
            "rounds [{title, notes}] and questions [{text, kind, round}]; options override it.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the saved entry as JSON.")] = False,
) -> None:
    """Record a real interview; it is saved at once and stays private to you."""
    from barraiser.journal import EntryInvalid, parse_entry
    from barraiser.store import utcnow

    raw: dict[str, Any] = _read_json(from_json) if from_json else {}
    given = {"company": company, "role": role, "date": date, "outcome": outcome, "notes": notes}
    raw.update({key: value for key, value in given.items() if value is not None})
    if rounds:
        raw["rounds"] = [*(raw.get("rounds") or []), *({"title": t} for t in rounds)]
    if questions:
        raw["questions"] = [*(raw.get("questions") or []), *map(_split_question, questions)]
    try:
        data = parse_entry(raw, utcnow().date())
    except EntryInvalid as exc:
        fail("nothing was saved. " + " ".join(p.message for p in exc.problems))
    with _journal() as (journal, user_id):
        entry = journal.create(user_id, data)
    if as_json:
        print_json(entry.model_dump(mode="json"))
        return
    typer.echo(f"Saved entry {entry.id}: {entry.company} · {entry.role} · {entry.date}.")
    if entry.questions:
        typer.echo(
            f"Make a practice question of one: barraiser experiences practice {entry.id} "
            f"{entry.questions[0].id}"
        )


@app.command("show")
def show(
    entry_id: Annotated[int, typer.Argument(metavar="ID", help="The entry's id.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the entry as JSON.")] = False,
) -> None:
    """Show one entry: its rounds and the questions asked."""
    from barraiser.journal import EntryNotFound

    with _journal() as (journal, user_id):
        try:
            entry = journal.get(user_id, entry_id)
        except EntryNotFound as exc:
            fail(str(exc))
    if as_json:
        print_json(entry.model_dump(mode="json"))
        return
    _print_entry(entry)


@app.command("delete")
def delete(
    entry_id: Annotated[int, typer.Argument(metavar="ID", help="The entry's id.")],
) -> None:
    """Delete an entry (draft questions made from it stay in your content folder)."""
    from barraiser.journal import EntryNotFound

    with _journal() as (journal, user_id):
        try:
            journal.delete(user_id, entry_id)
        except EntryNotFound as exc:
            fail(str(exc))
    typer.echo(f"Deleted entry {entry_id}.")


@app.command("practice")
def practice(
    entry_id: Annotated[int, typer.Argument(metavar="ID", help="The entry's id.")],
    question_id: Annotated[
        int, typer.Argument(metavar="QUESTION_ID", help="The question's id (see `show`).")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Make a recorded question a practice question: a draft in your own content folder
    (not a coding question: it needs a judge problem with tests)."""
    from barraiser.journal import DraftRefused, EntryNotFound

    folder = settings().user_content_dir
    content = bank()
    with _journal() as (journal, user_id):
        try:
            made = journal.practice_question(user_id, entry_id, question_id, content, folder)
        except (EntryNotFound, DraftRefused) as exc:
            fail(str(exc))
    path = made.path or content.origins.get(f"question:{made.question_id}")
    if as_json:
        print_json({"question_id": made.question_id, "path": str(path), "created": made.created})
        return
    verb = "Made" if made.created else "Already made"
    typer.echo(f"{verb} the draft practice question {made.question_id} ({path}).")
    typer.echo(
        "It has no rubric yet: answers are saved but not scored against key points. "
        f"Practise it with `barraiser questions show {made.question_id}` or at "
        f"/questions/{made.question_id}."
    )
