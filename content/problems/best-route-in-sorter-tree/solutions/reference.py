class Solution:
    def best_route(self, values: list[int], left: list[int], right: list[int]) -> int:
        # Breadth-first order from the root; read backwards, every gate comes after its children.
        order = [0]
        for gate in order:  # the list grows while we walk it
            if left[gate] >= 0:
                order.append(left[gate])
            if right[gate] >= 0:
                order.append(right[gate])
        down = [0] * len(values)  # best score of a route that starts at a gate and only goes down
        best = values[0]
        for gate in reversed(order):
            a = down[left[gate]] if left[gate] >= 0 else 0
            b = down[right[gate]] if right[gate] >= 0 else 0
            a = a if a > 0 else 0
            b = b if b > 0 else 0
            if values[gate] + a + b > best:
                best = values[gate] + a + b
            down[gate] = values[gate] + (a if a > b else b)
        return best
