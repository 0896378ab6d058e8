import java.util.*;

class Solution {
    public String[][] groupAnagrams(String[] words) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String word : words) {
            char[] letters = word.toCharArray();
            Arrays.sort(letters);
            groups.computeIfAbsent(new String(letters), k -> new ArrayList<>()).add(word);
        }
        String[][] out = new String[groups.size()][];
        int i = 0;
        for (List<String> group : groups.values()) out[i++] = group.toArray(new String[0]);
        return out;
    }
}
