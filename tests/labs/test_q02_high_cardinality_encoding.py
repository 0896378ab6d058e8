"""Lab 2: encodings of a categorical feature with thousands of values (MovieLens movie IDs)."""

from __future__ import annotations

from collections.abc import Callable

from barraiser.labs import LabResult


def test_claims_follow_the_measured_numbers_and_outputs_exist(
    run_fast: Callable[[str], LabResult],
) -> None:
    result = run_fast("high-cardinality-encoding")
    m = result.metrics
    assert m["movies_in_train"] > 1000

    leak = result.claim("naive-target-encoding-leaks")
    assert m["gap_te_naive"] == m["train_auc_te_naive"] - m["val_auc_te_naive"]
    assert leak.holds == (
        m["gap_te_naive"] > 3 * m["gap_te_oof"] and m["val_auc_te_naive"] < m["val_auc_te_oof"]
    )
    assert leak.holds

    smooth = result.claim("smoothing-helps")
    assert smooth.holds == (m["val_auc_te_oof"] > m["val_auc_te_oof_raw"])
    assert smooth.holds

    one_hot = result.claim("sparse-one-hot-workable")
    ratio = m["movie_bytes_onehot"] / m["dense_onehot_bytes"]
    assert one_hot.holds == (ratio < 0.01 and m["val_auc_onehot"] - m["val_auc_none"] >= 0.02)
    assert one_hot.holds

    frequency = result.claim("frequency-collides")
    assert frequency.holds == (
        m["gap_frequency"] <= m["gap_none"] + 0.01
        and m["distinct_frequency_values"] < 0.1 * m["movies_in_train"]
    )
    assert frequency.holds

    hashing = result.claim("hashing-collisions")
    assert hashing.holds == (
        m["share_movies_sharing_a_bucket"] > 0 and m["val_auc_hashing"] < m["val_auc_onehot"]
    )
    assert hashing.holds

    embedding = result.claim("embeddings-group-similar")
    assert embedding.holds == (
        m["cosine_same_genre"] > m["cosine_no_shared_genre"]
        and m["genre_similarity_p_value"] < 0.05
    )
    # At fast size only ~290 movies have 20+ training ratings and the genre signal is not
    # significant (p ~0.15); at full size (~1,000 movies) it holds with p 0.005. The verdict is
    # therefore not asserted here, only that it follows the numbers.
    assert m["cosine_same_genre"] > m["cosine_no_shared_genre"]

    table = result.tables[0]
    assert len(table.rows) == 8
    assert [f.file for f in result.figures] == ["encodings.png"]
