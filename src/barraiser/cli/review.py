"""``barraiser review``: the questions and problems due for spaced-repetition review today."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from barraiser.cli._common import bank, fail, print_json, settings

if TYPE_CHECKING:
    from barraiser.interview.review import DueItem

#: Days ahead counted in "N more due in the next 7 days".
_AHEAD_DAYS = 7

_NO_CARDS = (
    "No review cards yet. A card is made for every question you answer and every problem you "
    "submit (in a loop, on the practice pages, or with the web app's answer box); "
    "come back here once you have answered a few."
)


def review(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON (a list of items).")] = False,
    show_all: Annotated[
        bool, typer.Option("--all", help="Every card with its due date, not only today's.")
    ] = False,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="Show at most N items.")
    ] = None,
) -> None:
    """List what is due for review today (due by the end of today, UTC)."""
    from barraiser.interview.review import all_items, card_count, due_items, upcoming
    from barraiser.store import StoreError, ensure_local_user, init_store, utcnow

    try:
        store = init_store(settings())
    except StoreError as exc:
        fail(str(exc))
    content = bank()
    now = utcnow()
    try:
        with store.session() as session:
            user_id = ensure_local_user(session).id
            if show_all:
                items = all_items(session, user_id, now, content)[:limit]
            else:
                items = due_items(session, user_id, now, content, limit=limit)
            ahead = sum(count for _, count in upcoming(session, user_id, now, _AHEAD_DAYS))
            has_cards = card_count(session, user_id) > 0
    finally:
        store.close()
    if as_json:
        print_json([item.model_dump(mode="json") for item in items])
        return
    if not has_cards:
        typer.echo(_NO_CARDS)
        return
    _print_table(items, show_all)
    more = f"{ahead} more due in the next {_AHEAD_DAYS} days."
    if not items and not show_all:
        typer.echo(f"Nothing is due today. {more}")
    else:
        typer.echo(more)


def _print_table(items: list[DueItem], show_all: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    if not items:
        return
    title = "All review cards" if show_all else f"Due today: {len(items)}"
    table = Table("title", "kind", "due (UTC)", "reps", title=title, title_justify="left")
    for item in items:
        due = item.due.strftime("%Y-%m-%d %H:%M")
        if item.overdue_days:
            due += f" ({item.overdue_days} d overdue)"
        table.add_row(item.title, item.kind, due, str(item.reps))
    Console().print(table)
