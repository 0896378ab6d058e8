"""Round clocks with an injected clock: active time, time away, and the loop's rule for it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from barraiser.content.schemas import Timing
from barraiser.interview.timing import RoundClock

T0 = datetime(2026, 11, 27, 9, tzinfo=UTC)
COUNTS = Timing(away_time="counts", away_after_s=60)
PAUSED = Timing(away_time="paused", away_after_s=60)


def _at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def test_heartbeats_add_active_time() -> None:
    clock = RoundClock.start(T0)
    for second in range(15, 301, 15):
        clock.touch(_at(second), COUNTS)
    assert clock.active_s == 300
    assert clock.away_s == 0
    assert clock.used_s(COUNTS) == clock.used_s(PAUSED) == 300


def test_a_long_gap_is_time_away_counted_or_not_as_the_loop_says() -> None:
    for timing, expected_used in ((COUNTS, 60 + 600 + 30), (PAUSED, 60 + 30)):
        clock = RoundClock.start(T0)
        clock.touch(_at(30), timing)
        clock.touch(_at(60), timing)
        clock.touch(_at(660), timing)  # the browser was closed for ten minutes
        clock.touch(_at(690), timing)
        assert clock.away_s == 600
        assert clock.away_periods == [(_at(60), 600.0)]
        assert clock.used_s(timing) == expected_used


def test_the_running_gap_counts_while_short_and_follows_the_rule_once_long() -> None:
    clock = RoundClock.start(T0)
    assert clock.used_s(PAUSED, _at(45)) == 45
    assert clock.used_s(PAUSED, _at(500)) == 0
    assert clock.used_s(COUNTS, _at(500)) == 500
    assert clock.pending_away_s(PAUSED, _at(45)) == 0
    assert clock.pending_away_s(PAUSED, _at(500)) == 500


def test_the_clock_survives_a_round_trip_through_json() -> None:
    clock = RoundClock.start(T0)
    clock.touch(_at(20), COUNTS)
    clock.touch(_at(400), COUNTS)
    again = RoundClock.from_json(clock.to_json())
    assert again == clock


def test_a_clock_never_runs_backwards() -> None:
    clock = RoundClock.start(_at(100))
    clock.touch(_at(50), COUNTS)
    assert clock.used_s(COUNTS) == 0
    assert clock.last_seen == _at(100)
