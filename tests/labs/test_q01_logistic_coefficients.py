"""Lab 1: logistic regression coefficients, reference levels and intervals on NYC flights."""

from __future__ import annotations

from collections.abc import Callable

from barraiser.labs import LabResult


def test_claims_follow_the_measured_numbers_and_outputs_exist(
    run_fast: Callable[[str], LabResult],
) -> None:
    result = run_fast("logistic-regression-coefficients")
    m = result.metrics

    odds = result.claim("odds-ratio-vs-reference")
    assert odds.holds == (m["origin_only_or_max_error"] < 1e-6)
    assert odds.holds

    # The model answer's original wording ("changes every coefficient") is measured and fails:
    # only the intercept and the airport's own coefficients move.
    every = result.claim("reference-changes-every-coefficient")
    assert every.holds == (
        m["max_change_other_coefficients"] > 1e-6
        and m["min_change_origin_coefficients"] > 1e-6
        and m["max_abs_prediction_change"] < 1e-6
    )
    assert not every.holds
    assert m["min_change_origin_coefficients"] > 1e-3

    keeps = result.claim("reference-keeps-predictions")
    assert keeps.holds == (
        m["max_abs_prediction_change"] < 1e-6
        and m["max_change_other_coefficients"] < 1e-6
        and m["min_change_origin_coefficients"] > 1e-6
        and abs(m["jfk_vs_lga_from_difference"] - m["jfk_vs_lga_refit"]) < 1e-6
    )
    assert keeps.holds

    boolean = result.claim("odds-not-probability")
    assert boolean.holds == (
        m["evening_logodds_shift_error"] < 1e-6 and m["evening_dp_max"] > 1.5 * m["evening_dp_min"]
    )
    assert boolean.holds

    rare = result.claim("rare-levels-wide-intervals")
    assert rare.holds == (m["spearman_count_vs_ci_width"] < -0.8)
    assert rare.holds

    conditional = result.claim("effects-are-conditional")
    outside = sum(
        not m[f"adj_or_{lvl}_lo"] <= m[f"raw_or_{lvl}_vs_EWR"] <= m[f"adj_or_{lvl}_hi"]
        for lvl in ("JFK", "LGA")
    )
    assert m["raw_or_outside_adjusted_ci"] == outside
    assert conditional.holds == (outside > 0)
    assert conditional.holds

    assert m["ci_pvalue_agreement"] == 1.0
    assert len(result.tables) == 2
    assert [f.file for f in result.figures] == ["odds_ratios.png"]
