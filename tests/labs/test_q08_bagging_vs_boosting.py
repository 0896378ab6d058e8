"""Lab 8: bias and variance of bagging and boosting on the concrete table."""

from __future__ import annotations

from collections.abc import Callable

from barraiser.labs import LabResult


def test_bagging_cuts_variance_boosting_cuts_bias_and_the_rule_of_thumb_fails(
    run_fast: Callable[[str], LabResult],
) -> None:
    result = run_fast("bagging-vs-boosting")
    m = result.metrics

    bagging = result.claim("bagging-cuts-variance")
    assert bagging.holds == (
        m["variance_bagging"] < 0.5 * m["variance_tree"]
        and m["bias2_bagging"] < 1.25 * m["bias2_tree"]
    )
    assert bagging.holds

    boosting = result.claim("boosting-cuts-bias")
    assert boosting.holds == (m["bias2_boosting"] < 0.5 * m["bias2_stump2"])
    assert boosting.holds

    curves = result.claim("learning-curves-diagnose")
    assert m["lc_gap_tree"] == m["lc_val_mse_tree"] - m["lc_train_mse_tree"]
    assert curves.holds == (
        m["lc_gap_tree"] > 3 * m["lc_gap_stump2"]
        and m["lc_train_mse_stump2"] > 10 * m["lc_train_mse_tree"]
    )
    assert curves.holds

    rule = result.claim("rule-of-thumb-decides")
    assert rule.text.startswith("(guide)")
    assert rule.holds == (m["tuned_cv_mse_forest"] <= m["tuned_cv_mse_gbm"])
    assert not rule.holds

    # the decomposition adds up: mean squared error = bias² (with noise) + variance
    for key in ("tree", "bagging", "stump2", "boosting"):
        total = m[f"bias2_{key}"] + m[f"variance_{key}"]
        assert abs(total - m[f"mse_{key}"]) < 1e-6 * m[f"mse_{key}"]

    assert len(result.tables) == 3 and all(t.rows for t in result.tables)
    assert [f.file for f in result.figures] == ["bias_variance.png"]
