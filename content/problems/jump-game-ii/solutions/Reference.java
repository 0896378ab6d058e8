class Solution {
    public int minJumps(int[] ranges) {
        int n = ranges.length;
        int hops = 0;
        int end = 0, farthest = 0;  // last station of the current level, farthest reach
        for (int i = 0; i < n - 1; i++) {
            farthest = Math.max(farthest, i + ranges[i]);
            if (i == end) {
                hops++;
                end = farthest;
                if (end >= n - 1) break;
            }
        }
        return hops;
    }
}
