# Correct but O(n * (n + m)): every round scans all waiting modules for ones that are ready.
class Solution:
    def find_order(self, n: int, prerequisites: list[list[int]]) -> list[int]:
        needs: list[list[int]] = [[] for _ in range(n)]
        for a, b in prerequisites:
            needs[a].append(b)
        done = [False] * n
        order: list[int] = []
        waiting = list(range(n))
        while waiting:
            ready = [m for m in waiting if all(done[b] for b in needs[m])]
            if not ready:
                return []
            for m in ready:
                done[m] = True
            order += ready
            waiting = [m for m in waiting if not done[m]]
        return order
