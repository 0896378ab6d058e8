"""The judge's JSON API: coding problems, and submissions that are run or judged in the background.

A submission is saved before it is judged; ``POST /api/submissions`` answers 202 at once and the
client polls ``GET /api/submissions/{id}`` until ``status`` is ``done``.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, status

from barraiser.interview.submissions import SubmissionError
from barraiser.judge.summary import stopped_at_sample, summary
from barraiser.web.deps import BankDep, CurrentUserDep, SubmissionsDep, is_row_id
from barraiser.web.judge_models import (
    ProblemDetail,
    ProblemSummary,
    SubmissionAccepted,
    SubmissionIn,
    SubmissionOut,
)
from barraiser.web.models import ErrorOut

router = APIRouter(prefix="/api")

_NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut, "description": "No object with this id."}
}
_REFUSED: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "The submission is not valid (the message says why)."},
    404: {"model": ErrorOut, "description": "No problem with this id."},
    413: {"model": ErrorOut, "description": "The source or the custom input is too large."},
    429: {"model": ErrorOut, "description": "Too many submissions in the last minute."},
}

#: Keys a hidden test may show: its verdict, time and memory, never its data.
_HIDDEN_KEYS = frozenset(
    {
        "index",
        "name",
        "kind",
        "hidden",
        "verdict",
        "status",
        "time_s",
        "cpu_s",
        "wall_s",
        "memory_kb",
        "memory_mib",
        "passed",
    }
)


@router.get("/problems", tags=["problems"])
def list_problems(bank: BankDep) -> list[ProblemSummary]:
    """Every coding problem, by id."""
    return [ProblemSummary.of(bank.problems[pid]) for pid in sorted(bank.problems)]


@router.get("/problems/{problem_id}", tags=["problems"], responses=_NOT_FOUND)
def get_problem(problem_id: str, bank: BankDep) -> ProblemDetail:
    """One problem: statement, constraints, hints, samples, limits and starter code.

    Hidden tests are never part of the answer.
    """
    loaded = bank.problems.get(problem_id)
    if loaded is None:
        raise HTTPException(
            404, f"No problem with id {problem_id!r}. GET /api/problems lists the ids."
        )
    return ProblemDetail.of(loaded)


@router.post(
    "/submissions",
    tags=["submissions"],
    status_code=status.HTTP_202_ACCEPTED,
    responses=_REFUSED,
)
def create_submission(
    body: SubmissionIn, user: CurrentUserDep, service: SubmissionsDep
) -> SubmissionAccepted:
    """Save code and queue it for the judge: ``run`` (samples), ``custom`` or ``submit``.

    Refused with a clear message when the problem or language is unknown, the source is over
    64 KiB, the custom input is over 1 MiB, or more than 10 submissions were sent in a minute.
    """
    try:
        submission_id = service.submit(
            user.id, body.problem_id, body.language, body.source, body.mode, body.custom_input
        )
    except SubmissionError as exc:
        raise HTTPException(exc.status_code, exc.message) from None
    return SubmissionAccepted(id=submission_id)


@router.get("/submissions/{submission_id}", tags=["submissions"], responses=_NOT_FOUND)
def get_submission(
    submission_id: int, user: CurrentUserDep, service: SubmissionsDep
) -> SubmissionOut:
    """Where a submission is (queued, judging, done) and, once done, its verdict and tests."""
    state = service.status(submission_id) if is_row_id(submission_id) else None
    if state is None or state.user_id != user.id:
        raise HTTPException(404, f"No submission with id {submission_id}.")
    return SubmissionOut(
        id=state.id,
        problem_id=state.problem_id,
        language=state.language,
        mode=state.mode,
        status=state.status,
        verdict=state.verdict,
        result=public_result(state.result),
    )


def public_result(result: dict[str, Any] | None) -> dict[str, Any] | None:
    """The judge's result with every hidden test cut down to its verdict, time and memory."""
    if result is None:
        return None
    tests = result.get("tests")
    if not isinstance(tests, list):
        return result
    shown = []
    for test in tests:
        if isinstance(test, dict) and test.get("hidden", test.get("kind") == "hidden"):
            test = {key: value for key, value in test.items() if key in _HIDDEN_KEYS}
        shown.append(test)
    # Results judged before the judge wrote these read the same: the counts in words.
    return {
        **result,
        "tests": shown,
        "summary": result.get("summary") or summary(result),
        "stopped_at_sample": stopped_at_sample(result),
    }
