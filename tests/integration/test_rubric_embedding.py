"""A rubric embedded for the verifier grader (no flipped phrasings) serves the embedding grader."""

from __future__ import annotations

import numpy as np

from barraiser.content.bank import get_bank
from barraiser.grading.embeddings import get_backend
from barraiser.grading.rubric import from_question


def test_flipped_phrasings_added_later_equal_those_embedded_at_once() -> None:
    encoder = get_backend()
    question = get_bank().question("xgboost-vs-random-forest")
    at_once = from_question(question).embed(encoder)
    later = from_question(question).embed(encoder, flipped=False)
    assert later.flipped_vectors is None
    assert later.phrasing_vectors is not None
    later.embed(encoder)
    assert at_once.flipped_vectors is not None and later.flipped_vectors is not None
    assert at_once.flipped_vectors.shape == later.flipped_vectors.shape
    assert later.flipped_vectors.dtype == np.float32
    assert later.flipped_vectors.any(), "the question should have phrasings that flip"
    assert np.abs(at_once.flipped_vectors - later.flipped_vectors).max() < 1e-5
    assert np.array_equal(at_once.phrasing_vectors, later.phrasing_vectors)
