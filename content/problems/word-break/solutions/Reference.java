import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

class Solution {
    public boolean wordBreak(String s, String[] words) {
        Set<String> vocab = new HashSet<>();
        TreeSet<Integer> lengthSet = new TreeSet<>();
        for (String w : words) {
            vocab.add(w);
            lengthSet.add(w.length());
        }
        int n = s.length();
        boolean[] ok = new boolean[n + 1];
        ok[0] = true;
        for (int i = 1; i <= n; i++) {
            for (int length : lengthSet) {
                if (length > i) break;
                if (ok[i - length] && vocab.contains(s.substring(i - length, i))) {
                    ok[i] = true;
                    break;
                }
            }
        }
        return ok[n];
    }
}
