"""``barraiser users ...``: the accounts of a hosted install (``BARRAISER_MODE=hosted``).

Passwords are read from standard input (``--password-stdin``), never from the command line,
where other users of the machine could see them; API tokens are printed once.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from barraiser.cli._common import fail, print_json, settings

if TYPE_CHECKING:
    from barraiser.accounts import Account, Accounts

app = typer.Typer(
    help="Accounts of a hosted install: add, list, disable, API tokens.", no_args_is_help=True
)

_NAME = typer.Argument(metavar="NAME", help="The login name.")


@contextmanager
def _accounts() -> Iterator[Accounts]:
    from barraiser.accounts import AccountError, Accounts
    from barraiser.store import StoreError, init_store

    current = settings()
    try:
        store = init_store(current)
    except StoreError as exc:
        fail(str(exc))
    try:
        yield Accounts.from_settings(store, current)
    except AccountError as exc:
        fail(exc.message)
    finally:
        store.close()


def _row(account: Account) -> dict[str, object]:
    return {
        "username": account.username,
        "name": account.name,
        "role": account.role,
        "disabled": account.disabled,
        "created_at": account.created_at.isoformat(),
    }


@app.command("add")
def add(
    name: Annotated[str, _NAME],
    role: Annotated[str, typer.Option(help="candidate, coach or admin.")] = "candidate",
    display_name: Annotated[
        str | None, typer.Option("--display-name", help="The name shown (default: NAME).")
    ] = None,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
) -> None:
    """Add an account; its password comes from standard input."""
    if not password_stdin:
        fail("give the password on standard input with --password-stdin (never as an argument).")
    password = sys.stdin.readline().rstrip("\r\n")
    with _accounts() as accounts:
        account = accounts.add_user(name, password, role=role, name=display_name)
    typer.echo(f"Added {account.username} ({account.role}).")


@app.command("list")
def list_users(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List the accounts (login name, role, disabled)."""
    with _accounts() as accounts:
        rows = [_row(a) for a in accounts.list_users()]
    if as_json:
        print_json(rows)
        return
    if not rows:
        typer.echo("No accounts yet: `barraiser users add NAME --password-stdin`.")
    for row in rows:
        state = "  disabled" if row["disabled"] else ""
        typer.echo(f"{row['username']:<24} {row['role']:<10}{state}")


@app.command("disable")
def disable(name: Annotated[str, _NAME]) -> None:
    """Disable an account: its sessions end and its API tokens stop working."""
    with _accounts() as accounts:
        accounts.set_disabled(name, True)
    typer.echo(f"Disabled {name}: its sessions and API tokens no longer work.")


@app.command("enable")
def enable(name: Annotated[str, _NAME]) -> None:
    """Enable a disabled account again (it logs in afresh)."""
    with _accounts() as accounts:
        accounts.set_disabled(name, False)
    typer.echo(f"Enabled {name}.")


@app.command("token")
def token(name: Annotated[str, _NAME]) -> None:
    """Print a new API token (shown once): send it as `Authorization: Bearer TOKEN`."""
    with _accounts() as accounts:
        value = accounts.issue_api_token(name)
    typer.echo(value)


@app.command("revoke-tokens")
def revoke_tokens(name: Annotated[str, _NAME]) -> None:
    """Revoke every API token of an account."""
    with _accounts() as accounts:
        count = accounts.revoke_api_tokens(name)
    typer.echo(f"Revoked {count} API token(s) of {name}.")


@app.command("assign")
def assign(
    name: Annotated[str, _NAME],
    coach: Annotated[
        str | None, typer.Option(help="The coach (an account with the coach or admin role).")
    ] = None,
    no_coach: Annotated[bool, typer.Option("--no-coach", help="Remove the coach.")] = False,
) -> None:
    """Give a candidate a coach, who may then read the candidate's sessions and debriefs."""
    if (coach is None) == (not no_coach):
        fail("give either --coach COACH or --no-coach.")
    with _accounts() as accounts:
        accounts.assign(name, None if no_coach else coach)
    typer.echo(f"{name} has no coach now." if no_coach else f"{coach} now coaches {name}.")
