"""``barraiser serve``: the web app on the configured store."""

from __future__ import annotations

from typing import Annotated

import typer

from barraiser.cli._common import settings


def serve(
    host: Annotated[
        str | None, typer.Option(help="Address to bind (default from settings: 127.0.0.1).")
    ] = None,
    port: Annotated[
        int | None, typer.Option(min=1, max=65535, help="Port (default from settings: 8000).")
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            max=64,
            help="Web processes on the one address (hosted mode with a broker only; "
            "docs/deploy.md).",
        ),
    ] = 1,
) -> None:
    """Start the web app (migrates the database first)."""
    from barraiser.web.app import serve as run_server

    current = settings()
    overrides: dict[str, object] = {}
    if host is not None:
        overrides["host"] = host
    if port is not None:
        overrides["port"] = port
    run_server(current.model_copy(update=overrides) if overrides else current, workers)
