# Reverses an ascending sort: among equal similarities, the LARGER index comes first.
import numpy as np


class Solution:
    def cosine_top_k(
        self, queries: list[list[float]], documents: list[list[float]], k: int
    ) -> list[list[int]]:
        qs = np.asarray(queries, dtype=np.float64)
        ds = np.asarray(documents, dtype=np.float64)
        d_len = np.sqrt((ds * ds).sum(axis=1))
        q_len = np.sqrt((qs * qs).sum(axis=1))
        sims = qs @ ds.T / np.where(d_len > 0, d_len, 1.0)[None, :] / q_len[:, None]
        return [np.argsort(row, kind="stable")[::-1][:k].tolist() for row in sims]
