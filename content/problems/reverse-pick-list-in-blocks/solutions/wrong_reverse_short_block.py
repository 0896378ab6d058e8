# Reverses the last block too, even when it has fewer than k items: [1, 2, 3, 4, 5] with k = 3
# gives [3, 2, 1, 5, 4] instead of [3, 2, 1, 4, 5].
class Solution:
    def reverse_blocks(
        self, values: list[int], next_node: list[int], head: int, k: int
    ) -> list[int]:
        order = []
        node = head
        while node != -1:
            order.append(values[node])
            node = next_node[node]
        result: list[int] = []
        for start in range(0, len(order), k):
            result.extend(reversed(order[start : start + k]))
        return result
