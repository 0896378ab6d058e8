"""The Leadership Principle detector with the real embedding model and the shipped weights."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from barraiser.config import Settings
from barraiser.content.bank import get_bank
from barraiser.content.principle_training import load_training
from barraiser.grading.behavioral import analyze_behavioral
from barraiser.grading.embeddings import get_backend
from barraiser.grading.grader import build_grader
from barraiser.grading.principles import (
    embed_stories,
    shipped_model,
    train,
)
from barraiser.grading.rubric import from_question

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))
from principle_detection import load_stories  # noqa: E402

MENTORING = (
    "Two years ago a new graduate, Priya, joined my team and struggled with code reviews: "
    "she took every comment as a verdict on her. I asked her what she found hardest and she "
    "said she never knew which comments mattered. I started tagging my own review comments as "
    "blocking or optional, and we paired on her next two reviews so she could see how I read "
    "a change. After a month I had her review my pull requests first. Within a quarter she "
    "was reviewing for the whole team, and two other new joiners asked to pair with her. I now "
    "pair with every new joiner for their first month."
)


def test_shipped_weights_come_from_the_training_stories() -> None:
    """Retraining on content/principle_training gives the shipped model's rankings."""
    stories, problems = load_training()
    assert not problems and len(stories) >= 160
    shipped = shipped_model()
    assert shipped is not None
    assert shipped.meta["stories"] == len(stories)
    vectors = embed_stories([s.story for s in stories], get_backend())
    retrained = train(
        stories, vectors, shipped.ids, c=shipped.meta["c"], text_weight=shipped.meta["text_weight"]
    )
    same = 0
    for story, vecs in zip(stories, vectors, strict=True):
        features = shipped.features([story.story], vecs)
        assert np.allclose(features, retrained.features([story.story], vecs))
        same += int(
            np.argmax(retrained.probabilities(features))
            == np.argmax(shipped.probabilities(features))
        )
    assert same / len(vectors) >= 0.98


def test_detection_on_held_out_stories() -> None:
    """Stories never trained on: top-1 and top-3 as ``benchmarks/principle_detection.py``."""
    principles = list(get_bank().principles.values())
    encoder = get_backend()
    test = [s for s in load_stories() if s["split"] == "test"]
    top1 = top3 = 0
    for story in test:
        ranked = [m.id for m in analyze_behavioral(story["story"], principles, encoder).principles]
        top1 += bool(ranked) and ranked[0] in story["principles"]
        top3 += any(r in story["principles"] for r in ranked[:3])
    # Measured 0.773 / 0.955 on the 132 test stories (the targets: 0.75 / 0.90).
    assert top1 / len(test) >= 0.75
    assert top3 / len(test) >= 0.90


@pytest.fixture(scope="module")
def grader():  # type: ignore[no-untyped-def]
    bank = get_bank()
    return build_grader(Settings(grader="embedding"), list(bank.principles.values()))


def test_same_story_ranks_the_same_under_any_question(grader) -> None:  # type: ignore[no-untyped-def]
    bank = get_bank()
    ranked = []
    for qid in ("dove-deep-into-a-metric", "mentored-a-teammate", "missed-a-deadline"):
        star = grader.grade(MENTORING, from_question(bank.question(qid))).star
        ranked.append([(p["id"], p["score"], p["evidence"]) for p in star["principles"]])
    assert ranked[0] == ranked[1] == ranked[2]
    assert ranked[0][0][0] == "hire-and-develop-the-best"


def test_story_for_another_principle_is_redirected(grader) -> None:  # type: ignore[no-untyped-def]
    bank = get_bank()
    dive = grader.grade(MENTORING, from_question(bank.question("dove-deep-into-a-metric")))
    mentor = grader.grade(MENTORING, from_question(bank.question("mentored-a-teammate")))
    assert dive.star["asked_principle_shown"] is False
    assert mentor.star["asked_principle_shown"] is True
    assert dive.score <= 30 < mentor.score
    redirect = dive.star["advice"][0]
    assert "Hire and Develop the Best" in redirect and "Dive Deep" in redirect
    assert "Tell one where you" in redirect
