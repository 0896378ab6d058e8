"""``barraiser report``: a finished session's debrief as a self-contained HTML file or JSON."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from barraiser.cli._common import bank, fail, settings

if TYPE_CHECKING:
    from barraiser.content.loader import Bank
    from barraiser.interview.models import Debrief

FORMATS = ("html", "json")

_FIND_IDS = (
    "Find your session ids on the web app's History page (/sessions) or with `GET /api/sessions` "
    "while `barraiser serve` runs."
)


def report(
    session_id: Annotated[
        str, typer.Argument(help="The session's id (History page, or GET /api/sessions).")
    ],
    fmt: Annotated[str, typer.Option("--format", help="html or json.")] = "html",
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Where to write. Default: report-<id>.html in this folder; JSON goes to stdout.",
        ),
    ] = None,
) -> None:
    """Export the debrief of a finished session: decision, scorecards, charts and study plan."""
    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r}; use --format html or --format json.")
    content = bank()
    debrief = _load_debrief(session_id, content)
    from barraiser.interview.report import report_html, report_json

    if fmt == "json":
        text = report_json(debrief)
        if out is None:
            sys.stdout.write(text)
        else:
            _write(out, text)
    else:
        _write(out or Path.cwd() / _default_name(session_id), report_html(debrief, content))
    if debrief.pending:
        typer.echo(
            "Note: some code submissions were still being judged, so ratings may change; "
            "export again once `barraiser serve` has judged them.",
            err=True,
        )


def _default_name(session_id: str) -> str:
    # The id comes from the user: keep only characters that are safe in a file name.
    safe = re.sub(r"[^A-Za-z0-9_-]", "", session_id)[:64] or "session"
    return f"report-{safe}.html"


def _load_debrief(session_id: str, content: Bank) -> Debrief:
    """The session's debrief from the store, or a one-sentence error and exit 1."""
    from barraiser.interview.engine import InterviewError, InterviewService
    from barraiser.store import StoreError, ensure_local_user, init_store

    try:
        store = init_store(settings())
    except StoreError as exc:
        fail(str(exc))
    try:
        with store.session() as session:
            user_id = ensure_local_user(session).id
        # No judge workers: building a debrief only reads what is stored.
        service = InterviewService(store, content, answers=None, submissions=None)
        try:
            return service.debrief(user_id, session_id)
        except InterviewError as exc:
            if exc.status_code == 404:
                fail(f"there is no session with id {session_id!r}. {_FIND_IDS}")
            fail(exc.message)
    finally:
        store.close()


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {path}: {exc.strerror or exc}. Choose another path with --out.")
    typer.echo(f"Wrote the report to {path}")
