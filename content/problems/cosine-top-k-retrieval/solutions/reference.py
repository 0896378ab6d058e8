import numpy as np


class Solution:
    def cosine_top_k(
        self, queries: list[list[float]], documents: list[list[float]], k: int
    ) -> list[list[int]]:
        qs = np.asarray(queries, dtype=np.float64)
        ds = np.asarray(documents, dtype=np.float64)
        # Dot products of integer vectors are exact integers, in any summation order; the
        # division comes after, the same formula for every document, so equal documents tie.
        dots = qs @ ds.T
        d_len = np.sqrt((ds * ds).sum(axis=1))
        q_len = np.sqrt((qs * qs).sum(axis=1))
        # A zero document has similarity 0, not 0 / 0.
        sims = dots / np.where(d_len > 0, d_len, 1.0)[None, :] / q_len[:, None]
        # A stable sort of the negated similarities keeps ties in index order.
        return [np.argsort(-row, kind="stable")[:k].tolist() for row in sims]
