"""``barraiser grade`` and ``barraiser grade-batch``: score free-text answers against rubrics."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from barraiser.cli._common import bank, fail, print_json, settings

if TYPE_CHECKING:
    from barraiser.grading.grader import Grader
    from barraiser.grading.llm import LLMConfig, LLMOutcome
    from barraiser.grading.rubric import PreparedRubric


def _grader() -> Grader:
    from barraiser.grading.embeddings import ModelUnavailable, get_backend
    from barraiser.grading.grader import Grader

    try:
        principles = list(bank().principles.values())
        return Grader(get_backend(settings()), principles=principles)
    except ModelUnavailable as exc:
        fail(str(exc), code=2)


def _llm_config() -> LLMConfig | LLMOutcome | None:
    """The LLM judge's configuration, None when it is off, or an outcome holding the error."""
    from barraiser.grading.llm import LLMConfigError, LLMOutcome, config_from_settings

    current = settings()
    try:
        return config_from_settings(current)
    except LLMConfigError as exc:
        return LLMOutcome(model=current.llm_model or "", error=str(exc))


def _llm_judge(
    config: LLMConfig | LLMOutcome | None, answer: str, rubric: PreparedRubric
) -> LLMOutcome | None:
    """The LLM judge's outcome (never raises: failures are sentences), None when it is off."""
    from barraiser.grading.llm import LLMOutcome, judge_with_llm

    if config is None or isinstance(config, LLMOutcome):
        return config
    return judge_with_llm(rubric.prompt, rubric, answer, config)


def _llm_text(outcome: LLMOutcome) -> str:
    if outcome.judgement is None:
        return f"LLM judge ({outcome.model or 'not configured'}): no assessment. {outcome.error}"
    judgement = outcome.judgement
    lines = [f"LLM judge ({outcome.model}): {judgement.score:.0f}/100."]
    covered = [kp.id for kp in judgement.key_points if kp.covered]
    missed = [kp.id for kp in judgement.key_points if not kp.covered]
    if covered:
        lines.append("Covered: " + ", ".join(covered) + ".")
    if missed:
        lines.append("Missed: " + ", ".join(missed) + ".")
    lines.extend(f"! {m}" for m in judgement.misconceptions)
    if judgement.feedback:
        lines.append(judgement.feedback.strip())
    return "\n".join(lines)


def _question_rubric(question_id: str) -> PreparedRubric:
    from barraiser.grading.rubric import from_question

    questions = bank().questions
    question = questions.get(question_id)
    if question is None:
        fail(f"no question {question_id!r}: run `barraiser questions list` to see the ids.")
    if not question.is_free_text:
        fail(
            f"{question_id!r} is a {question.kind} question, judged by running code: "
            "use `barraiser judge submit` instead."
        )
    return from_question(question)


def grade(
    question: Annotated[
        str | None, typer.Option("--question", help="Id of a bank question.")
    ] = None,
    rubric: Annotated[
        Path | None,
        typer.Option(
            "--rubric",
            help="A YAML rubric: key_points (and misconceptions), or question + reference_answer.",
        ),
    ] = None,
    answer_file: Annotated[
        str | None,
        typer.Option("--answer-file", help="File holding the answer; '-' reads standard input."),
    ] = None,
    dash: Annotated[
        str | None, typer.Argument(help="'-' to read the answer from standard input.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Grade one free-text answer against a bank question's rubric or a rubric file."""
    from barraiser.grading.rubric import RubricError, load_rubric_file

    if (question is None) == (rubric is None):
        fail("give exactly one of --question ID or --rubric FILE.yaml.")
    source = answer_file or dash
    if source is None:
        fail("give the answer with --answer-file FILE, or '-' to read standard input.")
    if dash is not None and dash != "-":
        fail(f"unexpected argument {dash!r}: use '-' for standard input or --answer-file.")
    if source == "-":
        answer = sys.stdin.read()
    else:
        try:
            answer = Path(source).read_text(encoding="utf-8")
        except OSError as exc:
            fail(f"cannot read the answer file {source}: {exc.strerror or exc}.")
    if rubric is not None:
        try:
            prepared = load_rubric_file(rubric)
        except RubricError as exc:
            fail(str(exc))
    else:
        assert question is not None
        prepared = _question_rubric(question)
    result = _grader().grade(answer, prepared)
    llm = _llm_judge(_llm_config(), answer, prepared)
    if as_json:
        data = result.to_json_dict()
        data["llm"] = llm.model_dump(mode="json") if llm is not None else None
        print_json(data)
        return
    typer.echo(result.feedback)
    if llm is not None:
        typer.echo("\n" + _llm_text(llm))


def _line_rubric(record: dict[str, Any], cache: dict[str, PreparedRubric]) -> PreparedRubric | str:
    """The rubric for one input line, or an error sentence."""
    from barraiser.grading.rubric import RubricError, from_question, from_reference

    question_id = record.get("question_id")
    if question_id is not None:
        key = f"id:{question_id}"
        if key not in cache:
            question = bank().questions.get(str(question_id))
            if question is None:
                return f"unknown question_id {question_id!r}"
            if not question.is_free_text:
                return f"{question_id!r} is a coding question (use the judge)"
            cache[key] = from_question(question)
        return cache[key]
    reference = record.get("reference_answer")
    if not isinstance(reference, str):
        return "needs question_id, or question and reference_answer"
    prompt = str(record.get("question") or "")
    key = f"ref:{prompt}\x00{reference}"
    if key not in cache:
        try:
            cache[key] = from_reference(prompt, reference)
        except RubricError as exc:
            return str(exc)
    return cache[key]


def grade_batch(
    in_path: Annotated[Path, typer.Option("--in", help="JSON Lines: {id, answer, question_id}.")],
    out_path: Annotated[Path, typer.Option("--out", help="JSON Lines results: {id, score, ...}.")],
    batch_size: Annotated[int, typer.Option(help="Answers embedded together.", min=1)] = 32,
    use_llm: Annotated[
        bool,
        typer.Option(
            "--llm",
            help="Also ask the configured LLM judge (BARRAISER_LLM_*) about every answer (slow).",
        ),
    ] = False,
) -> None:
    """Grade many answers (one model load); each output line has the input's id and the result.

    Input lines are ``{id, answer, question_id}`` or ``{id, answer, question, reference_answer}``.
    Bad lines are reported on stderr with their line number and written as ``{id, error}``.
    With ``--llm`` each output line also has ``llm`` (the judge's assessment or why there is none).
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    try:
        lines = in_path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        fail(f"cannot read {in_path}: {exc.strerror or exc}.")
    console = Console(stderr=True)
    llm_config = _llm_config() if use_llm else None
    if use_llm and llm_config is None:
        fail(
            "--llm needs the LLM judge configured: set BARRAISER_LLM_BASE_URL and "
            "BARRAISER_LLM_MODEL (see the README settings table)."
        )
    grader = _grader()
    cache: dict[str, PreparedRubric] = {}
    jobs: list[tuple[int, Any, str, PreparedRubric]] = []
    outputs: dict[int, dict[str, Any]] = {}
    errors = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        problem: str | None = None
        record: Any = None
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problem = f"not valid JSON ({exc.msg})"
        if problem is None and not isinstance(record, dict):
            problem = "must be a JSON object"
        if problem is None and "id" not in record:
            problem = "has no id"
        if problem is None and not isinstance(record.get("answer"), str):
            problem = "needs an answer (a string)"
        rubric: PreparedRubric | str = "?"
        if problem is None:
            rubric = _line_rubric(record, cache)
            if isinstance(rubric, str):
                problem = rubric
        if problem is not None or isinstance(rubric, str):
            errors += 1
            console.print(f"[red]line {number}[/]: {problem}", highlight=False)
            record_id = record.get("id") if isinstance(record, dict) else None
            outputs[number] = {"id": record_id, "line": number, "error": problem}
            continue
        jobs.append((number, record["id"], record["answer"], rubric))

    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    ) as progress:
        task = progress.add_task("Grading", total=len(jobs))
        for start in range(0, len(jobs), batch_size):
            chunk = jobs[start : start + batch_size]
            results = grader.grade_many([(answer, rubric) for _, _, answer, rubric in chunk])
            for (number, record_id, answer, rubric), result in zip(chunk, results, strict=True):
                outputs[number] = {"id": record_id, **result.to_json_dict()}
                if use_llm:
                    llm = _llm_judge(llm_config, answer, rubric)
                    outputs[number]["llm"] = llm.model_dump(mode="json") if llm else None
            progress.advance(task, len(chunk))

    try:
        with out_path.open("w", encoding="utf-8") as out:
            for number in sorted(outputs):
                out.write(json.dumps(outputs[number], ensure_ascii=False) + "\n")
    except OSError as exc:
        fail(f"cannot write {out_path}: {exc.strerror or exc}.")
    console.print(
        f"Graded {len(jobs)} answer(s) into {out_path}"
        + (f"; {errors} bad line(s) skipped." if errors else "."),
        highlight=False,
    )
    if errors:
        raise typer.Exit(1)
