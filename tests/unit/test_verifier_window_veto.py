"""The verifier grader's window rule: two sentences read together cannot state what one of them
contradicts (the rule over the verifier's probabilities, without the model)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from barraiser.grading.verifier_grader import (
    DEFAULT_POLICY,
    _Judged,
    _prepare,
    _veto_windows,
)

TEXT = "Adam keeps two running averages per weight. It needs less memory than SGD. Use AdamW."
EITHER = replace(DEFAULT_POLICY, window_veto_at=0.5, window_veto_second_only=False)
SECOND = replace(DEFAULT_POLICY, window_veto_at=0.5, window_veto_second_only=True)


def _judged(rows: dict[int, list[float]]) -> _Judged:
    units = sorted(rows)
    probs = np.array([rows[u] for u in units], dtype=np.float32)
    return _Judged(units, np.ones(len(units), dtype=np.float32), probs)


def _states(found: _Judged, unit: int) -> float:
    return round(float(found.probs[found.units.index(unit), 0]), 4)


def test_units_are_sentences_then_windows() -> None:
    answer = _prepare(TEXT, 400)
    assert answer.units == [(0, 0), (1, 1), (2, 2), (0, 1), (1, 2)]


def test_window_falls_to_its_sentences_when_its_second_sentence_contradicts() -> None:
    answer = _prepare(TEXT, 400)
    found = _judged(
        {
            0: [0.30, 0.05, 0.60, 0.05],
            1: [0.10, 0.80, 0.05, 0.05],  # the second sentence reverses the point ...
            3: [0.90, 0.05, 0.03, 0.02],  # ... yet the window (0, 1) reads as stating it
        }
    )
    _veto_windows(answer, found, SECOND)
    assert _states(found, 3) == 0.30  # the best of its own sentences
    unit, p = found.best(0)
    assert (unit, round(p, 4)) == (0, 0.30)


def test_the_later_window_maps_to_its_own_sentences() -> None:
    answer = _prepare(TEXT, 400)
    found = _judged(
        {
            1: [0.20, 0.10, 0.60, 0.10],
            2: [0.05, 0.90, 0.03, 0.02],  # sentence 2 contradicts
            4: [0.85, 0.05, 0.05, 0.05],  # window (1, 2)
        }
    )
    _veto_windows(answer, found, SECOND)
    assert _states(found, 4) == 0.20


def test_a_wrong_claim_corrected_by_the_next_sentence_keeps_the_window() -> None:
    answer = _prepare(TEXT, 400)
    found = _judged(
        {
            0: [0.05, 0.85, 0.05, 0.05],  # the first sentence states the wrong claim ...
            1: [0.30, 0.10, 0.50, 0.10],
            3: [0.80, 0.10, 0.05, 0.05],  # ... the pair corrects it
        }
    )
    _veto_windows(answer, found, SECOND)
    assert _states(found, 3) == 0.80
    _veto_windows(answer, found, EITHER)
    assert _states(found, 3) == 0.30


def test_both_sentences_contradicting_leave_the_window_at_their_best() -> None:
    answer = _prepare(TEXT, 400)
    found = _judged(
        {
            0: [0.10, 0.70, 0.10, 0.10],
            1: [0.15, 0.75, 0.05, 0.05],
            3: [0.90, 0.05, 0.03, 0.02],
        }
    )
    _veto_windows(answer, found, EITHER)
    assert _states(found, 3) == 0.15


def test_window_keeps_its_reading_without_a_sure_contradiction() -> None:
    answer = _prepare(TEXT, 400)
    found = _judged(
        {
            0: [0.30, 0.05, 0.60, 0.05],
            1: [0.40, 0.45, 0.10, 0.05],  # contradicts less surely than the threshold
            3: [0.90, 0.05, 0.03, 0.02],
        }
    )
    _veto_windows(answer, found, SECOND)
    assert _states(found, 3) == 0.90


def test_a_contradiction_less_likely_than_a_statement_does_not_veto() -> None:
    answer = _prepare(TEXT, 400)
    found = _judged({1: [0.45, 0.40, 0.10, 0.05], 3: [0.95, 0.0, 0.0, 0.05]})
    _veto_windows(answer, found, replace(SECOND, window_veto_at=0.3))
    assert _states(found, 3) == 0.95
    found = _judged({1: [0.35, 0.40, 0.20, 0.05], 3: [0.95, 0.0, 0.0, 0.05]})
    _veto_windows(answer, found, replace(SECOND, window_veto_at=0.3))
    assert _states(found, 3) == 0.35


def test_window_whose_sentences_were_not_verified_is_left_alone() -> None:
    answer = _prepare(TEXT, 400)
    found = _judged({2: [0.1, 0.9, 0.0, 0.0], 3: [0.95, 0.0, 0.0, 0.05]})
    _veto_windows(answer, found, EITHER)
    assert _states(found, 3) == 0.95


def test_veto_off() -> None:
    answer = _prepare(TEXT, 400)
    found = _judged({1: [0.05, 0.90, 0.03, 0.02], 3: [0.90, 0.05, 0.03, 0.02]})
    _veto_windows(answer, found, replace(SECOND, window_veto_at=1.01))
    assert _states(found, 3) == 0.90
