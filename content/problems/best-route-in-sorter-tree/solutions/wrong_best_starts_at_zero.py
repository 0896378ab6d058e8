# Starts the best score at 0, as if the empty route were allowed: when every gate is negative it
# answers 0 instead of the largest (negative) value.
class Solution:
    def best_route(self, values: list[int], left: list[int], right: list[int]) -> int:
        order = [0]
        for gate in order:
            if left[gate] >= 0:
                order.append(left[gate])
            if right[gate] >= 0:
                order.append(right[gate])
        down = [0] * len(values)
        best = 0
        for gate in reversed(order):
            a = max(0, down[left[gate]]) if left[gate] >= 0 else 0
            b = max(0, down[right[gate]]) if right[gate] >= 0 else 0
            best = max(best, values[gate] + a + b)
            down[gate] = values[gate] + max(a, b)
        return best
