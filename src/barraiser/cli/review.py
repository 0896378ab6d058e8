"""Placeholder command, filled in by the mock-loop work (issue 5)."""

from __future__ import annotations

from barraiser.cli._common import fail


def review() -> None:
    """Not built yet."""
    fail("not built yet", code=2)
