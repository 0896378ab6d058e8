import java.util.PriorityQueue;

class Solution {
    public int[] assignWorkers(int[] power, int[] arrivals, int[] durations) {
        int m = power.length, n = arrivals.length;
        // Free workers by (power, index); busy workers by (finish time, power, index).
        PriorityQueue<Integer> free = new PriorityQueue<>(m,
            (a, b) -> power[a] != power[b] ? Integer.compare(power[a], power[b]) : Integer.compare(a, b));
        long[] finish = new long[m];
        PriorityQueue<Integer> busy = new PriorityQueue<>(m, (a, b) -> {
            if (finish[a] != finish[b]) return Long.compare(finish[a], finish[b]);
            if (power[a] != power[b]) return Integer.compare(power[a], power[b]);
            return Integer.compare(a, b);
        });
        for (int i = 0; i < m; i++) free.add(i);
        int[] result = new int[n];
        long t = 0;
        for (int j = 0; j < n; j++) {
            t = Math.max(t, arrivals[j]);  // no earlier than its arrival nor the job before it
            if (free.isEmpty() && finish[busy.peek()] > t) t = finish[busy.peek()];
            while (!busy.isEmpty() && finish[busy.peek()] <= t) free.add(busy.poll());
            int i = free.poll();
            finish[i] = t + durations[j];  // i is in neither heap while its key changes
            busy.add(i);
            result[j] = i;
        }
        return result;
    }
}
