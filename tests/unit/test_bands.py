"""One set of score bands: the grade's word, its headline, the loop rating and the review agree."""

from __future__ import annotations

import pytest
from fsrs import Rating as ReviewRating

from barraiser.grading.bands import band
from barraiser.grading.feedback import build_feedback
from barraiser.interview.review import rating_for_score
from barraiser.interview.scoring import rating_for

#: For each band: the loop rating and the review rating it must come with.
SAME_MEANING = {
    "strong": ("strong-hire", ReviewRating.Easy),
    "partial": ("inclined", ReviewRating.Good),
    "weak": ("no", ReviewRating.Hard),
    "not yet an answer": ("strong-no", ReviewRating.Again),
}


@pytest.mark.parametrize(
    ("score", "word"),
    [
        (100.0, "strong"),
        (80.0, "strong"),
        (79.9, "partial"),
        (55.0, "partial"),
        (54.9, "weak"),
        (25.0, "weak"),
        (24.9, "not yet an answer"),
        (0.0, "not yet an answer"),
    ],
)
def test_bands(score: float, word: str) -> None:
    assert band(score) == word


def test_a_misconception_keeps_an_answer_from_strong() -> None:
    assert band(92.0, misconceptions=True) == "partial"
    assert band(40.0, misconceptions=True) == "weak"


def test_every_score_gets_the_same_meaning_everywhere() -> None:
    for tenth in range(0, 1001):
        score = tenth / 10
        word = band(score)
        assert (rating_for(score), rating_for_score(score)) == SAME_MEANING[word], score
        headline = build_feedback(score, []).text.splitlines()[0]
        said = word if word == "not yet an answer" else f"a {word} answer"
        assert said in headline, (score, headline)
