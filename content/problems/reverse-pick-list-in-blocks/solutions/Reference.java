class Solution {
    public int[] reverseBlocks(int[] values, int[] next_node, int head, int k) {
        int[] nxt = next_node;  // relinked in place
        int newHead = head, prevTail = -1, block = head;
        while (true) {
            // Is there a full block of k nodes from here? `after` ends on the next block's start.
            int after = block, count = 0;
            while (after != -1 && count < k) {
                after = nxt[after];
                count++;
            }
            if (count < k) break;  // a short last block keeps its order
            int prev = after, node = block;
            for (int i = 0; i < k; i++) {
                int following = nxt[node];
                nxt[node] = prev;
                prev = node;
                node = following;
            }
            if (prevTail == -1) newHead = prev;
            else nxt[prevTail] = prev;
            prevTail = block;
            block = after;
        }
        int[] order = new int[values.length];
        int size = 0;
        for (int node = newHead; node != -1; node = nxt[node]) order[size++] = values[node];
        return java.util.Arrays.copyOf(order, size);
    }
}
