"""Hidden tests for cosine-top-k-retrieval: k = 1 and k = n, one document, zero documents,
duplicated documents and documents that are twice another (exact ties in any implementation),
long documents that win on the raw dot product, and maximum sizes (200 queries x 10000
documents x 64 dimensions).  Random tests are kept only if every comparison that decides the
answer is either an exact tie of that robust kind or far from one (10^-9)."""

from __future__ import annotations

import random

import numpy as np

LIMIT = 100
GAP = 1e-9


def _case(queries: list[list[float]], documents: list[list[float]], k: int) -> dict:
    return {"args": {"queries": queries, "documents": documents, "k": k}}


def _robust_tie(a: np.ndarray, b: np.ndarray) -> bool:
    """Equal vectors, both zero, or one a power-of-two multiple of the other: every sensible
    formula then computes bit-identical similarities."""
    if not a.any() or not b.any():
        return not a.any() and not b.any()
    for big, small in ((a, b), (b, a)):
        ratio = 1
        while ratio <= 2 * LIMIT:
            if np.array_equal(big, small * ratio):
                return True
            ratio *= 2
    return False


def _clear(queries: list[list[float]], documents: list[list[float]], k: int) -> bool:
    qs = np.asarray(queries, dtype=np.int64)
    ds = np.asarray(documents, dtype=np.int64)
    dots = qs @ ds.T  # exact integers
    dn = np.sqrt((ds * ds).sum(axis=1).astype(np.float64))
    qn = np.sqrt((qs * qs).sum(axis=1).astype(np.float64))
    safe = np.where(dn > 0, dn, 1.0)
    sims = dots / safe[None, :] / qn[:, None]
    for row in range(len(qs)):
        order = np.argsort(-sims[row], kind="stable")
        for j in range(min(k, len(ds) - 1)):
            a, b = order[j], order[j + 1]
            if abs(sims[row, a] - sims[row, b]) <= GAP and not _robust_tie(ds[a], ds[b]):
                return False
    return True


def _random(
    rng: random.Random,
    q: int,
    n: int,
    d: int,
    k: int,
    span: int = LIMIT,
    copies: int = 0,
    zeros: int = 0,
) -> dict:
    while True:
        docs = [[rng.randint(-span, span) for _ in range(d)] for _ in range(n)]
        for _ in range(copies):
            src, dst = rng.randrange(n), rng.randrange(n)
            factor = rng.choice([1, 2]) if max(abs(v) for v in docs[src]) <= LIMIT // 2 else 1
            docs[dst] = [v * factor for v in docs[src]]
        for _ in range(zeros):
            docs[rng.randrange(n)] = [0] * d
        queries = []
        for _ in range(q):
            # Half the queries point near an existing document, as real queries often do.
            if rng.random() < 0.5:
                base = rng.choice(docs)
                query = [max(-LIMIT, min(LIMIT, v + rng.randint(-3, 3))) for v in base]
            else:
                query = [rng.randint(-span, span) for _ in range(d)]
            if not any(query):
                query[0] = 1
            queries.append(query)
        if _clear(queries, docs, k):
            return _case(
                [[float(v) for v in r] for r in queries], [[float(v) for v in r] for r in docs], k
            )


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _case([[5.0]], [[-2.0]], 1),
        _case([[0.0, -1.0], [3.0, 3.0]], [[0.0, 0.0]], 1),
        # Length does not matter: the short document in the query's direction wins.
        _case([[1.0, 0.0]], [[100.0, 99.0], [1.0, 0.0], [100.0, -100.0]], 3),
        # Duplicates and doubles tie; the smaller index first.
        _case(
            [[2.0, -1.0, 3.0]],
            [[4.0, 2.0, 0.0], [2.0, 1.0, 0.0], [4.0, 2.0, 0.0], [1.0, 1.0, 1.0]],
            4,
        ),
        # Zero documents (similarity 0) between positive and negative similarities.
        _case(
            [[1.0, 1.0], [-1.0, -1.0]],
            [[0.0, 0.0], [1.0, 0.0], [-1.0, 0.0], [0.0, 0.0], [0.0, 4.0], [-2.0, -2.0]],
            6,
        ),
        _case([[100.0] * 64], [[-100.0] * 64, [100.0] * 64, [50.0] * 64, [1.0] * 64], 4),
    ]
    tests.append(_random(rng, 3, 10, 2, 10, 5, copies=3, zeros=2))
    tests.append(_random(rng, 10, 50, 3, 5, 10, copies=10, zeros=3))
    tests.append(_random(rng, 20, 300, 8, 20, copies=50, zeros=5))
    tests.append(_random(rng, 50, 2000, 16, 1, copies=200))
    tests.append(_random(rng, 5, 1000, 8, 1000, zeros=10))
    # Maximum sizes.
    tests.append(_random(rng, 200, 10000, 64, 10, copies=500, zeros=20))
    tests.append(_random(rng, 200, 10000, 64, 50, copies=2000))
    tests.append(_random(rng, 200, 10000, 64, 1))
    tests.append(_random(rng, 1, 10000, 64, 10000, copies=100, zeros=50))
    tests.append(_random(rng, 200, 10000, 16, 25, copies=3000, zeros=100))
    return tests
