import java.util.Arrays;

class Solution {
    public int minCancellations(int[][] bookings) {
        int n = bookings.length;
        // Pack (end, start) into one long so a primitive sort orders by end time.
        long[] byEnd = new long[n];
        for (int i = 0; i < n; i++) {
            byEnd[i] = ((long) bookings[i][1] << 32) | bookings[i][0];
        }
        Arrays.sort(byEnd);
        int cancelled = 0;
        long lastEnd = -1;
        for (long packed : byEnd) {
            long end = packed >>> 32, start = packed & 0xffffffffL;
            if (start >= lastEnd) {
                lastEnd = end;
            } else {
                cancelled++;
            }
        }
        return cancelled;
    }
}
