# Never drops a branch: a route is always extended into the better child, even when that child's
# chain only loses score.
class Solution:
    def best_route(self, values: list[int], left: list[int], right: list[int]) -> int:
        order = [0]
        for gate in order:
            if left[gate] >= 0:
                order.append(left[gate])
            if right[gate] >= 0:
                order.append(right[gate])
        down = [0] * len(values)
        best = values[0]
        for gate in reversed(order):
            branches = [down[c] for c in (left[gate], right[gate]) if c >= 0]
            best = max(best, values[gate] + sum(branches))
            down[gate] = values[gate] + (max(branches) if branches else 0)
        return best
