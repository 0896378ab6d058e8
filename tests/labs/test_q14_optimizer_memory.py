"""Lab 14: Adam, RMSProp and SGD: convergence, accuracy and measured optimiser memory."""

from __future__ import annotations

from collections.abc import Callable

from barraiser.labs import LabResult


def test_optimizer_memory_claims_follow_the_numbers(
    run_fast: Callable[[str], LabResult],
) -> None:
    result = run_fast("optimizer-memory")
    m = result.metrics
    adam = m["state_bytes_per_param_adam"]
    momentum = m["state_bytes_per_param_momentum"]
    sgd = m["state_bytes_per_param_sgd"]

    efficient = result.claim("adam-memory-efficient")
    assert efficient.holds == (adam < sgd and adam < momentum)
    assert not efficient.holds, "the guide's memory claim must fail"

    copies = result.claim("adam-two-copies")
    assert copies.holds == (abs(adam - 8) < 0.1 and abs(momentum - 4) < 0.1 and sgd == 0)
    assert copies.holds
    assert abs(m["state_bytes_per_param_rmsprop"] - 4) < 0.1

    fast = result.claim("adam-converges-quickly")
    assert fast.holds == (m["epoch1_loss_adam"] < m["epoch1_loss_momentum"])
    assert fast.holds

    default_lr = result.claim("adam-default-lr-works")
    assert default_lr.holds == (
        m["val_accuracy_adam"] - m["val_accuracy_adam_lr_1e-3"] <= m["val_margin"]
    )
    assert default_lr.holds

    assert len(result.tables) == 2 and len(result.tables[1].rows) == 16
    assert [f.file for f in result.figures] == ["optimizers.png"]
