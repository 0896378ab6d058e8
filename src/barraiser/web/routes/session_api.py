"""The sessions API: start a loop or a practice session, answer, run code, read the debrief.

Every call goes through the interview engine, which saves what the candidate sends before it
grades or judges it.  Engine errors come back as ``{detail: sentence}`` with the engine's status
code (404 unknown session or item, 409 wrong state, 400 bad input, 413 too long).  Routes are
plain ``def``: grading is CPU work, so FastAPI runs them in its threadpool.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import APIRouter, HTTPException, status

from barraiser.interview.engine import InterviewError, InterviewService, SessionSummary
from barraiser.interview.models import AnswerOutcome, ApproachAnswered, Debrief, SessionView
from barraiser.web.deps import CurrentUserDep, InterviewsDep
from barraiser.web.judge_models import CodeIn, SubmissionAccepted
from barraiser.web.models import ErrorOut
from barraiser.web.session_models import SessionCreated, SessionIn, TextIn

router = APIRouter(prefix="/api/sessions", tags=["sessions"])

T = TypeVar("T")


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    descriptions = {
        400: "The request is not valid (the message says why).",
        404: "No session, round or item with this id.",
        409: "Not possible in the session's current state (e.g. the round has not started).",
        413: "The answer or the code is too long.",
        429: "Too many code runs in the last minute.",
    }
    return {code: {"model": ErrorOut, "description": descriptions[code]} for code in codes}


def _call(action: Callable[[], T]) -> T:
    """Run one engine call, turning its error into the API's ``{detail}`` answer."""
    try:
        return action()
    except InterviewError as exc:
        raise HTTPException(exc.status_code, exc.message) from None


def session_url(session_id: str) -> str:
    """The web page of a session."""
    return f"/sessions/{session_id}"


def start_session(service: InterviewService, user_id: int, body: SessionIn) -> str:
    """Start what ``body`` asks for; ``InterviewError`` (400) when it asks for nothing or two
    things at once."""
    if body.practice_item_id is not None:
        if body.loop_id is not None or body.round_id is not None:
            raise InterviewError(
                "Send either practice_item_id alone, or loop_id (with round_id and practice "
                "for one round), not both.",
                400,
            )
        return service.start_practice(user_id, item_id=body.practice_item_id)
    if body.loop_id is None:
        raise InterviewError(
            "Say what to start: loop_id for a loop, practice_item_id for one question, or "
            "loop_id, round_id and practice: true for one round. GET /api/loops lists the loops.",
            400,
        )
    if body.round_id is not None or body.practice:
        if body.round_id is None:
            raise InterviewError(
                "Practice mode runs one round: add round_id (GET /api/loops/{loop_id} lists "
                "the rounds), or leave practice out to run the whole loop.",
                400,
            )
        return service.start_practice(user_id, loop_id=body.loop_id, round_id=body.round_id)
    return service.start_loop(user_id, body.loop_id)


@router.post("", status_code=status.HTTP_201_CREATED, responses=_errors(400, 404))
def create_session(body: SessionIn, user: CurrentUserDep, service: InterviewsDep) -> SessionCreated:
    """Start a loop, one practice question, or one practice round of a loop.

    The questions are picked now (avoiding those you saw in recent sessions); the first round's
    clock starts only with ``POST /api/sessions/{id}/rounds/start``.
    """
    session_id = _call(lambda: start_session(service, user.id, body))
    return SessionCreated(id=session_id, url=session_url(session_id))


@router.get("")
def list_sessions(user: CurrentUserDep, service: InterviewsDep) -> list[SessionSummary]:
    """Your sessions, newest first: active, finished and abandoned."""
    return service.list_sessions(user.id)


@router.get("/{session_id}", responses=_errors(404))
def get_session(session_id: str, user: CurrentUserDep, service: InterviewsDep) -> SessionView:
    """A session with its rounds, items and clocks (computed now; reading does not move them)."""
    return _call(lambda: service.view(user.id, session_id))


@router.post("/{session_id}/rounds/start", responses=_errors(404, 409))
def start_round(session_id: str, user: CurrentUserDep, service: InterviewsDep) -> SessionView:
    """Start the next pending round: it becomes active and its clock starts."""
    return _call(lambda: service.start_round(user.id, session_id))


@router.post("/{session_id}/rounds/finish", responses=_errors(404, 409))
def finish_round(session_id: str, user: CurrentUserDep, service: InterviewsDep) -> SessionView:
    """End the active round now; what was not answered counts as unanswered."""
    return _call(lambda: service.finish_round(user.id, session_id))


@router.post("/{session_id}/heartbeat", responses=_errors(404))
def heartbeat(session_id: str, user: CurrentUserDep, service: InterviewsDep) -> SessionView:
    """The round page is open: advance the active round's clock (it may end the round when its
    time is up and the loop says so)."""
    return _call(lambda: service.heartbeat(user.id, session_id))


@router.post("/{session_id}/items/{item_id}/answer", responses=_errors(400, 404, 409, 413))
def answer(
    session_id: str, item_id: str, body: TextIn, user: CurrentUserDep, service: InterviewsDep
) -> AnswerOutcome:
    """Answer a free-text item. The answer is saved first, then graded; the interviewer's
    follow-up comes back (and, in practice mode, the grade)."""
    return _call(lambda: service.answer(user.id, session_id, item_id, body.text or ""))


@router.post("/{session_id}/items/{item_id}/follow-up", responses=_errors(400, 404, 409, 413))
def answer_follow_up(
    session_id: str, item_id: str, body: TextIn, user: CurrentUserDep, service: InterviewsDep
) -> AnswerOutcome:
    """Answer the interviewer's follow-up; it counts toward the round and closes the item."""
    return _call(lambda: service.answer_follow_up(user.id, session_id, item_id, body.text or ""))


@router.post("/{session_id}/items/{item_id}/approach", responses=_errors(400, 404, 409, 413))
def answer_approach(
    session_id: str, item_id: str, body: TextIn, user: CurrentUserDep, service: InterviewsDep
) -> ApproachAnswered:
    """Explain an accepted solution of a coding item: the approach, its time and space
    complexity and the trade-off made (asked once a submission is accepted, in rounds that
    assess communication). Saved first, then graded against the problem's stated complexity;
    the grade comes back in practice mode and counts in the round's communication rating."""
    return _call(lambda: service.answer_approach(user.id, session_id, item_id, body.text or ""))


@router.post("/{session_id}/items/{item_id}/skip", responses=_errors(404, 409))
def skip(
    session_id: str, item_id: str, user: CurrentUserDep, service: InterviewsDep
) -> SessionView:
    """Move on: skip an item, its follow-up, or say you are done with a coding problem."""
    return _call(lambda: service.skip(user.id, session_id, item_id))


@router.post(
    "/{session_id}/items/{item_id}/submissions",
    status_code=status.HTTP_202_ACCEPTED,
    responses=_errors(400, 404, 409, 413, 429),
)
def submit_code(
    session_id: str, item_id: str, body: CodeIn, user: CurrentUserDep, service: InterviewsDep
) -> SubmissionAccepted:
    """Save code for a coding item and queue it for the judge; poll
    ``GET /api/submissions/{id}`` for its verdict."""
    submission_id: int = _call(
        lambda: service.submit_code(
            user.id,
            session_id,
            item_id,
            body.language,
            body.source,
            body.mode,
            body.custom_input,
        )
    )
    return SubmissionAccepted(id=submission_id)


@router.get("/{session_id}/debrief", responses=_errors(404, 409))
def debrief(session_id: str, user: CurrentUserDep, service: InterviewsDep) -> Debrief:
    """The debrief of a finished session: decision and why, scorecards, moments, study plan
    (``pending`` while a verdict is still being judged)."""
    return _call(lambda: service.debrief(user.id, session_id))
