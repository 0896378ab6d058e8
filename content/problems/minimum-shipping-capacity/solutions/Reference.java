class Solution {
    public int minCapacity(int[] weights, int days) {
        long lo = 0, hi = 0;
        for (int w : weights) {
            lo = Math.max(lo, w);
            hi += w;
        }
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            if (daysNeeded(weights, mid) <= days) hi = mid;
            else lo = mid + 1;
        }
        return (int) lo;
    }

    private static int daysNeeded(int[] weights, long capacity) {
        int used = 1;
        long load = 0;
        for (int w : weights) {
            if (load + w > capacity) {
                used++;
                load = 0;
            }
            load += w;
        }
        return used;
    }
}
