class Solution {
    public int maxXor(int[] codes) {
        // A binary trie over the 31 bits, stored in arrays: child[b][node], 0 meaning none.
        int capacity = codes.length * 31 + 1;
        int[][] child = new int[2][capacity];
        int nodes = 1;
        int best = 0;
        for (int i = 0; i < codes.length; i++) {
            int x = codes[i];
            if (i > 0) {
                int node = 0, value = 0;
                for (int bit = 30; bit >= 0; bit--) {
                    int b = (x >> bit) & 1;
                    if (child[b ^ 1][node] != 0) {
                        value |= 1 << bit;
                        node = child[b ^ 1][node];
                    } else {
                        node = child[b][node];
                    }
                }
                best = Math.max(best, value);
            }
            int node = 0;
            for (int bit = 30; bit >= 0; bit--) {
                int b = (x >> bit) & 1;
                if (child[b][node] == 0) child[b][node] = nodes++;
                node = child[b][node];
            }
        }
        return best;
    }
}
