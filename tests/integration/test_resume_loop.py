"""The loop's résumé round asks about the candidate's own projects once they have analysed a
résumé (the latest analysis, kept in the database), graded with the bank's project rubric;
without an analysis it asks the bank's generic question."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from barraiser.config import Settings
from barraiser.content.bank import get_bank
from barraiser.interview.answers import AnswerService
from barraiser.interview.engine import InterviewService
from barraiser.resume import read_text
from barraiser.resume.latest import load_analysis
from barraiser.resume.service import run_analysis
from barraiser.store import Answer, Store, ensure_local_user
from barraiser.store.models import ReviewCard
from resume_files import fixture_text

ANSWER = (
    "At ShopStream the home feed showed the same popular items to everyone. I owned the "
    "candidate retrieval model: I built a two-tower model in TensorFlow on 90 days of clicks, "
    "chose in-batch negatives because they were cheap at our scale, and served it from an ANN "
    "index. I found that 6% of clicks were bots and removed them. In an A/B test on half the "
    "traffic, add-to-cart rose 4.2%. After launch I added a drift dashboard. Next time I would "
    "talk to the merchandising team earlier."
)


def _user(store: Store) -> int:
    with store.session() as session:
        return ensure_local_user(session).id


def _recruiter_items(service: InterviewService, user: int, session_id: str) -> list[object]:
    view = service.view(user, session_id)
    return list(view.rounds[0].items)


def test_the_resume_round_asks_about_your_own_project(store: Store, tmp_path: Path) -> None:
    bank = get_bank()
    settings = Settings(data_dir=tmp_path / "data")
    user = _user(store)
    service = InterviewService(
        store,
        bank,
        answers=AnswerService(store, bank, settings),
        data_dir=settings.data_dir,
    )
    # Before any résumé: the bank's generic résumé question.
    before = service.start_loop(user, "amazon-mle", seed=7)
    ids = [i.id for i in _recruiter_items(service, user, before)]  # type: ignore[attr-defined]
    assert "walk-me-through-a-project" in ids

    run_analysis(
        read_text(fixture_text("resumes", "recsys-mid")),
        read_text(fixture_text("jobs", "recsys-mle")),
        settings,
        list(bank.principles.values()),
        store=store,
        user_id=user,
        resume_name="cv.md",
    )
    analysis = load_analysis(store, user)
    assert analysis is not None
    own_question = next(q for q in analysis.questions if q.kind == "project")

    session_id = service.start_loop(user, "amazon-mle", seed=7)
    items = _recruiter_items(service, user, session_id)
    own = next(i for i in items if i.id.startswith("resume:"))  # type: ignore[attr-defined]
    assert own.prompt == own_question.text  # type: ignore[attr-defined]
    assert "two-tower candidate retrieval model" in own.prompt  # type: ignore[attr-defined]
    assert "walk-me-through-a-project" not in [i.id for i in items]  # type: ignore[attr-defined]

    service.start_round(user, session_id)
    outcome = service.answer(user, session_id, own.id, ANSWER)  # type: ignore[attr-defined]
    with store.session() as session:
        saved = session.scalars(select(Answer).where(Answer.id == outcome.answer_id)).one()
        # Graded with the bank question's rubric; the prompt kept is the one asked.
        assert saved.question_id == "walk-me-through-a-project"
        assert saved.prompt_text == own_question.text
    graded = service.view(user, session_id).rounds[0].items
    assert next(i for i in graded if i.id == own.id).status in {"answered", "done"}  # type: ignore[attr-defined]

    # The debrief reviews the round's bank questions, not the one made from the résumé: its
    # answer is stored under the generic question, which is not what was asked.
    service.finish_round(user, session_id)
    service.abandon(user, session_id)
    debrief = service.debrief(user, session_id)
    assert not debrief.pending
    with store.session() as session:
        reviewed = set(session.scalars(select(ReviewCard.question_id)).all())
    others = {i.id for i in items if not i.id.startswith("resume:")}  # type: ignore[attr-defined]
    assert others and others <= reviewed
    assert not any(r.startswith("resume:") for r in reviewed)
    assert "walk-me-through-a-project" not in reviewed
