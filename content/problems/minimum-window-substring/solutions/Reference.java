class Solution {
    public String minWindow(String s, String t) {
        int[] need = new int[128];
        for (int i = 0; i < t.length(); i++) need[t.charAt(i)]++;
        int missing = t.length();
        int n = s.length();
        int bestLen = n + 1, bestStart = 0, left = 0;
        for (int right = 0; right < n; right++) {
            if (need[s.charAt(right)]-- > 0) missing--;
            if (missing == 0) {
                while (need[s.charAt(left)] < 0) need[s.charAt(left++)]++;
                if (right - left + 1 < bestLen) {
                    bestLen = right - left + 1;
                    bestStart = left;
                }
                need[s.charAt(left++)]++;
                missing++;
            }
        }
        return bestLen > n ? "" : s.substring(bestStart, bestStart + bestLen);
    }
}
