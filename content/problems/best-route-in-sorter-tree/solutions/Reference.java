class Solution {
    public long bestRoute(int[] values, int[] left, int[] right) {
        int n = values.length;
        // Breadth-first order from the root; read backwards, every gate follows its children.
        int[] order = new int[n];
        int size = 0;
        order[size++] = 0;
        for (int k = 0; k < size; k++) {
            int gate = order[k];
            if (left[gate] >= 0) order[size++] = left[gate];
            if (right[gate] >= 0) order[size++] = right[gate];
        }
        long[] down = new long[n];  // best route starting at a gate and only going down
        long best = values[0];
        for (int k = n - 1; k >= 0; k--) {
            int gate = order[k];
            long a = left[gate] >= 0 ? Math.max(0, down[left[gate]]) : 0;
            long b = right[gate] >= 0 ? Math.max(0, down[right[gate]]) : 0;
            best = Math.max(best, values[gate] + a + b);
            down[gate] = values[gate] + Math.max(a, b);
        }
        return best;
    }
}
