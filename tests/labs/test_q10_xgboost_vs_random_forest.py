"""Lab 10: XGBoost and random forest as training labels are flipped."""

from __future__ import annotations

from collections.abc import Callable

from barraiser.labs import LabResult


def test_forest_overfits_noise_and_regularised_boosting_keeps_up(
    run_fast: Callable[[str], LabResult],
) -> None:
    result = run_fast("xgboost-vs-random-forest")
    m = result.metrics

    for key in ("rf", "xgb_plain", "xgb_reg"):
        assert m[f"drop_{key}"] == m[f"test_acc_clean_{key}_0"] - m[f"test_acc_clean_{key}_30"]
        assert m[f"gap_{key}_30"] == m[f"train_acc_{key}_30"] - m[f"test_acc_noisy_{key}_30"]
    # the forest fits the labels it was given, noise included
    assert m["train_acc_rf_30"] > 0.99

    memorises = result.claim("forest-memorises-noise")
    assert memorises.holds == (m["memorised_rf_30"] > 0.5 and m["gap_rf_30"] > 0.15)
    assert memorises.holds

    robust = result.claim("regularised-boosting-as-robust")
    assert abs(m["drop_difference_reg_minus_rf"] - (m["drop_xgb_reg"] - m["drop_rf"])) < 1e-9
    assert robust.holds == (m["drop_difference_reg_minus_rf"] <= 2 * m["drop_difference_se"])
    assert robust.holds

    chases = result.claim("boosting-chases-noise")
    assert chases.holds == (
        m["train_acc_xgb_plain_30"] > m["train_acc_xgb_reg_30"]
        and m["test_acc_clean_xgb_plain_30"] < m["test_acc_clean_xgb_reg_30"]
    )
    assert chases.holds

    guide = result.claim("forest-robust-to-overfitting")
    assert guide.text.startswith("(guide)")
    assert guide.holds == (
        m["gap_rf_30"] <= m["gap_xgb_reg_30"]
        and m["test_acc_clean_rf_30"] >= m["test_acc_clean_xgb_reg_30"]
    )
    assert not guide.holds

    assert len(result.tables[0].rows) == 4 * 3
    assert [f.file for f in result.figures] == ["label_noise.png"]
