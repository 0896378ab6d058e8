"""The verifier grader's window rule: two sentences read together cannot state what one of them
contradicts (the rule over the verifier's probabilities, without the model)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from barraiser.grading.verifier_grader import (
    DEFAULT_POLICY,
    ScoringPolicy,
    _Judged,
    _prepare,
    _veto_windows,
)

# Units: sentences 0, 1, 2, then the windows (0, 1) = unit 3 and (1, 2) = unit 4.
TEXT = "Adam keeps two running averages per weight. It needs less memory than SGD. Use AdamW."
EITHER = replace(DEFAULT_POLICY, window_veto_at=0.5, window_veto_second_only=False)
SECOND = replace(DEFAULT_POLICY, window_veto_at=0.5, window_veto_second_only=True)
STATES_WINDOW = [0.90, 0.05, 0.03, 0.02]  # a window read as stating the target


def _veto(rows: dict[int, list[float]], policy: ScoringPolicy) -> _Judged:
    """Run the rule on verdicts per unit (states, contradicts, mentions, unrelated)."""
    units = sorted(rows)
    probs = np.array([rows[u] for u in units], dtype=np.float32)
    found = _Judged(units, np.ones(len(units), dtype=np.float32), probs)
    _veto_windows(_prepare(TEXT, 400), found, policy)
    return found


def _states(found: _Judged, unit: int) -> float:
    return round(float(found.probs[found.units.index(unit), 0]), 4)


def test_units_are_sentences_then_windows() -> None:
    assert _prepare(TEXT, 400).units == [(0, 0), (1, 1), (2, 2), (0, 1), (1, 2)]


@pytest.mark.parametrize(
    ("rows", "policy", "window", "states"),
    [
        pytest.param(
            {0: [0.30, 0.05, 0.60, 0.05], 1: [0.10, 0.80, 0.05, 0.05], 3: STATES_WINDOW},
            DEFAULT_POLICY,
            3,
            0.30,
            id="second-sentence-reverses: window falls to its best sentence",
        ),
        pytest.param(
            {1: [0.20, 0.10, 0.60, 0.10], 2: [0.05, 0.90, 0.03, 0.02], 4: STATES_WINDOW},
            DEFAULT_POLICY,
            4,
            0.20,
            id="the later window maps to sentences 1 and 2",
        ),
        pytest.param(
            {0: [0.10, 0.70, 0.10, 0.10], 1: [0.15, 0.75, 0.05, 0.05], 3: STATES_WINDOW},
            DEFAULT_POLICY,
            3,
            0.15,
            id="both sentences contradict",
        ),
        pytest.param(
            {0: [0.05, 0.85, 0.05, 0.05], 1: [0.30, 0.10, 0.50, 0.10], 3: STATES_WINDOW},
            EITHER,
            3,
            0.30,
            id="first-sentence-wrong: vetoed by either sentence",
        ),
        pytest.param(
            {0: [0.05, 0.85, 0.05, 0.05], 1: [0.30, 0.10, 0.50, 0.10], 3: STATES_WINDOW},
            SECOND,
            3,
            0.90,
            id="first-sentence-wrong: kept when only the second can veto",
        ),
        pytest.param(
            {0: [0.30, 0.05, 0.60, 0.05], 1: [0.40, 0.45, 0.10, 0.05], 3: STATES_WINDOW},
            DEFAULT_POLICY,
            3,
            0.90,
            id="contradiction below the threshold",
        ),
        pytest.param(
            {1: [0.45, 0.40, 0.10, 0.05], 3: STATES_WINDOW},
            replace(DEFAULT_POLICY, window_veto_at=0.3),
            3,
            0.90,
            id="contradiction over the threshold but less likely than a statement",
        ),
        pytest.param(
            {1: [0.35, 0.40, 0.20, 0.05], 3: STATES_WINDOW},
            replace(DEFAULT_POLICY, window_veto_at=0.3),
            3,
            0.35,
            id="contradiction over the threshold and likelier than a statement",
        ),
        pytest.param(
            {2: [0.10, 0.90, 0.00, 0.00], 3: STATES_WINDOW},
            DEFAULT_POLICY,
            3,
            0.90,
            id="the window's sentences were not verified",
        ),
        pytest.param(
            {1: [0.05, 0.90, 0.03, 0.02], 3: STATES_WINDOW},
            replace(DEFAULT_POLICY, window_veto_at=1.01),
            3,
            0.90,
            id="veto off",
        ),
    ],
)
def test_window_rule(
    rows: dict[int, list[float]], policy: ScoringPolicy, window: int, states: float
) -> None:
    assert _states(_veto(rows, policy), window) == states


def test_a_vetoed_window_leaves_the_best_statement_to_its_sentence() -> None:
    found = _veto(
        {0: [0.30, 0.05, 0.60, 0.05], 1: [0.10, 0.80, 0.05, 0.05], 3: STATES_WINDOW},
        DEFAULT_POLICY,
    )
    unit, p = found.best(0)
    assert (unit, round(p, 4)) == (0, 0.30)
