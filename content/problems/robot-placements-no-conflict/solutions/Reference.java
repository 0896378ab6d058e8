class Solution {
    private int n, full;
    private int[] free;

    private int place(int row, int cols, int down, int up) {
        if (row == n) return 1;
        int total = 0;
        int usable = free[row] & ~(cols | down | up);
        while (usable != 0) {
            int bit = usable & -usable;
            usable ^= bit;
            total += place(row + 1, cols | bit, ((down | bit) << 1) & full, (up | bit) >> 1);
        }
        return total;
    }

    public int countPlacements(String[] floor) {
        n = floor.length;
        full = (1 << n) - 1;
        free = new int[n];
        for (int r = 0; r < n; r++)
            for (int c = 0; c < n; c++)
                if (floor[r].charAt(c) == '.') free[r] |= 1 << c;
        return place(0, 0, 0, 0);
    }
}
