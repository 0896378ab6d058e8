class Solution:
    def can_complete_circuit(self, gas: list[int], cost: list[int]) -> int:
        total = 0
        tank = 0
        start = 0
        for i in range(len(gas)):
            total += gas[i] - cost[i]
            tank += gas[i] - cost[i]
            if tank < 0:
                # No station in start..i can be the start: begin again after i.
                start = i + 1
                tank = 0
        return start if total >= 0 else -1
