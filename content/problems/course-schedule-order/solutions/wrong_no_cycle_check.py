# Depth-first search with a single "visited" mark and no "on the current path" state: it returns
# a reverse post-order even when the prerequisites contain a cycle, instead of [].
class Solution:
    def find_order(self, n: int, prerequisites: list[list[int]]) -> list[int]:
        needs: list[list[int]] = [[] for _ in range(n)]
        for a, b in prerequisites:
            needs[a].append(b)
        visited = [False] * n
        order = []
        for root in range(n):
            if visited[root]:
                continue
            visited[root] = True
            stack = [(root, 0)]
            while stack:
                module, i = stack.pop()
                if i < len(needs[module]):
                    stack.append((module, i + 1))
                    b = needs[module][i]
                    if not visited[b]:
                        visited[b] = True
                        stack.append((b, 0))
                else:
                    order.append(module)  # all prerequisites placed first
        return order
