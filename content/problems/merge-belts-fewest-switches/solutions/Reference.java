class Solution {
    public int fewestSwitches(String a, String b, String s) {
        int n = a.length(), m = b.length();
        if (n + m != s.length()) return -1;
        int inf = n + m + 1;  // more swings than any merge needs
        // Row i, for j = 0..m: the fewest swings that produce s[:i + j] from a[:i] and b[:j]
        // with the last parcel from belt A (lastA) or belt B (lastB). Both are 0 before the
        // first parcel, so the first parcel costs no swing.
        int[] lastA = new int[m + 1], lastB = new int[m + 1], rowA = new int[m + 1], rowB = new int[m + 1];
        java.util.Arrays.fill(lastA, inf);
        java.util.Arrays.fill(lastB, inf);
        lastA[0] = lastB[0] = 0;
        for (int j = 1; j <= m; j++)  // row 0: parcels from belt B only
            if (b.charAt(j - 1) == s.charAt(j - 1)) lastB[j] = Math.min(lastB[j - 1], lastA[j - 1] + 1);
        for (int i = 1; i <= n; i++) {
            char ai = a.charAt(i - 1);
            for (int j = 0; j <= m; j++) {
                char c = s.charAt(i + j - 1);
                rowA[j] = ai == c ? Math.min(lastA[j], lastB[j] + 1) : inf;
                rowB[j] = j > 0 && b.charAt(j - 1) == c ? Math.min(rowB[j - 1], rowA[j - 1] + 1) : inf;
            }
            int[] t = lastA; lastA = rowA; rowA = t;
            t = lastB; lastB = rowB; rowB = t;
        }
        int best = Math.min(lastA[m], lastB[m]);
        return best < inf ? best : -1;
    }
}
