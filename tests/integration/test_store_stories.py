"""The story bank on real databases (SQLite and PostgreSQL) with the real embedding model: the
table and its migration, stories kept per user and saved before they are analysed, the mapping
of a story to the principles it shows, the coverage matrix, and the loop's preference."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, select

from barraiser.config import Settings
from barraiser.content.bank import get_bank
from barraiser.content.loader import Bank
from barraiser.grading.embeddings import SentenceTransformerBackend, get_backend
from barraiser.interview.items import value_candidates
from barraiser.interview.starting import add_session
from barraiser.store import Base, SessionRound, Store, User, downgrade, make_engine, migrate, utcnow
from barraiser.store.db import current_revision
from barraiser.store.models import Story
from barraiser.stories import StoryBank, StoryData, StoryNotFound
from barraiser.stories.analysis import (
    ANALYSIS_VERSION,
    SIGNALS,
    ShownPrinciple,
    Signal,
    StoryAnalysis,
)

DIVE_DEEP = StoryData(
    title="Traced a silent drop in fraud recall",
    situation="At a payments company I owned the fraud model, and one Monday its recall on the "
    "weekly audit fell from 0.81 to 0.64 with no deploy in between.",
    task="The dashboards all looked green, so it was on me to find the root cause before the "
    "next audit.",
    action="I pulled the raw scoring logs for the week and compared feature distributions day by "
    "day. I traced the drop to one feature, merchant age, which had become null for 30% of "
    "transactions. I read the upstream pipeline's code and found that a schema change had "
    "renamed a column, so the join silently produced nulls.",
    result="I fixed the join and added a null-rate check to the pipeline; recall went back to "
    "0.80 within a day.",
    reflection="I learned not to trust aggregate dashboards: I now look at the raw data and "
    "per-feature null rates first.",
)
NO_RESULT = StoryData(
    title=DIVE_DEEP.title + " (no result yet)",
    situation=DIVE_DEEP.situation,
    task=DIVE_DEEP.task,
    action=DIVE_DEEP.action,
    reflection=DIVE_DEEP.reflection,
)


@pytest.fixture(scope="module")
def encoder() -> SentenceTransformerBackend:
    return SentenceTransformerBackend()


@pytest.fixture(scope="module")
def bank() -> Bank:
    return get_bank()


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    made = make_engine(db_url)
    yield made
    made.dispose()


def _users(store: Store) -> tuple[int, int]:
    with store.session() as session:
        ada, bo = User(name="Ada"), User(name="Bo")
        session.add_all([ada, bo])
        session.flush()
        return ada.id, bo.id


def _stories(store: Store, bank: Bank, encoder: SentenceTransformerBackend) -> StoryBank:
    return StoryBank(store, list(bank.principles.values()), lambda: encoder)


# --- the table and its migration ---------------------------------------------------------


def test_the_stories_table_matches_its_model_and_downgrades(engine: Engine) -> None:
    migrate(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    about_stories = [d for d in differences if "stories" in repr(d)]
    assert about_stories == []
    assert "stories" in inspect(engine).get_table_names()
    downgrade(engine, "0002")
    assert current_revision(engine) == "0002"
    assert "stories" not in inspect(engine).get_table_names()
    migrate(engine)
    assert "stories" in inspect(engine).get_table_names()


# --- the store ---------------------------------------------------------------------------


def test_stories_are_kept_per_user_edited_and_deleted(
    store: Store, bank: Bank, encoder: SentenceTransformerBackend
) -> None:
    ada, bo = _users(store)
    stories = _stories(store, bank, encoder)
    mine = stories.create(ada, DIVE_DEEP)
    assert mine.analysis is not None
    assert [s.id for s in stories.list(ada)] == [mine.id]
    assert stories.list(bo) == []
    with pytest.raises(StoryNotFound, match="no story with id"):
        stories.get(bo, mine.id)
    with pytest.raises(StoryNotFound):
        stories.delete(bo, mine.id)
    changed = stories.update(ada, mine.id, NO_RESULT)
    assert changed.title == NO_RESULT.title and changed.result == ""
    assert changed.analysis is not None and not changed.analysis.strong
    stories.delete(ada, mine.id)
    assert stories.list(ada) == []
    with store.session() as session:
        assert session.scalars(select(Story)).all() == []


def test_a_story_is_saved_before_the_analysis_runs(store: Store, bank: Bank) -> None:
    (ada, _) = _users(store)
    # A grading model that cannot be loaded: the real loader, pointed at a missing folder.
    missing = Settings(grader_model=str(Path("/nonexistent/model")))
    stories = StoryBank(store, list(bank.principles.values()), lambda: get_backend(missing))
    saved = stories.create(ada, DIVE_DEEP)
    assert saved.analysis is None
    with store.session() as session:
        row = session.get(Story, saved.id)
        assert row is not None and row.action == DIVE_DEEP.action and row.analysis is None


def test_import_adds_new_stories_once_and_keeps_their_dates(
    store: Store, bank: Bank, encoder: SentenceTransformerBackend
) -> None:
    (ada, _) = _users(store)
    stories = _stories(store, bank, encoder)
    created = datetime(2024, 3, 1, 12, tzinfo=UTC)
    first = stories.import_stories(ada, [DIVE_DEEP, NO_RESULT], [created, None])
    assert [s.title for s in first.added] == [DIVE_DEEP.title, NO_RESULT.title]
    assert first.added[0].created_at == created
    again = stories.import_stories(ada, [DIVE_DEEP])
    assert again.added == [] and again.skipped == [DIVE_DEEP.title]


# --- the analysis ------------------------------------------------------------------------


def test_a_dive_deep_story_is_mapped_to_dive_deep_with_its_sentence(
    store: Store, bank: Bank, encoder: SentenceTransformerBackend
) -> None:
    (ada, _) = _users(store)
    story = _stories(store, bank, encoder).create(ada, DIVE_DEEP)
    analysis = story.analysis
    assert analysis is not None
    assert analysis.principles[0].id == "dive-deep"
    evidence = analysis.principles[0].evidence
    assert evidence in DIVE_DEEP.action, evidence
    assert analysis.strong and analysis.missing == []
    signals = {s.name: s for s in analysis.signals}
    assert signals["result-number"].evidence and "0.80" in signals["result-number"].evidence
    assert signals["reflection"].evidence == DIVE_DEEP.reflection


def test_a_story_without_a_result_is_no_strong_story_in_the_matrix(
    store: Store, bank: Bank, encoder: SentenceTransformerBackend
) -> None:
    (ada, _) = _users(store)
    stories = _stories(store, bank, encoder)
    story = stories.create(ada, NO_RESULT)
    assert story.analysis is not None and not story.analysis.strong
    assert "no result" in story.analysis.missing
    cell = stories.coverage(ada).cell("dive-deep")
    assert cell.status == "weak" and cell.label == "No strong story"
    assert [s.id for s in cell.stories] == [story.id]
    # A strong story of the same principle makes the cell strong.
    stories.create(ada, DIVE_DEEP)
    assert stories.coverage(ada).cell("dive-deep").status == "strong"


# --- the loop ----------------------------------------------------------------------------


def _lp_questions(store: Store, bank: Bank, user_id: int, seed: int) -> list[str]:
    """The Leadership Principle questions a new quick loop asks the user."""
    with store.session() as session:
        session_id = add_session(
            session,
            bank,
            user_id,
            bank.loop("quick"),
            mode="loop",
            seed=seed,
            now=utcnow(),
            start_first=False,
        )
    with store.session() as session:
        ids = session.scalars(
            select(SessionRound.question_ids).where(SessionRound.session_id == session_id)
        ).all()
    lp = {i.id for i in value_candidates(bank)}
    return [qid for round_ids in ids for qid in round_ids if qid in lp]


def test_a_seeded_loop_asks_about_the_principle_the_bank_lacks(store: Store, bank: Bank) -> None:
    ada, bo = _users(store)
    pool = value_candidates(bank)
    # A principle the fewest questions probe: without stories the quick loop seldom asks it.
    lacking = min(
        bank.principles, key=lambda p: (sum(p in i.leadership_principles for i in pool), p)
    )
    assert sum(lacking in i.leadership_principles for i in pool) <= len(pool) // 4
    covered = [p for p in bank.principles.values() if p.id != lacking]
    # Ada's bank (stored as the analysis writes it) has a strong story for every other one.
    analysis = StoryAnalysis(
        principles=[
            ShownPrinciple(id=p.id, name=p.name, score=0.06, share=1.0, evidence="I did it.")
            for p in covered
        ],
        signals=[Signal(name=n, present=True, evidence="I did it.") for n in SIGNALS],
        strong=True,
    )
    with store.session() as session:
        session.add(
            Story(
                user_id=ada,
                title="Everything",
                action="I did it.",
                analysis=analysis.model_dump(mode="json"),
                analysis_version=ANALYSIS_VERSION,
            )
        )
    asked_without = []
    for seed in range(6):
        asked = _lp_questions(store, bank, ada, seed)
        assert asked == _lp_questions(store, bank, ada, seed), "a seeded loop must repeat"
        assert [lacking in bank.question(q).leadership_principles for q in asked] == [True]
        plain = _lp_questions(store, bank, bo, seed)
        assert plain == _lp_questions(store, bank, bo, seed)
        asked_without.append(lacking in bank.question(plain[0]).leadership_principles)
    assert not all(asked_without), "without stories the preference must not apply"
