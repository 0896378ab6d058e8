# Correct but O(n * k): reverses each block by swapping values, finding both nodes of every swap
# by walking from the block's first node. With k = 50,000 that is over 10^9 steps.
class Solution:
    def reverse_blocks(
        self, values: list[int], next_node: list[int], head: int, k: int
    ) -> list[int]:
        vals = list(values)

        def walk(node: int, steps: int) -> int:
            for _ in range(steps):
                if node == -1:
                    return -1
                node = next_node[node]
            return node

        block = head
        while True:
            last = walk(block, k - 1)
            if last == -1:
                break
            for i in range(k // 2):
                a, b = walk(block, i), walk(block, k - 1 - i)
                vals[a], vals[b] = vals[b], vals[a]
            block = next_node[last]
        order = []
        node = head
        while node != -1:
            order.append(vals[node])
            node = next_node[node]
        return order
