class Solution {
    public int[] findOrder(int n, int[][] prerequisites) {
        int m = prerequisites.length;
        // Adjacency in compressed form: the modules unlocked by b are next[start[b] .. start[b+1]).
        int[] start = new int[n + 1];
        int[] waiting = new int[n];
        for (int[] p : prerequisites) {
            start[p[1] + 1]++;
            waiting[p[0]]++;
        }
        for (int i = 0; i < n; i++) start[i + 1] += start[i];
        int[] fill = start.clone();
        int[] next = new int[m];
        for (int[] p : prerequisites) next[fill[p[1]]++] = p[0];
        int[] order = new int[n];
        int size = 0;
        for (int i = 0; i < n; i++) if (waiting[i] == 0) order[size++] = i;
        for (int head = 0; head < size; head++) {
            int module = order[head];
            for (int e = start[module]; e < start[module + 1]; e++)
                if (--waiting[next[e]] == 0) order[size++] = next[e];
        }
        return size == n ? order : new int[0];
    }
}
