class Solution:
    def reverse_blocks(
        self, values: list[int], next_node: list[int], head: int, k: int
    ) -> list[int]:
        nxt = next_node  # relinked in place
        new_head = head
        prev_tail = -1  # the last node of the block before this one, once reversed
        block = head
        while True:
            # Is there a full block of k nodes from here? `after` ends on the next block's start.
            after, count = block, 0
            while after != -1 and count < k:
                after = nxt[after]
                count += 1
            if count < k:
                break  # a short last block keeps its order and is already linked
            # Reverse the block's links; its first node ends up pointing to `after`.
            prev, node = after, block
            for _ in range(k):
                following = nxt[node]
                nxt[node] = prev
                prev, node = node, following
            if prev_tail == -1:
                new_head = prev
            else:
                nxt[prev_tail] = prev
            prev_tail = block
            block = after
        order = []
        node = new_head
        while node != -1:
            order.append(values[node])
            node = nxt[node]
        return order
