"""Lab 12: correlated features under impurity and permutation importance."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from barraiser.labs import LabResult


def test_correlated_twins_share_mdi_and_hide_from_permutation(
    run_fast: Callable[[str], LabResult],
) -> None:
    result = run_fast("correlated-features-importance")
    m = result.metrics
    pair = m["mdi_top_b"] + m["mdi_copy_b"]
    assert m["mdi_pair_b"] == pytest.approx(pair)

    split = result.claim("mdi-split")
    assert split.holds == (min(m["mdi_top_b"], m["mdi_copy_b"]) > 0.3 * pair)
    assert split.holds

    total = result.claim("mdi-sum-unchanged")
    assert total.holds == (
        abs(pair - m["mdi_top_a"]) <= 0.25 * m["mdi_top_a"]
        and max(m["mdi_top_b"], m["mdi_copy_b"]) <= 0.75 * m["mdi_top_a"]
    )
    assert not total.holds

    hidden = result.claim("permutation-both-low")
    assert hidden.holds == (max(m["perm_top_b"], m["perm_copy_b"]) < 0.5 * m["perm_cluster_b"])
    assert hidden.holds

    remedy = result.claim("one-per-cluster")
    assert m["n_kept"] == m["n_clusters"] < 30
    assert remedy.holds == (
        m["cv_accuracy_one_per_cluster"] >= m["cv_accuracy_all"] - 0.02
        and m["perm_top_one_per_cluster"] > 2 * max(m["perm_top_a"], 0.001)
    )
    assert remedy.holds

    builtin = result.claim("rf-uses-permutation")
    assert builtin.text.startswith("(guide)")
    assert builtin.holds == (m["rank_corr_mdi_perm"] >= 0.9 and m["same_top_feature"] == 1.0)
    assert not builtin.holds

    both_high = result.claim("both-score-high")
    assert both_high.text.startswith("(guide)")
    assert both_high.holds == (max(m["perm_rank_top_b"], m["perm_rank_copy_b"]) <= 5)
    assert not both_high.holds

    assert len(result.tables) == 2 and all(t.rows for t in result.tables)
    assert [f.file for f in result.figures] == ["importance.png"]
