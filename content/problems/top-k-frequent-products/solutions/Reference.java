import java.util.*;

class Solution {
    public String[] topKProducts(String[] views, int k) {
        Map<String, Integer> counts = new HashMap<>();
        for (String v : views) counts.merge(v, 1, Integer::sum);
        List<Map.Entry<String, Integer>> items = new ArrayList<>(counts.entrySet());
        items.sort((a, b) -> {
            int byCount = Integer.compare(b.getValue(), a.getValue());
            return byCount != 0 ? byCount : a.getKey().compareTo(b.getKey());
        });
        String[] out = new String[k];
        for (int i = 0; i < k; i++) out[i] = items.get(i).getKey();
        return out;
    }
}
