"""``barraiser content ...``: validate the question bank, problems, loops and principles."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Annotated, Any

import typer

from barraiser.cli._common import fail, settings

if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import Console

    from barraiser.content.loader import Bank, ContentProblem
    from barraiser.content.problems import LoadedProblem

app = typer.Typer(help="Validate and inspect content.", no_args_is_help=True)


@app.command("check")
def check(
    judge: Annotated[
        bool,
        typer.Option(
            "--judge",
            help="Also prove every problem in the sandbox: each shipped solution must get "
            "its declared verdict (references AC in every language; wrong WA; slow TLE).",
        ),
    ] = False,
    problem_ids: Annotated[
        list[str] | None,
        typer.Option("--problem", help="With --judge: only these problem ids (repeatable)."),
    ] = None,
    slots: Annotated[
        int, typer.Option(min=1, max=16, help="With --judge: sandboxes used in parallel.")
    ] = 2,
    only_changed: Annotated[
        bool,
        typer.Option(
            "--changed",
            help="With --judge: only the problems whose files differ from the record of the "
            "last full proof (content/problems/proved.json), plus any --problem ids.",
        ),
    ] = False,
    record: Annotated[
        bool,
        typer.Option(
            "--record",
            help="With --judge: write each proved problem's file digest to the record "
            "(`make content-proof` proves all and records them).",
        ),
    ] = False,
) -> None:
    """Validate all content; exit non-zero with a list of every problem found."""
    from rich.console import Console
    from rich.text import Text

    from barraiser.content.bank import content_dirs
    from barraiser.content.check import check_content

    console = Console(stderr=False)
    current = settings()
    dirs = content_dirs(current.extra_content_dir)
    bank, problems = check_content(dirs, user_dir=current.user_content_dir)
    own_problems = bank.draft_problems
    mine = set(own_problems)
    bank_problems = [p for p in problems if p not in mine]
    if bank_problems:
        console.print(f"[bold red]{len(bank_problems)} problem(s) found:[/]")
        for problem in bank_problems:
            console.print(Text("  - ", style="red") + Text(str(problem)), highlight=False)
        _print_own_problems(console, own_problems, current.user_content_dir)
        raise typer.Exit(1)
    n_cal = sum(len(q.calibration) for q in bank.questions.values())
    console.print(
        f"[green]Content OK[/]: {len(bank.questions)} questions ({n_cal} calibration answers), "
        f"{len(bank.problems)} coding problems, {len(bank.loops)} loops, "
        f"{len(bank.principles)} Leadership Principles, {len(bank.competencies)} competencies, "
        f"from {', '.join(str(d) for d in dirs)}."
    )
    _print_coverage(console, bank)
    drafts = sorted(q for q in bank.own_questions if bank.questions[q].draft)
    if bank.own_questions:
        console.print(
            f"Your own questions: {len(bank.own_questions)} from {current.user_content_dir}"
            + (
                f", {len(drafts)} of them drafts with no rubric yet (checked as drafts: answers "
                "to them are saved but not scored against key points)."
                if drafts
                else "."
            ),
            highlight=False,
        )
    _print_own_problems(console, own_problems, current.user_content_dir)
    if not judge:
        if own_problems:
            raise typer.Exit(1)
        return
    unknown = [p for p in problem_ids or [] if p not in bank.problems]
    if unknown:
        fail(f"unknown problem id(s): {', '.join(unknown)}; `barraiser problems list` shows them.")
    chosen = _chosen(bank.problems, problem_ids or [], only_changed, dirs[0], console)
    started = time.monotonic()
    reports = _prove([bank.problems[p] for p in chosen], slots, console) if chosen else []
    elapsed = time.monotonic() - started
    failed = [r for r in reports if not r["ok"]]
    if record:
        _record(bank.problems, reports, dirs[0], console)
    for report in failed:
        console.print(f"[red]FAILED[/] {report['problem_id']}: {report['error']}".rstrip(": "))
        for entry in report["solutions"]:
            if not entry["ok"]:
                console.print(
                    Text(
                        f"    {entry['file']}: expected {entry['expect']}, got {entry['verdict']} "
                        f"{entry['detail']}".rstrip()
                    )
                )
    n_solutions = sum(len(r["solutions"]) for r in reports)
    if failed:
        console.print(f"[bold red]{len(failed)} of {len(reports)} problem(s) failed.[/]")
        raise typer.Exit(1)
    console.print(
        f"[green]Judged OK[/]: all {n_solutions} solutions of {len(reports)} problem(s) got "
        f"their declared verdicts ({elapsed:.0f} s)."
    )
    if own_problems:
        raise typer.Exit(1)


def _chosen(
    problems: dict[str, LoadedProblem],
    ids: list[str],
    only_changed: bool,
    shipped_root: Path,
    console: Console,
) -> list[str]:
    """Every problem, or the --problem ids and (with --changed) those changed since the record."""
    from barraiser.content.proofs import changed, read_record, record_path

    if not ids and not only_changed:
        return sorted(problems)
    chosen = set(ids)
    if only_changed:
        try:
            recorded = read_record(shipped_root)
        except ValueError as error:
            fail(str(error))
        new = {p.id for p in changed(problems.values(), recorded)}
        console.print(
            f"{len(new)} of {len(problems)} problem(s) changed since the record of the last "
            f"full proof ({record_path(shipped_root)})"
            + (f": {', '.join(sorted(new))}." if new else "."),
            highlight=False,
        )
        chosen |= new
    return sorted(chosen)


def _record(
    problems: dict[str, LoadedProblem],
    reports: list[dict[str, Any]],
    shipped_root: Path,
    console: Console,
) -> None:
    """Write the proved problems of the shipped content to the record (failed ones leave it)."""
    from barraiser.content.proofs import write_record

    shipped = {
        pid: p
        for pid, p in problems.items()
        if p.folder.resolve().is_relative_to((shipped_root / "problems").resolve())
    }
    proved = [shipped[r["problem_id"]] for r in reports if r["ok"] and r["problem_id"] in shipped]
    failed = [r["problem_id"] for r in reports if not r["ok"]]
    path = write_record(shipped_root, proved, failed, shipped)
    console.print(f"Recorded {len(proved)} proved problem(s) in {path}.", highlight=False)


def _print_coverage(console: Console, bank: Bank) -> None:
    """The bank's breadth against its targets: unmet lines summed up, not failures."""
    from barraiser.content.coverage import coverage, reviewed_share

    lines = coverage(bank)
    short = [line for line in lines if not line.met]
    reviewed, free = reviewed_share(bank)
    console.print(
        f"Coverage: {len(lines) - len(short)} of {len(lines)} targets met; "
        f"{reviewed} of {free} free-text questions reviewed.",
        highlight=False,
    )
    for line in short:
        console.print(f"  - {line}", highlight=False)


def _print_own_problems(console: Console, problems: list[ContentProblem], folder: Path) -> None:
    """The problems of the user's own questions: theirs to fix, apart from the bank's."""
    from rich.text import Text

    if not problems:
        return
    console.print(
        f"[bold red]{len(problems)} problem(s) in your own questions[/] ({folder}); fix "
        "them (a file that cannot be read is left out of the question bank until then):",
        highlight=False,
    )
    for problem in problems:
        console.print(Text("  - ", style="red") + Text(str(problem)), highlight=False)


def _prove(problems: list[LoadedProblem], slots: int, console: Console) -> list[dict[str, Any]]:
    """Check each problem on a pool of sandboxes, one problem per sandbox at a time."""
    import queue
    from concurrent.futures import ThreadPoolExecutor

    from rich.progress import Progress

    from barraiser.judge.problem_check import check_problem
    from barraiser.judge.sandbox import Sandbox, SandboxUnavailable

    try:
        pool: queue.Queue[Sandbox] = queue.Queue()
        for slot in range(slots):
            pool.put(Sandbox(slot))
    except SandboxUnavailable as error:
        fail(str(error))

    def one(problem: LoadedProblem) -> dict[str, Any]:
        sandbox = pool.get()
        try:
            return check_problem(problem, sandbox)
        finally:
            pool.put(sandbox)

    with Progress(console=console, transient=True) as bar:
        task = bar.add_task("Judging problems", total=len(problems))
        reports = []
        with ThreadPoolExecutor(max_workers=slots) as executor:
            for report in executor.map(one, problems):
                reports.append(report)
                mark = "[green]ok[/]" if report["ok"] else "[red]FAILED[/]"
                bar.console.print(f"  {mark} {report['problem_id']}", highlight=False)
                bar.advance(task)
    return reports
