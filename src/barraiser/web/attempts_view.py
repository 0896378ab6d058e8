"""A question page's view of the candidate's own attempts: their numbers for that question, and
whether the answer key (how to answer, key points, model answer, follow-ups) is shown yet."""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import Request

from barraiser.content.schemas import Question
from barraiser.store import Store
from barraiser.store.queries import has_judged_submission
from barraiser.web.grading_models import AttemptSummary


def attempt_numbers(attempts: Sequence[AttemptSummary]) -> dict[int, int]:
    """Each answer's number among the attempts at its question, 1 for the oldest.

    ``attempts`` come newest first, as the answer service lists them; the numbers count per
    question, so the third answer to a question is attempt 3 whatever its id in the store.
    """
    total = len(attempts)
    return {attempt.answer_id: total - index for index, attempt in enumerate(attempts)}


def key_revealed(
    request: Request, user_id: int, question: Question, attempts: Sequence[AttemptSummary]
) -> bool:
    """Whether the answer key shows openly: once a first attempt is graded (an answer) or
    judged (a submission of the question's coding problem).  A question that cannot be
    attempted here shows it at once."""
    if question.is_free_text:
        return any(attempt.score is not None for attempt in attempts)
    if question.problem is None:
        return True
    store: Store | None = getattr(request.app.state, "store", None)
    if store is None:
        return False
    with store.session() as session:
        return has_judged_submission(session, user_id, question.problem)
