"""Lab 9: sigmoid, tanh and ReLU gradients per layer and accuracy on Fashion-MNIST."""

from __future__ import annotations

from collections.abc import Callable

from barraiser.labs import LabResult


def test_activation_gradients_claims_follow_the_numbers(
    run_fast: Callable[[str], LabResult],
) -> None:
    result = run_fast("activation-gradients")
    m = result.metrics

    sig = result.claim("sigmoid-gradient-vanishes")
    assert sig.holds == (m["ratio_init_sigmoid"] < 0.01)
    assert sig.holds

    relu = result.claim("relu-gradient-passes")
    assert relu.holds == (
        0.1 <= m["ratio_init_relu"] <= 10 and 0.1 <= m["ratio_init_depth40_relu"] <= 10
    )
    assert relu.holds

    tanh = result.claim("tanh-gradient-vanishes")
    assert tanh.holds == (m["ratio_init_tanh"] < 0.01 or m["ratio_init_depth40_tanh"] < 0.01)
    assert not tanh.holds, "the guide's tanh claim should fail with a matched init"

    stall = result.claim("relu-trains-sigmoid-stalls")
    assert stall.holds == (m["test_accuracy_relu"] - m["test_accuracy_sigmoid"] > 0.1)
    assert stall.holds

    slower = result.claim("tanh-trains-more-slowly")
    assert slower.holds == (
        m["test_accuracy_relu"] - m["test_accuracy_tanh"] > m["accuracy_margin"]
    )
    assert not slower.holds

    assert len(result.tables) == 2 and result.tables[0].rows
    assert [f.file for f in result.figures] == ["activation_gradients.png"]
