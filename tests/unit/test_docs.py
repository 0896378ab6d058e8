"""The README documents every command (a command nobody can find is a command nobody uses)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from barraiser.cli.main import app

README = (Path(__file__).parents[2] / "README.md").read_text()


def _commands(group: Any, prefix: str) -> list[str]:
    names = []
    for name, command in sorted(group.commands.items()):
        if hasattr(command, "commands"):  # a group of commands
            names.extend(_commands(command, f"{prefix} {name}"))
        else:
            names.append(f"{prefix} {name}")
    return names


def test_every_command_is_in_the_readme() -> None:
    root = typer.main.get_command(app)
    commands = _commands(root, "barraiser")
    assert "barraiser report" in commands and "barraiser review" in commands
    missing = [c for c in commands if c not in README]
    assert not missing, f"commands missing from README.md: {missing}"
