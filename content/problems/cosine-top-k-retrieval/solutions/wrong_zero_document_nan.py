# Divides by the document's length without a guard: a zero document gets 0 / 0 = nan, which
# numpy's sort puts after every number, instead of similarity 0.
import numpy as np


class Solution:
    def cosine_top_k(
        self, queries: list[list[float]], documents: list[list[float]], k: int
    ) -> list[list[int]]:
        qs = np.asarray(queries, dtype=np.float64)
        ds = np.asarray(documents, dtype=np.float64)
        d_len = np.sqrt((ds * ds).sum(axis=1))
        q_len = np.sqrt((qs * qs).sum(axis=1))
        with np.errstate(all="ignore"):
            sims = qs @ ds.T / d_len[None, :] / q_len[:, None]
        return [np.argsort(-row, kind="stable")[:k].tolist() for row in sims]
