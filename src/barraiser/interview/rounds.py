"""A session's rounds as stored: clocks, time-outs, item progress, and the view of it all.

These functions read and change the rows in place; the caller (the engine) holds the session's
locks and commits.  Nothing here touches the database or the clock on its own: ``now`` is given.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from barraiser.content.loader import Bank
from barraiser.content.schemas import Loop, Round, Timing
from barraiser.grading.approach import APPROACH_QUESTION, ApproachGrade
from barraiser.interview.errors import InterviewError
from barraiser.interview.items import Item, UnknownItem, resolve
from barraiser.interview.models import (
    ApproachView,
    ClockView,
    FollowUpView,
    ItemView,
    RoundView,
    SessionView,
)
from barraiser.interview.timing import RoundClock
from barraiser.store.models import InterviewSession, SessionRound

#: An answer sent this long after the round's time ran out still counts (it was being typed).
GRACE_S = 30.0


def loop_of(row: InterviewSession) -> Loop:
    """The loop as it was when the session started (kept in the session's state).

    Sessions started before loops named their company by id (every such loop was Amazon's, or
    a practice loop's "barraiser") get the id from the name.
    """
    data = dict(row.state["loop"])
    if "company_id" not in data:
        data["company_id"] = str(data.get("company", "barraiser")).strip().lower() or "barraiser"
    return Loop.model_validate(data)


def active_round(row: InterviewSession) -> SessionRound | None:
    """The round running now, if any."""
    return next((r for r in row.rounds if r.status == "active"), None)


# -- clocks ------------------------------------------------------------------------------------


def advance_clock(row: InterviewSession, now: datetime) -> None:
    """A sign of the candidate: advance the active round's clock (time used, time away)."""
    sr = active_round(row)
    if sr is not None and "clock" in sr.state:
        clock = RoundClock.from_json(sr.state["clock"])
        clock.touch(now, loop_of(row).timing)
        sr.state = {**sr.state, "clock": clock.to_json()}


def touch(row: InterviewSession, now: datetime) -> None:
    """A sign of the candidate: advance the active round's clock, then end it if due."""
    advance_clock(row, now)
    expire(row, now)


def time_left_s(row: InterviewSession, sr: SessionRound, now: datetime) -> float:
    """Seconds left on the round's clock at ``now`` (negative past its time; all of it before
    it starts)."""
    loop = loop_of(row)
    allotted = loop.rounds()[sr.position].duration_min * 60.0
    if "clock" not in sr.state:
        return allotted
    return allotted - RoundClock.from_json(sr.state["clock"]).used_s(loop.timing, now)


def time_up(row: InterviewSession, sr: SessionRound, now: datetime) -> bool:
    """True once the round's time and the grace are over, in a loop that ends rounds then
    (with ``overtime`` the candidate may go on: nothing is ever late)."""
    loop = loop_of(row)
    if loop.timing.on_timeout == "overtime" or "clock" not in sr.state:
        return False
    used = RoundClock.from_json(sr.state["clock"]).used_s(loop.timing, now)
    return used > loop.rounds()[sr.position].duration_min * 60.0 + GRACE_S


def expire(row: InterviewSession, now: datetime) -> None:
    """End the running round if its time is up."""
    sr = active_round(row)
    if sr is not None and time_up(row, sr, now):
        finish(row, sr, now, "time")


def finish(row: InterviewSession, sr: SessionRound, now: datetime, why: str) -> None:
    """End a round (``why``: candidate, time, all-answered); the session ends with its last."""
    loop = loop_of(row)
    used = 0.0
    if "clock" in sr.state:
        clock = RoundClock.from_json(sr.state["clock"])
        # Stop the clock at the last sign of the candidate (or the limit, for time).
        used = clock.used_s(loop.timing)
        if why == "time":
            used = max(used, loop.rounds()[sr.position].duration_min * 60.0)
    sr.status = "finished"
    sr.finished_at = now
    sr.time_used_s = round(used, 1)
    sr.state = {**sr.state, "ended_by": why}
    if all(r.status == "finished" for r in row.rounds):
        row.status = "finished"
        row.finished_at = now


# -- items -------------------------------------------------------------------------------------


def set_item(
    row: InterviewSession, sr: SessionRound, item_id: str, state: dict[str, Any], now: datetime
) -> None:
    """Store an item's state; the round ends once every item is done or skipped."""
    items = dict(sr.state.get("items", {}))
    items[item_id] = state
    sr.state = {**sr.state, "items": items}
    finished = all(i.get("status") in ("done", "skipped") for i in items.values())
    if finished and sr.status == "active":
        finish(row, sr, now, "all-answered")


def item_of(bank: Bank, sr: SessionRound, item_id: str) -> Item:
    """The item from the bank, or from the session's snapshot when the bank lost it."""
    kept = sr.state.get("items", {}).get(item_id, {}).get("item")
    try:
        return resolve(bank, item_id, kept)
    except UnknownItem:
        raise InterviewError(
            f"The question {item_id!r} of this session is no longer in the question bank "
            "(it was removed after the session started). Put its file back, or start a new "
            "session.",
            409,
        ) from None


# -- the view ----------------------------------------------------------------------------------


def session_view(
    bank: Bank,
    row: InterviewSession,
    now: datetime,
    asked: Mapping[int, set[str]] | None = None,
    grades: Mapping[int, ApproachGrade] | None = None,
) -> SessionView:
    """The session now, as the round page and the API show it.

    ``asked`` maps a session round's id to the coding items whose approach question is asked
    (:func:`barraiser.interview.approach.asked_items`, which reads the verdicts); ``grades``
    maps an approach answer's id to its grade, shown at once (practice).
    """
    asked, grades = asked or {}, grades or {}
    loop = loop_of(row)
    rounds = loop.rounds()
    stages = {r.id: s for s in loop.stages for r in s.rounds}
    views = []
    for sr in row.rounds:
        rnd = rounds[sr.position]
        views.append(
            RoundView(
                position=sr.position,
                round_id=sr.round_id,
                title=rnd.title,
                kind=rnd.kind,
                stage_title=stages[rnd.id].title,
                stage_description=stages[rnd.id].description,
                interviewer=rnd.interviewer,
                duration_min=rnd.duration_min,
                bar_raiser=rnd.bar_raiser,
                assesses=list(rnd.assesses),
                status=sr.status,
                ended_by=sr.state.get("ended_by"),
                clock=_clock_view(sr, rnd, loop.timing, now),
                items=[
                    _item_view(bank, sr, item_id, item_id in asked.get(sr.id, set()), grades)
                    for item_id in sr.question_ids
                ],
                notes=rnd.notes,
            )
        )
    return SessionView(
        id=row.id,
        mode=row.mode,
        loop_id=row.loop_id,
        loop_title=loop.title,
        status=row.status,
        started_at=row.started_at,
        finished_at=row.finished_at,
        rounds=views,
        away_time=loop.timing.away_time,
        on_timeout=loop.timing.on_timeout,
    )


def _clock_view(sr: SessionRound, rnd: Round, timing: Timing, now: datetime) -> ClockView:
    allotted = rnd.duration_min * 60.0
    data = sr.state.get("clock")
    if data is None:
        return ClockView(
            allotted_s=allotted,
            used_s=0.0,
            remaining_s=allotted,
            away_s=0.0,
            away_counts=timing.away_time == "counts",
        )
    clock = RoundClock.from_json(data)
    running = sr.status == "active"
    used = clock.used_s(timing, now if running else None)
    away = clock.away_s + (clock.pending_away_s(timing, now) if running else 0.0)
    return ClockView(
        allotted_s=allotted,
        used_s=round(used, 1),
        remaining_s=round(max(0.0, allotted - used), 1),
        overtime_s=round(max(0.0, used - allotted), 1),
        away_s=round(away, 1),
        away_counts=timing.away_time == "counts",
        away_periods=clock.away_periods,
        started_at=clock.started_at,
        overtime=used > allotted,
    )


def _item_view(
    bank: Bank,
    sr: SessionRound,
    item_id: str,
    approach_asked: bool,
    grades: Mapping[int, ApproachGrade],
) -> ItemView:
    item = item_of(bank, sr, item_id)
    state = sr.state.get("items", {}).get(item_id, {})
    follow_up = None
    if state.get("follow_up"):
        follow_up = FollowUpView(**state["follow_up"])
    approach = None
    if approach_asked:
        given = state.get("approach") or {}
        approach = ApproachView(
            question=APPROACH_QUESTION,
            answer_id=given.get("answer_id"),
            answer_text=given.get("answer_text"),
            late=bool(given.get("late", False)),
            grade=grades.get(given.get("answer_id", -1)),
        )
    return ItemView(
        id=item.id,
        kind=item.kind,
        title=item.title,
        prompt=item.prompt,
        url=item.url,
        competencies=item.competencies,
        leadership_principles=item.leadership_principles,
        is_lp_question=item.is_lp_question,
        status=state.get("status", "open"),
        answer_id=state.get("answer_id"),
        answer_text=state.get("answer_text"),
        follow_up=follow_up,
        earlier_follow_ups=[FollowUpView(**f) for f in state.get("earlier_follow_ups", [])],
        late=bool(state.get("late", False)),
        submissions=list(state.get("submissions", [])),
        problem_id=item.problem_id,
        approach=approach,
    )
