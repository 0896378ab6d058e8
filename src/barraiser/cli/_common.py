"""Helpers shared by the command modules: settings, the content bank, user-facing errors."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any, NoReturn

import typer

if TYPE_CHECKING:
    from barraiser.config import Settings
    from barraiser.content.loader import Bank


def fail(message: str, code: int = 1) -> NoReturn:
    """Print a one-sentence error on stderr and exit non-zero (never a traceback)."""
    typer.secho(f"Error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


def settings() -> Settings:
    """The settings in force, or a clear error when the environment or TOML file is invalid."""
    from pydantic import ValidationError

    from barraiser.config import config_file_path, get_settings

    try:
        return get_settings()
    except ValidationError as exc:
        lines = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        fail(
            f"invalid settings ({lines}). Check the BARRAISER_* variables and {config_file_path()}."
        )
    except ValueError as exc:  # e.g. a malformed TOML file
        fail(
            f"cannot read the settings: {exc}. Fix {config_file_path()} or unset BARRAISER_CONFIG."
        )


def bank() -> Bank:
    """The content bank, or a clear error listing what is wrong with the content."""
    from barraiser.content.bank import get_bank
    from barraiser.content.loader import ContentError

    try:
        current = settings()
        return get_bank(current.extra_content_dir, current.user_content_dir)
    except ContentError as exc:
        fail(f"{exc}\nRun `barraiser content check` for the full report.")


def print_json(data: Any) -> None:
    """Write JSON to stdout (UTF-8, one document)."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
