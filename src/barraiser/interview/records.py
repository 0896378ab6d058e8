"""From stored rows to scorecards: the answers, gradings and submissions of a round."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from barraiser.content.loader import Bank
from barraiser.content.schemas import Loop
from barraiser.grading.behavioral import shown_principles
from barraiser.interview.approach import approach_outcome, asks_approach
from barraiser.interview.follow_ups import exchanges
from barraiser.interview.items import resolve
from barraiser.interview.models import ItemOutcome, Scorecard, StoredGrade
from barraiser.interview.review import (
    is_reviewable,
    rating_for_score,
    rating_for_verdict,
    record_review,
)
from barraiser.interview.scoring import (
    CodeAttempt,
    TextAttempt,
    build_scorecard,
    code_outcome,
    text_outcome,
)
from barraiser.interview.timing import RoundClock
from barraiser.store.models import Answer, CodeSubmission, SessionRound


def _latest_result(answer: Answer | None) -> StoredGrade | None:
    if answer is None or not answer.gradings:
        return None
    return StoredGrade.from_store(dict(answer.gradings[-1].result))


def round_scorecard(session: Session, bank: Bank, loop: Loop, sr: SessionRound) -> Scorecard:
    """The scorecard of a round, computed from what is stored now."""
    rnd = loop.rounds()[sr.position]
    answers = {
        a.id: a
        for a in session.scalars(
            select(Answer)
            .where(Answer.session_round_id == sr.id)
            .options(selectinload(Answer.gradings))
        )
    }
    submissions = list(
        session.scalars(
            select(CodeSubmission)
            .where(CodeSubmission.session_round_id == sr.id)
            .order_by(CodeSubmission.id)
        )
    )
    outcomes: list[ItemOutcome] = []
    quotes: dict[tuple[str, str], str] = {}
    for item_id in sr.question_ids:
        state = sr.state.get("items", {}).get(item_id, {})
        item = resolve(bank, item_id, state.get("item"))
        if item.is_coding:
            late = set(state.get("late_submissions", []))
            rows = [s for s in submissions if s.problem_id == item.problem_id and s.id not in late]
            attempt = CodeAttempt([(s.mode, s.verdict, s.result) for s in rows])
            outcome = code_outcome(item, attempt)
            # An accepted submission opens the approach question (rounds that ask it).
            accepted = next((s for s in rows if s.mode == "submit" and s.verdict == "AC"), None)
            if asks_approach(rnd) and accepted is not None:
                outcome.approach = approach_outcome(state, answers, accepted.id)
            outcomes.append(outcome)
            continue
        parent = answers.get(state.get("answer_id", -1))
        if parent is None:
            outcomes.append(text_outcome(item, None))
            continue
        # Each follow-up asked, with its stored answer (if any).
        asked = [(f, answers.get(f.answer_id) if f.answer_id else None) for f in exchanges(state)]
        # The grade of everything heard up to the latest follow-up answered in time: what the
        # interviewer heard.  A follow-up sent after the time ran out is kept and shown, but
        # not counted.  None when a grading failed: the item is then left out until it is
        # graded again.
        counted = next((a for f, a in reversed(asked) if a is not None and not f.late), None)
        parent_result = _latest_result(parent)
        result = _latest_result(counted) if counted is not None else parent_result
        star = parent_result.star if parent_result is not None else None
        shown = shown_principles((star or {}).get("principles", []), item.leadership_principles)
        for lp_id, evidence in shown.items():
            quotes.setdefault((item.id, lp_id), evidence)
        said = [f.model_copy(update={"answer": a.text if a else None}) for f, a in asked]
        first = said[0] if said else None
        outcomes.append(
            text_outcome(
                item,
                TextAttempt(
                    answer_text=parent.text,
                    follow_up_question=first.question if first else None,
                    follow_up_answer=first.answer if first else None,
                    result=result,
                    late=bool(state.get("late", False)),
                    follow_ups=tuple(said),
                ),
            )
        )
    allotted = rnd.duration_min * 60.0
    away = RoundClock.from_json(sr.state["clock"]).away_s if "clock" in sr.state else 0.0
    return build_scorecard(
        sr.position,
        rnd,
        outcomes,
        bank=bank,
        principle_quotes=quotes,
        times=(allotted, sr.time_used_s, away),
        ended_by=sr.state.get("ended_by"),
        rule=loop.decision,
    )


def record_reviews(session: Session, user_id: int, cards: list[Scorecard], now: datetime) -> None:
    """Turn every item met into a review card, rated from its score.

    One review per item and session, from its final score (the judge's own review hook skips
    submissions made in a session); items that could not be graded are left out, and so are
    items that make no review card (questions made from the résumé, ad-hoc questions).
    """
    for card in cards:
        for outcome in card.items:
            if outcome.grading_failed or not is_reviewable(outcome.item_id):
                continue
            if outcome.kind == "coding":
                rating = rating_for_verdict(
                    outcome.verdict or "", outcome.tests_passed or 0, outcome.tests_total or 0
                )
            else:
                rating = rating_for_score(outcome.score or 0.0)
            record_review(session, user_id, outcome.item_id, rating, now)
