import java.util.ArrayDeque;
import java.util.Arrays;

class Solution {
    public int shortestPath(String[] grid, int k) {
        int rows = grid.length, cols = grid[0].length();
        int sr = 0, sc = 0, er = 0, ec = 0;
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) {
                char ch = grid[r].charAt(c);
                if (ch == 'S') { sr = r; sc = c; }
                if (ch == 'E') { er = r; ec = c; }
            }
        int distance = Math.abs(sr - er) + Math.abs(sc - ec);
        if (k >= distance - 1) return distance;
        // bestLeft: most pallet moves left any arrival at the cell has had so far.
        int[][] bestLeft = new int[rows][cols];
        for (int[] row : bestLeft) Arrays.fill(row, -1);
        bestLeft[sr][sc] = k;
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        queue.add(new int[] {sr, sc, k});
        int[] dr = {1, -1, 0, 0}, dc = {0, 0, 1, -1};
        for (int steps = 1; !queue.isEmpty(); steps++) {
            for (int n = queue.size(); n > 0; n--) {
                int[] state = queue.poll();
                for (int d = 0; d < 4; d++) {
                    int nr = state[0] + dr[d], nc = state[1] + dc[d];
                    if (nr < 0 || nr >= rows || nc < 0 || nc >= cols) continue;
                    if (nr == er && nc == ec) return steps;
                    int nextLeft = state[2] - (grid[nr].charAt(nc) == '#' ? 1 : 0);
                    if (nextLeft > bestLeft[nr][nc]) {
                        bestLeft[nr][nc] = nextLeft;
                        queue.add(new int[] {nr, nc, nextLeft});
                    }
                }
            }
        }
        return -1;
    }
}
