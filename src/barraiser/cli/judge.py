"""``barraiser judge ...``: run one program in the sandbox, and check the sandbox itself."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from barraiser.cli._common import fail, print_json, settings

if TYPE_CHECKING:
    from barraiser.content.problems import LoadedProblem
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
    lang: Annotated[
        str, typer.Option("--lang", help="The language (`barraiser judge doctor` lists them).")
    ],
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
    slots: Annotated[
        int,
        typer.Option(
            min=1,
            max=256,
            help="Judgements this machine runs at once (the workers' --concurrency summed): "
            "that many slot users must exist.",
        ),
    ] = 1,
) -> None:
    """Check what a judging machine needs (bubblewrap, user namespaces, cgroups, slot users),
    report the isolation in force and self-test every language; non-zero exit on a failure."""
    from barraiser.judge.host import NEEDS, host_checks
    from barraiser.judge.languages import LANGUAGES, self_test
    from barraiser.judge.sandbox import Sandbox, SandboxUnavailable

    checks = [] if unsafe else host_checks(slots)
    if not as_json and not unsafe:
        typer.echo("A judging machine (a worker host) needs:")
        for need in NEEDS:
            typer.echo(f"  - {need}")
        for check in checks:
            typer.echo(f"{'ok' if check.ok else 'MISSING':8}{check.name}: {check.detail}")
    try:
        sandbox = Sandbox(0, unsafe=unsafe)
    except SandboxUnavailable as error:
        if as_json:
            print_json({"host": [c.to_json() for c in checks], "error": str(error)})
            raise typer.Exit(2) from None
        fail(f"the sandbox cannot start: {error}.", code=2)
    report: dict[str, object] = dict(sandbox.isolation)
    if not unsafe:
        report["host"] = [check.to_json() for check in checks]
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
    healthy = all(entry["ok"] for entry in languages.values()) and all(c.ok for c in checks)
    if as_json:
        print_json(report)
    else:
        for key, value in sandbox.isolation.items():
            typer.echo(f"{key}: {value}")
        for name, entry in languages.items():
            mark = "ok" if entry["ok"] else f"FAILED ({entry['status']}) {entry['detail']}"
            typer.echo(f"{name}: {mark} ({entry['wall_s']} s)")
        if not healthy:
            typer.echo("Not ready to judge: fix what is MISSING or FAILED above (docs/deploy.md).")
    if not healthy:
        raise typer.Exit(1)


@app.command("prepare")
def prepare(
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Get the machine ready to judge (run at install; `make run` does): remove the run
    folders of killed judges and build the C++ precompiled header."""
    from barraiser.judge.languages.cpp import PCH_ROOT
    from barraiser.judge.prepare import prepare as prepare_host

    done = prepare_host(background=False)
    payload = {
        "removed": [str(path) for path in done.removed],
        "pch_dir": str(done.pch_dir) if done.pch_dir else None,
    }
    if as_json:
        print_json(payload)
        return
    typer.echo(f"Removed {len(done.removed)} folder(s) left by judges that were killed.")
    if done.pch_dir is not None:
        typer.echo(f"C++ precompiled header: {done.pch_dir}")
    else:
        typer.echo(
            f"The C++ precompiled header could not be built (it needs g++ and write access to "
            f"{PCH_ROOT}, e.g. as root); C++ compiles work without it, a little slower."
        )


def _language_of(file: Path) -> str | None:
    """The language whose extension ``file`` has."""
    from barraiser.judge.languages import LANGUAGES

    for name, language in LANGUAGES.items():
        if file.suffix in (language.extension, *language.other_extensions):
            return name
    return None


def _problem(problem_id: str) -> LoadedProblem:
    from barraiser.content.files import ContentError, content_dirs
    from barraiser.content.problems import load_problem

    try:
        return load_problem(problem_id, content_dirs(settings().extra_content_dir))
    except KeyError as error:
        fail(str(error.args[0]) + ".")
    except ContentError as error:
        fail(f"the problem {problem_id} is not valid:\n{error}")


@app.command("submit")
def submit(
    problem_id: Annotated[str, typer.Argument(help="The problem's id.")],
    file: Annotated[Path, typer.Argument(help="The solution's source file.")],
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help="The language (default: from the extension; `barraiser judge doctor` lists them).",
        ),
    ] = None,
    mode: Annotated[
        str, typer.Option("--mode", help="submit (hidden tests), run (samples only).")
    ] = "submit",
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    unsafe: Annotated[bool, typer.Option("--unsafe", help=_UNSAFE_HELP)] = False,
) -> None:
    """Judge FILE on a problem's samples and hidden tests (hidden tests show no data)."""
    from barraiser.judge.hidden import TestGenerationError
    from barraiser.judge.languages import LANGUAGES
    from barraiser.judge.runner import SubmissionRejected, judge

    language = lang or _language_of(file)
    if language is None:
        fail(f"cannot tell the language of {file.name}; pass --lang {'|'.join(LANGUAGES)}.")
    if mode not in ("submit", "run"):
        fail("--mode must be submit or run.")
    problem = _problem(problem_id)
    try:
        source = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        fail(f"cannot read {file}: {error}.")
    sandbox = _sandbox(unsafe)
    try:
        result = judge(problem, source, language, mode, sandbox=sandbox)  # type: ignore[arg-type]
    except (SubmissionRejected, TestGenerationError) as error:
        fail(str(error))
    data = result.to_dict()
    if as_json:
        print_json(data)
    else:
        _print_judgement(data)
    if data["verdict"] == "IE":
        raise typer.Exit(2)


def _print_judgement(data: dict[str, Any]) -> None:
    # The counts in words: a submission stopped at a sample ran none of the hidden tests.
    typer.echo(
        f"{data['verdict']}  {data['summary']}; max {data['time_s']} s, {data['memory_kb']} KiB"
    )
    if data["compile_output"]:
        typer.echo(data["compile_output"])
    sample = data["first_failing_sample"]
    if sample:
        typer.echo(f"sample {sample['index'] + 1}: {sample['verdict']}")
        typer.echo(f"  input:    {json.dumps(sample['input'])}")
        typer.echo(f"  expected: {json.dumps(sample['expected'])}")
        typer.echo(f"  actual:   {json.dumps(sample['actual'])}")
        if sample["message"]:
            typer.echo(f"  {sample['message']}")


@app.command("check-problem")
def check_problem(
    problem_id: Annotated[str, typer.Argument(help="The problem's id.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    unsafe: Annotated[bool, typer.Option("--unsafe", help=_UNSAFE_HELP)] = False,
) -> None:
    """Run every shipped solution of a problem; non-zero exit unless each gets its verdict."""
    from barraiser.judge.problem_check import check_problem as run_check

    problem = _problem(problem_id)
    sandbox = _sandbox(unsafe)
    report = run_check(problem, sandbox, progress=not as_json)
    if as_json:
        print_json(report)
    else:
        for entry in report["solutions"]:
            mark = "ok" if entry["ok"] else "FAILED"
            typer.echo(
                f"{mark:6} {entry['file']}: expected {entry['expect']}, got {entry['verdict']} "
                f"({entry['seconds']} s) {entry['detail']}".rstrip()
            )
        if report["error"]:
            typer.echo(f"Error: {report['error']}")
    if not report["ok"]:
        raise typer.Exit(1)
