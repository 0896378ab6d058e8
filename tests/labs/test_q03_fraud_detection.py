"""Lab 3: fraud detection at a 1% fraud rate (PR curves, recall at fixed precision, cost)."""

from __future__ import annotations

from collections.abc import Callable

from barraiser.labs import LabResult

_ALL = ("lr", "rf", "gb", "iso")
_SUPERVISED = ("lr", "rf", "gb")


def test_claims_follow_the_measured_numbers_and_outputs_exist(
    run_fast: Callable[[str], LabResult],
) -> None:
    result = run_fast("fraud-detection")
    m = result.metrics

    assert abs(m["fraud_rate"] - 0.01) < 0.001
    assert m["accuracy_never"] == 1 - m["fraud_rate"]

    useless = result.claim("accuracy-useless")
    best_acc = max(m[f"accuracy_{k}"] for k in _SUPERVISED)
    assert m["best_accuracy"] == best_acc
    assert useless.holds == (best_acc - m["accuracy_never"] < 0.01)
    assert useless.holds

    boosting = result.claim("boosting-beats-baseline")
    assert boosting.holds == (m["pr_auc_gb"] > m["pr_auc_lr"])
    assert boosting.holds

    anomaly = result.claim("anomaly-detector")
    assert anomaly.holds == (
        m["pr_auc_iso"] > 10 * m["fraud_rate"]
        and m["pr_auc_iso"] < min(m[f"pr_auc_{k}"] for k in _SUPERVISED)
    )
    assert anomaly.holds

    pr_spread = max(m[f"pr_auc_{k}"] for k in _ALL) - min(m[f"pr_auc_{k}"] for k in _ALL)
    roc_spread = max(m[f"roc_auc_{k}"] for k in _ALL) - min(m[f"roc_auc_{k}"] for k in _ALL)
    assert m["pr_auc_spread"] == pr_spread and m["roc_auc_spread"] == roc_spread
    spread = result.claim("pr-auc-not-roc-auc")
    assert spread.holds == (pr_spread >= 5 * roc_spread)
    assert spread.holds

    best = max(_SUPERVISED, key=lambda k: m[f"pr_auc_{k}"])
    cost = result.claim("cost-threshold")
    assert cost.holds == (m[f"cost_tuned_{best}"] < m[f"cost_default_{best}"])
    assert cost.holds
    # every model and threshold beats never flagging fraud at these costs
    assert all(m[f"cost_tuned_{k}"] < m["cost_never"] for k in _ALL)

    assert result.tables and len(result.tables[0].rows) == 5
    assert [f.file for f in result.figures] == ["fraud_pr_cost.png"]
