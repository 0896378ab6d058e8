"""The interviewer's follow-ups to a free-text answer: how many, which, and whether there is time.

After an answer the interviewer asks the grader's first follow-up.  In a loop, a behavioural
question is probed up to :data:`STORY_FOLLOW_UPS` times, as a real interviewer does: the
grader ranks a story's follow-ups (a story told for another principle is redirected first, then
the weakest STAR part, then the asked principle; see
:func:`barraiser.grading.story_followups.story_follow_ups`), and the next one is asked once the
last is answered on time, while the round still has time for it and for its questions not yet
answered (:func:`room_for_another`).  Each answer is stored and graded together with everything
said before it, as the first follow-up's is; the latest one answered in time is what counts.

An item's state keeps the follow-up waiting (or the last one asked) as ``follow_up`` (with
``follow_up_late``), the ones answered before it as ``earlier_follow_ups`` (each with its
``late`` flag) and those still to ask as ``planned_follow_ups``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from barraiser.interview.items import Item
from barraiser.interview.models import FollowUpExchange, FollowUpView, StoredGrade
from barraiser.interview.rounds import loop_of, time_left_s
from barraiser.store.models import InterviewSession, SessionRound

#: Follow-ups asked after a behavioural answer in a loop; any other answer (and practice) gets one.
STORY_FOLLOW_UPS = 2
#: Time a further follow-up takes: the question heard, a few sentences said back.
FOLLOW_UP_S = 150.0


def plan(result: StoredGrade, item: Item, mode: str) -> list[FollowUpView]:
    """The follow-ups the interviewer means to ask after this graded answer, in order."""
    limit = STORY_FOLLOW_UPS if mode == "loop" and item.kind == "behavioral" else 1
    return [
        FollowUpView(question=f.question, probes=list(f.probes), reason=f.reason)
        for f in result.follow_ups[:limit]
    ]


def room_for_another(row: InterviewSession, sr: SessionRound, item_id: str, now: datetime) -> bool:
    """Whether the round has time for one more follow-up on ``item_id``: its length, plus an
    even share of the round for each other question not answered yet."""
    items = sr.state.get("items", {})
    share = loop_of(row).rounds()[sr.position].duration_min * 60.0 / max(1, len(items))
    still_open = sum(
        1 for other, s in items.items() if other != item_id and s.get("status", "open") == "open"
    )
    return time_left_s(row, sr, now) >= FOLLOW_UP_S + still_open * share


def exchanges(state: Mapping[str, Any]) -> list[FollowUpExchange]:
    """Every follow-up asked on an item, in order, with its answer (None: not answered)."""
    out = [
        FollowUpExchange(
            question=f["question"],
            answer_id=f.get("answer_id"),
            answer=f.get("answer_text"),
            late=bool(f.get("late", False)),
        )
        for f in state.get("earlier_follow_ups", [])
    ]
    current = state.get("follow_up")
    if current:
        out.append(
            FollowUpExchange(
                question=current["question"],
                answer_id=current.get("answer_id"),
                answer=current.get("answer_text"),
                late=bool(state.get("follow_up_late", False)),
            )
        )
    return out


def heard(state: Mapping[str, Any], answer: str) -> str:
    """What the interviewer has heard on an item once ``answer`` (to the follow-up waiting) is
    given: the answer, each earlier follow-up's answer, then this one."""
    parts = [state["answer_text"]]
    parts += [f["answer_text"] for f in state.get("earlier_follow_ups", []) if f.get("answer_text")]
    return "\n\n".join([*parts, answer])
