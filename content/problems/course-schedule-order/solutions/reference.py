from collections import deque


class Solution:
    def find_order(self, n: int, prerequisites: list[list[int]]) -> list[int]:
        unlocks: list[list[int]] = [[] for _ in range(n)]
        waiting = [0] * n  # prerequisites not yet completed, duplicates counted
        for a, b in prerequisites:
            unlocks[b].append(a)
            waiting[a] += 1
        queue = deque(i for i in range(n) if waiting[i] == 0)
        order = []
        while queue:
            module = queue.popleft()
            order.append(module)
            for nxt in unlocks[module]:
                waiting[nxt] -= 1
                if waiting[nxt] == 0:
                    queue.append(nxt)
        return order if len(order) == n else []
