// expect: TLE
// limits: time=0.5 memory=256
// problem: two-sum
// The work runs on another thread, so the calling thread's CPU clock stays near 0, while the
// first test uses twice its limit: the host counts every thread of the box, so it is TLE.
import java.util.HashMap;

class Solution {
    static int calls = 0;

    public int[] twoSum(int[] prices, int target) {
        if (++calls == 1) {
            Thread worker = new Thread(() -> {
                java.lang.management.ThreadMXBean mx =
                    java.lang.management.ManagementFactory.getThreadMXBean();
                long end = mx.getCurrentThreadCpuTime() + 1_000_000_000L;
                long sink = 0;
                while (mx.getCurrentThreadCpuTime() < end) sink++;
                if (sink == 42) System.out.println(sink);
            });
            worker.start();
            try {
                worker.join();
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        }
        HashMap<Integer, Integer> seen = new HashMap<>();
        for (int j = 0; j < prices.length; j++) {
            Integer i = seen.get(target - prices[j]);
            if (i != null) return new int[] {i, j};
            seen.put(prices[j], j);
        }
        return new int[0];
    }
}
