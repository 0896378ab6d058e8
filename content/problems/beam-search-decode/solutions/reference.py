import numpy as np


class Solution:
    def beam_search(
        self, start: list[float], transition: list[list[float]], steps: int, beam_width: int
    ) -> list[int]:
        log_start = np.log(np.asarray(start, dtype=np.float64))
        log_t = np.log(np.asarray(transition, dtype=np.float64))
        v = len(start)
        # The beam: sequences (tuples of tokens) and their scores, sums of log-probabilities.
        seqs: list[tuple[int, ...]] = [()]
        scores = np.zeros(1)
        for step in range(steps):
            rows = log_start[None, :] if step == 0 else log_t[[s[-1] for s in seqs]]
            cand = (scores[:, None] + rows).ravel()
            # Lexicographic rank of each kept sequence; candidate (i, t) sorts as (rank[i], t).
            rank = np.empty(len(seqs), dtype=np.int64)
            rank[sorted(range(len(seqs)), key=seqs.__getitem__)] = np.arange(len(seqs))
            parent = np.repeat(np.arange(len(seqs)), v)
            token = np.tile(np.arange(v), len(seqs))
            # lexsort: the last key is the primary one.
            order = np.lexsort((token, rank[parent], -cand))[:beam_width]
            seqs = [seqs[parent[j]] + (int(token[j]),) for j in order]
            scores = cand[order]
        return list(seqs[0])
