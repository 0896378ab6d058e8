import java.util.HashMap;

class Solution {
    public int shortestStretch(int[] products, int k) {
        int n = products.length;
        HashMap<Integer, Integer> count = new HashMap<>(2 * n);
        int distinct = 0, best = n + 1, left = 0;
        for (int right = 0; right < n; right++) {
            if (count.merge(products[right], 1, Integer::sum) == 1) distinct++;
            while (distinct >= k) {
                best = Math.min(best, right - left + 1);
                if (count.merge(products[left], -1, Integer::sum) == 0) distinct--;
                left++;
            }
        }
        return best <= n ? best : -1;
    }
}
