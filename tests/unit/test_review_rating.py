"""How grades and verdicts become FSRS ratings, and which item ids are reviewed (no I/O)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from barraiser.interview.review import (
    Rating,
    end_of_day,
    is_reviewable,
    rating_for_score,
    rating_for_verdict,
)


@pytest.mark.parametrize(
    ("score", "rating"),
    [
        (0.0, Rating.Again),
        (24.9, Rating.Again),
        (25.0, Rating.Hard),
        (54.99, Rating.Hard),
        (55.0, Rating.Good),
        (79.9, Rating.Good),
        (80.0, Rating.Easy),
        (100.0, Rating.Easy),
    ],
)
def test_score_bands(score: float, rating: Rating) -> None:
    assert rating_for_score(score) is rating


def test_a_higher_score_never_rates_lower() -> None:
    ratings = [rating_for_score(s / 2) for s in range(0, 201)]
    assert ratings == sorted(ratings)
    assert set(ratings) == set(Rating)


@pytest.mark.parametrize(
    ("verdict", "passed", "total", "rating"),
    [
        ("AC", 20, 20, Rating.Good),
        ("AC", 0, 0, Rating.Good),
        ("WA", 10, 20, Rating.Hard),
        ("TLE", 15, 20, Rating.Hard),
        ("WA", 9, 20, Rating.Again),
        ("RE", 0, 20, Rating.Again),
        ("CE", 0, 0, Rating.Again),
    ],
)
def test_verdicts(verdict: str, passed: int, total: int, rating: Rating) -> None:
    assert rating_for_verdict(verdict, passed, total) is rating


def test_ad_hoc_questions_are_not_reviewed() -> None:
    assert is_reviewable("precision-vs-recall")
    assert is_reviewable("problem:two-sum")
    assert not is_reviewable("adhoc:0123456789abcdef")


def test_end_of_day_is_utc() -> None:
    # 23:30 on the 1st in UTC-5 is already the 2nd in UTC.
    evening = datetime(2025, 3, 1, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    end = end_of_day(evening)
    assert end.tzinfo is UTC
    assert (end.date(), end.hour, end.minute) == (datetime(2025, 3, 2).date(), 23, 59)
    with pytest.raises(ValueError, match="timezone-aware"):
        end_of_day(datetime(2025, 3, 1))
