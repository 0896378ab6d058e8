# Correct but O(n^2) on deep trees: for every gate, walks its whole subtree again to find the best
# downward chains on each side.
class Solution:
    def best_route(self, values: list[int], left: list[int], right: list[int]) -> int:
        def best_chain(top: int) -> int:
            """The best route that starts at top and only goes down (iterative, no memo)."""
            if top < 0:
                return 0
            best = values[top]
            stack = [(top, values[top])]
            while stack:
                gate, total = stack.pop()
                if total > best:
                    best = total
                for child in (left[gate], right[gate]):
                    if child >= 0:
                        stack.append((child, total + values[child]))
            return best

        answer = values[0]
        for gate in range(len(values)):
            a = max(0, best_chain(left[gate]))
            b = max(0, best_chain(right[gate]))
            answer = max(answer, values[gate] + a + b)
        return answer
