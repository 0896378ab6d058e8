# Finds the candidate start but never checks that the total fuel covers the whole loop, so it
# returns a station (or even len(gas)) when the answer is -1.
class Solution:
    def can_complete_circuit(self, gas: list[int], cost: list[int]) -> int:
        tank = 0
        start = 0
        for i in range(len(gas)):
            tank += gas[i] - cost[i]
            if tank < 0:
                start = i + 1
                tank = 0
        return start
