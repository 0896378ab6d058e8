"""Lab 13: Inception modules against a plain convolution stack of the same size."""

from __future__ import annotations

from collections.abc import Callable

from barraiser.labs import LabResult


def test_inception_block_claims_follow_the_numbers(
    run_fast: Callable[[str], LabResult],
) -> None:
    result = run_fast("inception-block")
    m = result.metrics

    # Parameters are counted exactly: 5x5x192x32 weights + 32 biases, and the bottleneck pair.
    assert m["example_direct_params"] == 5 * 5 * 192 * 32 + 32
    assert m["example_bottleneck_params"] == (192 * 16 + 16) + (5 * 5 * 16 * 32 + 32)
    assert m["example_direct_macs"] == 28 * 28 * 32 * 5 * 5 * 192
    assert m["example_reduce_macs"] == 28 * 28 * 16 * 192
    assert m["example_after_macs"] == 28 * 28 * 32 * 5 * 5 * 16

    arithmetic = result.claim("bottleneck-arithmetic")
    ratio = m["example_direct_macs"] / (m["example_reduce_macs"] + m["example_after_macs"])
    assert arithmetic.holds == (
        abs(m["example_direct_macs"] / 120e6 - 1) < 0.05
        and abs(m["example_reduce_macs"] / 2.4e6 - 1) < 0.05
        and abs(m["example_after_macs"] / 10e6 - 1) < 0.05
        and ratio >= 9
    )
    assert arithmetic.holds

    naive = result.claim("naive-module-expensive")
    assert naive.holds == (m["macs_naive"] / m["macs_inception"] >= 2)
    assert naive.holds

    # The plain stack is sized to the Inception network's parameter count (within 2%).
    assert abs(m["params_plain"] / m["params_inception"] - 1) < 0.02

    accurate = result.claim("inception-more-accurate")
    gap = m["test_accuracy_inception"] - m["test_accuracy_plain"]
    assert accurate.holds == (gap > m["accuracy_margin"])
    assert not accurate.holds

    efficient = result.claim("branches-run-less-efficiently")
    assert efficient.holds == (m["mmacs_per_s_inception"] / m["mmacs_per_s_plain"] < 0.8)
    assert efficient.holds

    assert len(result.tables) == 2
    assert [f.file for f in result.figures] == ["inception_vs_plain.png"]
