"""Lab 6: search recall with BM25 unchanged; claims recomputed from the measured metrics."""

from __future__ import annotations

from collections.abc import Callable

from barraiser.labs import LabResult


def test_search_recall_lab_claims_follow_the_numbers(run_fast: Callable[[str], LabResult]) -> None:
    result = run_fast("search-recall-bm25")
    m = result.metrics
    assert m["queries"] >= 30

    enrich = m["recall_tags_at_10"] > m["recall_title_at_10"] and (
        m["recall_tags_at_50"] > m["recall_title_at_50"]
    )
    assert result.claim("enrichment_raises_recall").holds == enrich
    assert enrich

    expand = m["recall_expanded_at_10"] > m["recall_tags_at_10"]
    assert result.claim("expansion_raises_recall").holds == expand
    assert expand

    loosen = m["recall_expanded_at_50"] > m["recall_expanded_all_at_50"]
    assert result.claim("loosen_matching").holds == loosen
    assert loosen

    cutoff = (
        m["recall_expanded_at_100"] > m["recall_expanded_at_10"]
        and m["precision_expanded_at_100"] < m["precision_expanded_at_10"]
    )
    assert result.claim("cutoff_trades_precision").holds == cutoff
    assert cutoff

    # The guide's "recall" is precision: equal to it on the same run, and it falls as k grows.
    assert abs(m["guide_ratio_at_10"] - m["precision_expanded_at_10"]) < 1e-9
    assert abs(m["guide_ratio_at_100"] - m["precision_expanded_at_100"]) < 1e-9
    guide = abs(m["guide_ratio_at_10"] - m["recall_expanded_at_10"]) < 0.005 and (
        abs(m["guide_ratio_at_100"] - m["recall_expanded_at_100"]) < 0.005
    )
    assert result.claim("guide_recall_definition").holds == guide
    assert not guide
    assert "(guide)" in result.claim("guide_recall_definition").text

    assert {t.title.split(" ")[0] for t in result.tables} >= {"Recall", "Cut-off", "Examples"}
    assert result.figures
