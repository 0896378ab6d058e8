"""``barraiser resume analyze``: tailor a résumé to a job description."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from barraiser.cli._common import bank, fail, print_json, settings

if TYPE_CHECKING:
    from barraiser.resume import ResumeAnalysis
    from barraiser.store import Store

app = typer.Typer(
    help="Tailor your résumé to a job description: skills found, weak and missing, bullets to "
    "rewrite, and the questions a recruiter would ask.",
    no_args_is_help=True,
)


def _open_store() -> tuple[Store, int] | None:
    """The store (the caller closes it) and the local user's id, or None (with a warning) when
    the store cannot be opened."""
    from barraiser.store import StoreError, ensure_local_user, init_store

    try:
        store = init_store(settings())
    except StoreError as exc:
        typer.secho(
            f"Warning: the analysis is not kept for your loops ({exc}).", err=True, fg="yellow"
        )
        return None
    try:
        with store.session() as session:
            return store, ensure_local_user(session).id
    except BaseException:
        store.close()
        raise


@app.command("analyze")
def analyze(
    resume: Annotated[
        Path, typer.Option("--resume", help="Your résumé: PDF, DOCX, Markdown or text.")
    ],
    job: Annotated[
        Path, typer.Option("--job", help="The job description: PDF, DOCX, Markdown or text.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    save: Annotated[
        bool,
        typer.Option(
            "--save/--no-save",
            help="Keep this analysis as your latest, so a loop's résumé round asks about your "
            "projects (default: keep).",
        ),
    ] = True,
) -> None:
    """Analyse a résumé against a job description."""
    from barraiser.grading.embeddings import ModelUnavailable
    from barraiser.resume import ResumeFileError, read_file
    from barraiser.resume.service import run_analysis

    try:
        parsed = read_file(resume)
        job_file = read_file(job)
    except ResumeFileError as exc:
        fail(f"{exc}")
    current = settings()
    principles = list(bank().principles.values())
    kept = _open_store() if save else None
    try:
        result = run_analysis(
            parsed,
            job_file,
            current,
            principles,
            store=kept[0] if kept else None,
            user_id=kept[1] if kept else None,
            resume_name=resume.name,
        )
    except ModelUnavailable as exc:
        fail(str(exc))
    finally:
        if kept is not None:
            kept[0].close()
    if as_json:
        print_json(result.model_dump(mode="json"))
        return
    _print(result)


def _print(a: ResumeAnalysis) -> None:
    echo = typer.echo
    echo(f"Résumé against: {a.job_title}")
    echo(
        f"{a.resume.words} words, {a.resume.bullets} bullets"
        + (f", {a.resume.pages} pages" if a.resume.pages else "")
    )
    echo("\nSkills the job asks for")
    for f in a.skills.found:
        note = " (only in your skills list)" if f.listed_only else ""
        echo(f'  found    [{f.importance}] {f.skill}{note}: "{f.evidence[0]}"')
    for w in a.skills.weak:
        how = f"via {w.matched}" if w.via == "adjacent" else "a close line"
        echo(f'  weak     [{w.importance}] {w.skill} ({how}): "{w.evidence[0]}"')
    for m in a.skills.missing:
        echo(f'  missing  [{m.importance}] {m.skill}  (job: "{m.job_line}")')
    if a.problems:
        echo("\nLength and sections")
        for p in a.problems:
            echo(f"  - {p.message}")
    echo("\nRewrite these first")
    for n, r in enumerate(a.rewrite_first, start=1):
        echo(f'  {n}. "{r.text}"')
        for why in r.why:
            echo(f"     - {why}")
        echo(f"     Shape: {r.shape}")
        echo(f"     e.g. {r.example}")
    echo("\nBullets")
    for b in a.bullets:
        mark = "result" if b.has_metric else "no result"
        principles = ", ".join(p.name for p in b.principles) or "-"
        issues = "; ".join(i.code for i in b.issues) or "ok"
        echo(f"  [{mark}] {b.text}\n      issues: {issues} | principles: {principles}")
    echo("\nQuestions to prepare")
    for q in a.questions:
        label = "Recruiter" if q.kind == "recruiter-screen" else "Project"
        echo(f"  {label}: {q.text}")
