import java.util.HashMap;
import java.util.Map;

class Solution {
    public int[] twoSum(int[] prices, int target) {
        Map<Long, Integer> seen = new HashMap<>(prices.length * 2);
        for (int j = 0; j < prices.length; j++) {
            Integer i = seen.get((long) target - prices[j]);
            if (i != null) return new int[] {i, j};
            seen.putIfAbsent((long) prices[j], j);
        }
        return new int[0];
    }
}
