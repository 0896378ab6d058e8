import java.util.*;

class Solution {
    public int[][] threeSum(int[] nums) {
        int[] a = nums.clone();
        Arrays.sort(a);
        int n = a.length;
        List<int[]> found = new ArrayList<>();
        for (int i = 0; i + 2 < n; i++) {
            if (a[i] > 0) break;
            if (i > 0 && a[i] == a[i - 1]) continue;
            int j = i + 1, k = n - 1;
            while (j < k) {
                int s = a[i] + a[j] + a[k];
                if (s < 0) {
                    j++;
                } else if (s > 0) {
                    k--;
                } else {
                    found.add(new int[] {a[i], a[j], a[k]});
                    int b = a[j], c = a[k];
                    while (j < k && a[j] == b) j++;
                    while (j < k && a[k] == c) k--;
                }
            }
        }
        return found.toArray(new int[0][]);
    }
}
