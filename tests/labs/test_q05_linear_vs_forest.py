"""Lab 5: linear regression vs random forest on concrete and diabetes."""

from __future__ import annotations

from collections.abc import Callable

from barraiser.labs import LabResult


def test_claims_follow_the_measured_numbers_and_outputs_exist(
    run_fast: Callable[[str], LabResult],
) -> None:
    result = run_fast("linear-vs-forest-regression")
    m = result.metrics

    guide = result.claim("guide-forest-generally-better")
    assert guide.holds == (
        m["r2_c_forest"] > m["r2_c_linear"] and m["r2_d_forest"] > m["r2_d_linear"]
    )
    assert not guide.holds, "the guide's rule of thumb should fail on the diabetes table"

    nonlinear = result.claim("forest-finds-nonlinearity")
    assert nonlinear.holds == (m["r2_c_forest"] - m["r2_c_linear"] >= 0.1)
    assert nonlinear.holds

    closed = (m["r2_c_linear_logage"] - m["r2_c_linear"]) / (m["r2_c_forest"] - m["r2_c_linear"])
    assert m["gap_closed_by_logage"] == closed
    engineered = result.claim("engineered-feature-closes-gap")
    assert engineered.holds == (closed >= 0.5)
    assert engineered.holds

    small = result.claim("linear-wins-small-data")
    assert small.holds == (m["r2_d_linear"] > m["r2_d_forest"])
    assert small.holds

    flat = result.claim("forest-flat-beyond-range")
    assert flat.holds == (
        m["extrap_max_pred_forest"] <= m["extrap_train_max_strength"]
        and m["extrap_bias_forest"] > 0
        and m["extrap_bias_linear"] <= 0
    )
    assert flat.holds
    # A forest's prediction is an average of training targets: it can never pass the maximum.
    assert m["extrap_max_pred_forest"] <= m["extrap_train_max_strength"]

    assert len(result.tables) == 2
    assert len(result.tables[0].rows) == 5
    assert [f.file for f in result.figures] == ["linear_vs_forest.png"]
    assert {d.id for d in result.datasets} == {"concrete", "diabetes"}
