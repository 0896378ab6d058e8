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
    """The configured grader (``BARRAISER_GRADER``: the embedding grader by default)."""
    from barraiser.grading.embeddings import ModelUnavailable
    from barraiser.grading.grader import get_grader

    try:
        return get_grader(settings(), list(bank().principles.values()))
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


def _llm_text(outcome: LLMOutcome, rubric: PreparedRubric) -> str:
    from barraiser.grading.followups import point_words

    if outcome.judgement is None:
        return f"LLM judge ({outcome.model or 'not configured'}): no assessment. {outcome.error}"
    judgement = outcome.judgement
    lines = [f"LLM judge ({outcome.model}): {judgement.score:.0f}/100."]
    # Key points in words, not their ids.
    words = {point.id: point_words(point.text) for point in rubric.points}
    covered = [words.get(kp.id, kp.id) for kp in judgement.key_points if kp.covered]
    missed = [words.get(kp.id, kp.id) for kp in judgement.key_points if not kp.covered]
    if covered:
        lines.append("Covered: " + "; ".join(covered) + ".")
    if missed:
        lines.append("Missed: " + "; ".join(missed) + ".")
    lines.extend(f"! {m}" for m in judgement.misconceptions)
    if judgement.feedback:
        lines.append(judgement.feedback.strip())
    return "\n".join(lines)


#: The answer cap of the API (20,000 characters) applies here too; reading stops well past it.
_READ_CAP = 4 * 20_000 + 4


def _read_capped(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(_READ_CAP)


def answer_problem(answer: str) -> str | None:
    """Why an answer cannot be graded (a sentence), or None: empty, too long, bad characters."""
    from barraiser.interview.answers import MAX_ANSWER_CHARS

    if not answer.strip():
        return "the answer is empty: write what you would say in the interview."
    if len(answer) > MAX_ANSWER_CHARS:
        return (
            f"the answer has {len(answer):,}+ characters; the grader takes at most "
            f"{MAX_ANSWER_CHARS:,} (a 2-3 minute spoken answer is about 2,000)."
        )
    try:
        answer.encode("utf-8")
    except UnicodeEncodeError as exc:
        return (
            f"the answer holds a character that is not valid text ({answer[exc.start]!r} at "
            f"position {exc.start}, a lone surrogate): remove it and try again."
        )
    return None


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
    where = "standard input" if source == "-" else f"the answer file {source}"
    try:
        raw = sys.stdin.buffer.read(_READ_CAP) if source == "-" else _read_capped(Path(source))
    except OSError as exc:
        fail(f"cannot read {where}: {exc.strerror or exc}.")
    try:
        answer = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        fail(f"{where} is not UTF-8 text (byte {exc.start}): save it as UTF-8 and grade it again.")
    problem = answer_problem(answer)
    if problem is not None:
        fail(f"{where}: {problem}")
    if rubric is not None:
        try:
            prepared = load_rubric_file(rubric)
        except RubricError as exc:
            fail(str(exc))
    else:
        assert question is not None
        prepared = _question_rubric(question)
    from barraiser.grading.embeddings import ModelUnavailable

    grader = _grader()
    try:
        if prepared.draft:  # the user's own draft: no rubric to score against yet
            from barraiser.grading.draft import draft_result

            result = draft_result(answer, prepared, grader)
        else:
            result = grader.grade(answer, prepared)
    except ModelUnavailable as exc:
        fail(str(exc), code=2)
    # The LLM judge's second opinion, unless it is the grader already (or nothing is scored).
    judged = grader.name != "llm" and not prepared.draft
    llm = _llm_judge(_llm_config(), answer, prepared) if judged else None
    if as_json:
        data = result.to_json_dict()
        data["llm"] = llm.model_dump(mode="json") if llm is not None else None
        print_json(data)
        return
    typer.echo(result.feedback)
    if question is not None:
        # The feedback names the lab in words; here is the command that runs it.
        for lab_id in bank().questions[question].labs[:1]:
            typer.echo(f"Run the lab: barraiser lab run {lab_id}")
    if llm is not None:
        typer.echo("\n" + _llm_text(llm, prepared))


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
            if not question.has_rubric_to_score:
                return f"{question_id!r} is your draft with no rubric yet: nothing to score against"
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


#: A line longer than this is refused unread (the answer cap plus room for the other fields).
_MAX_LINE_BYTES = 4 * 20_000 + 20_000
#: JSON nested deeper than this is refused (no input line needs it).
_MAX_NESTING = 32


def _lines(handle: Any) -> Any:
    """(line number, text, problem) for each non-blank line, read without loading the file."""
    for number, raw in enumerate(handle, start=1):
        if not raw.strip():
            continue
        if len(raw) > _MAX_LINE_BYTES:
            yield (
                number,
                "",
                (f"is {len(raw):,} bytes long; an answer may have at most 20,000 characters"),
            )
            continue
        try:
            yield number, raw.decode("utf-8"), None
        except UnicodeDecodeError as exc:
            yield number, "", f"is not UTF-8 text (byte {exc.start}): save the file as UTF-8"


def _parse_line(line: str) -> tuple[Any, str | None]:
    depth = deepest = 0
    in_string = escaped = False
    for char in line:  # refuse deep nesting before the parser recurses into it
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > _MAX_NESTING:
                return None, f"is nested more than {_MAX_NESTING} levels deep: not an answer line"
        elif char in "]}":
            depth -= 1
    try:
        return json.loads(line), None
    except json.JSONDecodeError as exc:
        return None, f"not valid JSON ({exc.msg})"
    except RecursionError:
        return None, f"is nested more than {_MAX_NESTING} levels deep: not an answer line"


def _encodable(value: Any) -> bool:
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except (UnicodeEncodeError, TypeError, ValueError):
        return False
    return True


def _grade_chunk(grader: Grader, chunk: list[tuple[int, Any, str, PreparedRubric]]) -> list[Any]:
    """Grade a chunk in one batch; when the grader fails (an LLM endpoint), line by line."""
    from barraiser.grading.embeddings import ModelUnavailable

    try:
        return list(grader.grade_many([(answer, rubric) for _, _, answer, rubric in chunk]))
    except ModelUnavailable:
        pass
    results: list[Any] = []
    for _, _, answer, rubric in chunk:
        try:
            results.append(grader.grade(answer, rubric))
        except ModelUnavailable as exc:
            results.append(f"could not be graded: {exc}")
    return results


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
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    try:
        handle = in_path.open("rb")
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
    with handle:
        numbered = list(_lines(handle))
    for number, line, problem in numbered:
        record: Any = None
        if problem is None:
            record, problem = _parse_line(line)
        if problem is None and not isinstance(record, dict):
            problem = "must be a JSON object"
        if problem is None and "id" not in record:
            problem = "has no id"
        if problem is None and not isinstance(record.get("answer"), str):
            problem = "needs an answer (a string)"
        if problem is None:
            problem = answer_problem(record["answer"])
        if problem is None and not _encodable(record.get("id")):
            problem = "has an id holding a character that is not valid text (a lone surrogate)"
        rubric: PreparedRubric | str = "?"
        if problem is None:
            rubric = _line_rubric(record, cache)
            if isinstance(rubric, str):
                problem = rubric
        if problem is not None or isinstance(rubric, str):
            errors += 1
            console.print(f"[red]line {number}[/]: {escape(str(problem))}", highlight=False)
            record_id = record.get("id") if isinstance(record, dict) else None
            if not _encodable(record_id):
                record_id = None
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
            for (number, record_id, answer, rubric), result in zip(
                chunk, _grade_chunk(grader, chunk), strict=True
            ):
                if isinstance(result, str):
                    errors += 1
                    console.print(f"[red]line {number}[/]: {escape(result)}", highlight=False)
                    outputs[number] = {"id": record_id, "line": number, "error": result}
                    continue
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
