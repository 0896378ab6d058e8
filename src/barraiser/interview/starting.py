"""Starting a session: the questions of every round picked at once, the rows written."""

from __future__ import annotations

import random
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from barraiser.content.loader import Bank
from barraiser.content.schemas import DecisionRule, Loop, Round, Selector, Stage, Timing
from barraiser.interview.approach import APPROACH_COMPETENCY
from barraiser.interview.errors import InterviewError
from barraiser.interview.items import Item, UnknownItem, get_item, snapshot
from barraiser.interview.progress import weakness
from barraiser.interview.selection import Picker, SelectionError
from barraiser.interview.timing import RoundClock
from barraiser.store.models import Answer, InterviewSession, SessionRound
from barraiser.stories.coverage import stored_needs

#: Practice rounds of one question: minutes by kind.
PRACTICE_MINUTES = {"coding": 30, "ml-coding": 30, "ml-design": 20, "system-design": 20}
PRACTICE_DEFAULT_MINUTES = 8
#: Practice is not an interview: time away does not count, and the clock runs into overtime.
PRACTICE_TIMING: dict[str, Any] = {"away_time": "paused", "on_timeout": "overtime"}


def add_session(
    session: Session,
    bank: Bank,
    user_id: int,
    loop: Loop,
    *,
    mode: str,
    seed: int,
    now: datetime,
    start_first: bool,
    items: list[str] | None = None,
    resume_prompts: list[tuple[str, str]] | None = None,
) -> str:
    """Pick every round's questions (or take ``items``), add the session's rows, return its id.

    With ``start_first`` the first round's clock starts now (practice); otherwise every round
    waits for the candidate's Start. ``resume_prompts`` are the candidate's own résumé
    questions (title, prompt), which résumé rounds ask first.
    """
    picker = Picker(
        bank,
        random.Random(seed),
        recently_seen(session, user_id),
        needs=stored_needs(session, user_id, bank.principles),
        resume_prompts=list(resume_prompts or []),
        company=bank.companies.get(loop.company_id),
        weakness=weakness(session, user_id, bank),
    )
    try:
        picked = [
            [get_item(bank, i) for i in items] if items else picker.pick(rnd)
            for rnd in loop.rounds()
        ]
    except SelectionError as exc:
        raise InterviewError(str(exc), 409) from None
    plan = [[i.id for i in round_items] for round_items in picked]
    row = InterviewSession(
        user_id=user_id,
        loop_id=loop.id,
        mode=mode,
        status="active",
        started_at=now,
        state={"loop": loop.model_dump(mode="json"), "seed": seed},
    )
    session.add(row)
    session.flush()
    for position, ids in enumerate(plan):
        state: dict[str, Any] = {
            "items": {i.id: {"status": "open", "item": snapshot(i)} for i in picked[position]}
        }
        started = start_first and position == 0
        if started:
            state["clock"] = RoundClock.start(now).to_json()
        session.add(
            SessionRound(
                session_id=row.id,
                round_id=loop.rounds()[position].id,
                position=position,
                status="active" if started else "pending",
                started_at=now if started else None,
                question_ids=ids,
                state=state,
            )
        )
    return row.id


def recently_seen(session: Session, user_id: int) -> dict[str, datetime]:
    """When the user last met each question: in a round they started, or by answering it."""
    seen: dict[str, datetime] = {}
    # Rounds never started do not count: their questions were not seen.
    rows = session.execute(
        select(SessionRound.question_ids, InterviewSession.started_at)
        .join(InterviewSession, SessionRound.session_id == InterviewSession.id)
        .where(InterviewSession.user_id == user_id, SessionRound.status != "pending")
    )
    for ids, when in rows:
        for item_id in ids or []:
            if item_id not in seen or seen[item_id] < when:
                seen[item_id] = when
    answered = session.execute(
        select(Answer.question_id, Answer.created_at).where(Answer.user_id == user_id)
    )
    for item_id, when in answered:
        if item_id not in seen or seen[item_id] < when:
            seen[item_id] = when
    return seen


def practice_item(bank: Bank, item_id: str) -> Item:
    """The question or problem to practise alone, or the refusal as a sentence."""
    try:
        item = get_item(bank, item_id)
    except UnknownItem as exc:
        raise InterviewError(
            f"{exc} Pick a question from the question bank or a problem from the list.", 404
        ) from None
    if not item.is_coding and not (item.question and item.question.is_free_text):
        raise InterviewError(f"{item.title!r} cannot be practised here: it has no rubric.")
    return item


def practice_round_loop(bank: Bank, loop_id: str | None, round_id: str | None) -> Loop:
    """A copy of a loop with only the one round to practise (and its stage), on practice time."""
    source = bank.loops.get(loop_id or "")
    if source is None or round_id is None:
        raise InterviewError(
            "Give a question id, or a loop id and one of its round ids, to practise.", 404
        )
    rnd = next((r for r in source.rounds() if r.id == round_id), None)
    if rnd is None:
        known = ", ".join(r.id for r in source.rounds())
        raise InterviewError(f"Loop {source.id!r} has no round {round_id!r}: {known}.", 404)
    stage = next(s for s in source.stages if rnd in s.rounds)
    return source.model_copy(
        update={
            "stages": [stage.model_copy(update={"rounds": [rnd]})],
            "title": f"Practice: {rnd.title}",
            "timing": source.timing.model_copy(update=PRACTICE_TIMING),
        }
    )


def practice_loop(item: Item) -> Loop:
    """A loop of one round asking one question, for practice (overtime allowed)."""
    minutes = PRACTICE_MINUTES.get(item.kind, PRACTICE_DEFAULT_MINUTES)
    kind = "coding" if item.is_coding else item.kind
    assesses = list(item.competencies)
    if item.is_coding and APPROACH_COMPETENCY not in assesses:
        # After an accepted submission the interviewer asks for the approach (communication).
        assesses.append(APPROACH_COMPETENCY)
    rnd = Round(
        id="practice",
        title=item.title,
        kind="onsite",
        duration_min=minutes,
        interviewer="Practice",
        assesses=assesses,
        questions=[Selector(kind=kind)],
    )
    return Loop(
        id="practice",
        title=f"Practice: {item.title}",
        company_id="barraiser",
        company="barraiser",
        role="Practice",
        description="One question, with the same feedback as in a loop.",
        competencies=assesses,
        stages=[Stage(id="practice", title="Practice", description="One question.", rounds=[rnd])],
        decision=DecisionRule(bar_raiser_veto=False),
        timing=Timing(**PRACTICE_TIMING),
    )
