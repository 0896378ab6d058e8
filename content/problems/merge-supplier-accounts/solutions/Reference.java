import java.util.*;

class Solution {
    private int[] parent, size;

    private int find(int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]]; // path halving
            x = parent[x];
        }
        return x;
    }

    public int countSuppliers(String[][] accounts) {
        int n = accounts.length;
        parent = new int[n];
        size = new int[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            size[i] = 1;
            total += accounts[i].length;
        }
        Map<String, Integer> owner = new HashMap<>(total * 2); // identifier -> first account
        int suppliers = n;
        for (int i = 0; i < n; i++) {
            for (String id : accounts[i]) {
                Integer first = owner.putIfAbsent(id, i);
                if (first == null || first == i) continue;
                int a = find(i), b = find(first);
                if (a == b) continue;
                if (size[a] < size[b]) {
                    int t = a;
                    a = b;
                    b = t;
                }
                parent[b] = a;
                size[a] += size[b];
                suppliers--;
            }
        }
        return suppliers;
    }
}
