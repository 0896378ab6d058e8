class Solution {
    private static int length(int[] next, int station) {
        int count = 0;
        for (; station != -1; station = next[station]) count++;
        return count;
    }

    public int firstShared(int[] next_station, int start_a, int start_b) {
        int a = start_a, b = start_b;
        int lenA = length(next_station, a), lenB = length(next_station, b);
        // Skip the longer route's extra stations, then walk both in step.
        for (int i = lenB; i < lenA; i++) a = next_station[a];
        for (int i = lenA; i < lenB; i++) b = next_station[b];
        while (a != b) {
            a = next_station[a];
            b = next_station[b];
        }
        return a;
    }
}
