"""``barraiser judge ...``: run one program in the sandbox, and check the sandbox itself."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from barraiser.cli._common import fail, print_json

if TYPE_CHECKING:
    from barraiser.judge.sandbox import Sandbox

app = typer.Typer(help="Run untrusted code in the sandbox.", no_args_is_help=True)

_UNSAFE_HELP = "Run WITHOUT a sandbox (only for your own code on a machine without bubblewrap)."


def _sandbox(unsafe: bool) -> Sandbox:
    from barraiser.judge.sandbox import Sandbox, SandboxUnavailable

    try:
        return Sandbox(0, unsafe=unsafe)
    except SandboxUnavailable as error:
        fail(str(error), code=2)


@app.command("run")
def run(
    file: Annotated[Path, typer.Argument(help="The program's source file.")],
    lang: Annotated[str, typer.Option("--lang", help="python, cpp or java.")],
    stdin: Annotated[
        Path | None, typer.Option("--stdin", help="A file given to the program as input.")
    ] = None,
    time_limit: Annotated[
        float, typer.Option("--time-limit", min=0.1, max=60, help="CPU seconds.")
    ] = 2.0,
    memory_limit: Annotated[
        int, typer.Option("--memory-limit", min=16, max=4096, help="Memory in MiB.")
    ] = 256,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    unsafe: Annotated[bool, typer.Option("--unsafe", help=_UNSAFE_HELP)] = False,
) -> None:
    """Compile (if needed) and run FILE once in the sandbox and report what happened."""
    from barraiser.judge.languages import LANGUAGES, execute
    from barraiser.judge.result import Limits

    language = LANGUAGES.get(lang)
    if language is None:
        fail(f"unknown language {lang!r}; use one of: {', '.join(LANGUAGES)}.")
    try:
        source = file.read_bytes()
        data = stdin.read_bytes() if stdin is not None else b""
    except OSError as error:
        fail(f"cannot read {error.filename}: {error.strerror}.")
    sandbox = _sandbox(unsafe)
    limits = Limits(time_limit_s=time_limit, memory_limit_mib=memory_limit)
    result = execute(language, sandbox, source, stdin=data, limits=limits)
    if as_json:
        print_json(result.to_json())
        return
    payload = result.to_json()
    typer.echo(
        f"{payload['status']}  exit={payload['exit_code']} signal={payload['signal']} "
        f"cpu={payload['cpu_s']}s wall={payload['wall_s']}s memory={payload['memory_kb']} KiB"
    )
    if result.message:
        typer.echo(result.message)
    sys.stdout.write(str(payload["stdout"]))
    if payload["stderr"]:
        typer.secho(str(payload["stderr"]), err=True, fg=typer.colors.YELLOW)


@app.command("doctor")
def doctor(
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    unsafe: Annotated[bool, typer.Option("--unsafe", help=_UNSAFE_HELP)] = False,
) -> None:
    """Report the isolation in force and self-test every language; non-zero exit on a failure."""
    from barraiser.judge.languages import LANGUAGES, self_test

    sandbox = _sandbox(unsafe)
    report: dict[str, object] = dict(sandbox.isolation)
    languages: dict[str, dict[str, object]] = {}
    for name, language in LANGUAGES.items():
        ok, result = self_test(language, sandbox)
        languages[name] = {
            "ok": ok,
            "status": str(result.status),
            "wall_s": round(result.wall_s, 3),
            "detail": (result.message or result.stderr.decode("utf-8", "replace"))[-500:],
        }
    report["languages"] = languages
    healthy = all(entry["ok"] for entry in languages.values())
    if as_json:
        print_json(report)
    else:
        for key, value in sandbox.isolation.items():
            typer.echo(f"{key}: {value}")
        for name, entry in languages.items():
            mark = "ok" if entry["ok"] else f"FAILED ({entry['status']}) {entry['detail']}"
            typer.echo(f"{name}: {mark} ({entry['wall_s']} s)")
    if not healthy:
        raise typer.Exit(1)
