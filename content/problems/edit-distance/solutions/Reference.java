class Solution {
    public int editDistance(String source, String target) {
        if (source.length() < target.length()) {
            String t = source;
            source = target;
            target = t;
        }
        int m = target.length();
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) prev[j] = j;
        for (int i = 1; i <= source.length(); i++) {
            char a = source.charAt(i - 1);
            cur[0] = i;
            for (int j = 1; j <= m; j++) {
                if (a == target.charAt(j - 1)) {
                    cur[j] = prev[j - 1];
                } else {
                    cur[j] = 1 + Math.min(prev[j - 1], Math.min(prev[j], cur[j - 1]));
                }
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }
}
