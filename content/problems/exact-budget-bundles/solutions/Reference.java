import java.util.*;

class Solution {
    private int[] sorted;
    private final List<Integer> chosen = new ArrayList<>();
    private final List<int[]> found = new ArrayList<>();

    private void search(int start, int left) {
        if (left == 0) {
            int[] bundle = new int[chosen.size()];
            for (int k = 0; k < bundle.length; k++) bundle[k] = chosen.get(k);
            found.add(bundle);
            return;
        }
        for (int i = start; i < sorted.length; i++) {
            if (sorted[i] > left) break;
            if (i > start && sorted[i] == sorted[i - 1]) continue;
            chosen.add(sorted[i]);
            search(i + 1, left - sorted[i]);
            chosen.remove(chosen.size() - 1);
        }
    }

    public int[][] exactBundles(int[] prices, int budget) {
        sorted = prices.clone();
        Arrays.sort(sorted);
        chosen.clear();
        found.clear();
        search(0, budget);
        return found.toArray(new int[0][]);
    }
}
