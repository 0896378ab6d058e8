class Solution:
    def can_complete_circuit(self, gas: list[int], cost: list[int]) -> int:
        total = 0
        tank = 0
        start = 0
        for i, (g, c) in enumerate(zip(gas, cost)):
            total += g - c
            tank += g - c
            if tank < 0:
                # No station in start..i can be the start: begin again after i.
                start = i + 1
                tank = 0
        return start if total >= 0 else -1
