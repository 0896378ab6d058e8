"""Hidden tests for precision-recall-from-scores: ties, no frauds, no qualifying threshold,
targets met exactly, and maximum-size cases."""

from __future__ import annotations

import random

MAX_N = 100_000


def _case(labels: list[int], scores: list[float], min_precision: float) -> dict:
    return {"args": {"labels": labels, "scores": scores, "min_precision": min_precision}}


def _precisions(labels: list[int], scores: list[float]) -> list[float]:
    """The precision at every distinct score, from the highest score down."""
    order = sorted(range(len(scores)), key=scores.__getitem__, reverse=True)
    out = []
    tp = fp = 0
    for k, i in enumerate(order):
        tp += labels[i]
        fp += 1 - labels[i]
        if k + 1 == len(order) or scores[order[k + 1]] != scores[i]:
            out.append(tp / (tp + fp))
    return out


def _safe_target(
    rng: random.Random, labels: list[int], scores: list[float], low: float, high: float
) -> float:
    """A target no threshold's precision comes within 1e-9 of, so that no rounding decides."""
    reached = _precisions(labels, scores)
    while True:
        target = round(rng.uniform(low, high), 6)
        if all(abs(p - target) > 1e-9 for p in reached):
            return target


def _model(
    rng: random.Random, n: int, prevalence: float, digits: int | None
) -> tuple[list[int], list[float]]:
    """Labels with the given fraud rate and scores that rank frauds higher, with some overlap."""
    labels = [1 if rng.random() < prevalence else 0 for _ in range(n)]
    scores = []
    for label in labels:
        value = min(1.0, max(0.0, rng.gauss(0.65 if label else 0.35, 0.18)))
        scores.append(round(value, digits) if digits is not None else value)
    return labels, scores


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _case([1], [0.42], 1.0),
        _case([0], [0.42], 0.0),
        _case([0], [0.42], 0.5),
        # One tie: the only threshold flags both, precision 1/2.
        _case([1, 0], [0.5, 0.5], 0.9),
        _case([0, 1, 1, 1], [0.3, 0.3, 0.3, 0.3], 0.75),
        # No frauds: precision 0 everywhere; recall is 0.0, not a division by zero.
        _case([0, 0, 0, 0], [0.9, 0.1, 0.5, 0.5], 0.25),
        _case([0, 0, 0], [0.7, 0.2, 0.4], 0.0),
        _case([1, 1, 1], [0.0, 1.0, 0.5], 1.0),
        # Precision exactly at the target (exact in binary).
        _case([1, 0, 0, 1], [0.9, 0.8, 0.7, 0.6], 0.5),
        # Precision falls then rises again: the first miss is not the end.
        _case([1, 0, 0, 1, 1, 1, 0], [0.95, 0.9, 0.85, 0.6, 0.5, 0.4, 0.1], 0.75),
        # The top item is not fraud and the target is perfect precision: nothing qualifies.
        _case([0, 1, 1], [1.0, 0.8, 0.8], 1.0),
        # Ties across a fraud and non-frauds at the bottom, extremes of the score range.
        _case([1, 1, 0, 0, 1], [1.0, 0.0, 0.0, 0.0, 1.0], 0.5),
    ]
    for digits in (1, 1, 2, None):
        labels, scores = _model(rng, rng.randint(5, 30), 0.4, digits)
        tests.append(_case(labels, scores, _safe_target(rng, labels, scores, 0.3, 0.95)))
    labels, scores = _model(rng, 2000, 0.1, 3)
    tests.append(_case(labels, scores, _safe_target(rng, labels, scores, 0.5, 0.9)))
    # Maximum size: distinct scores, heavy ties, no frauds (every threshold misses, so a
    # rescan per threshold does all of its work), one score for everything, rare fraud.
    labels, scores = _model(rng, MAX_N, 0.2, None)
    tests.append(_case(labels, scores, _safe_target(rng, labels, scores, 0.6, 0.9)))
    labels, scores = _model(rng, MAX_N, 0.3, 2)
    tests.append(_case(labels, scores, _safe_target(rng, labels, scores, 0.5, 0.8)))
    tests.append(_case([0] * MAX_N, [rng.random() for _ in range(MAX_N)], 0.5))
    tests.append(_case([rng.randint(0, 1) for _ in range(MAX_N)], [0.5] * MAX_N, 0.25))
    labels, scores = _model(rng, MAX_N, 0.01, None)
    tests.append(_case(labels, scores, _safe_target(rng, labels, scores, 0.2, 0.6)))
    return tests
