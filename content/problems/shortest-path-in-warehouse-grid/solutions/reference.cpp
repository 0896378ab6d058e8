#include <deque>
#include <string>
#include <utility>
#include <vector>

class Solution {
public:
    int shortestPath(std::vector<std::string>& grid, int k) {
        int rows = grid.size(), cols = grid[0].size();
        int sr = 0, sc = 0, er = 0, ec = 0;
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < cols; ++c) {
                if (grid[r][c] == 'S') sr = r, sc = c;
                if (grid[r][c] == 'E') er = r, ec = c;
            }
        int distance = std::abs(sr - er) + std::abs(sc - ec);
        if (k >= distance - 1) return distance;
        // bestLeft: most pallet moves left any arrival at the cell has had so far.
        std::vector<std::vector<int>> bestLeft(rows, std::vector<int>(cols, -1));
        bestLeft[sr][sc] = k;
        std::deque<std::pair<int, int>> queue;  // (cell index, moves left)
        queue.push_back({sr * cols + sc, k});
        const int dr[] = {1, -1, 0, 0}, dc[] = {0, 0, 1, -1};
        for (int steps = 1; !queue.empty(); ++steps) {
            for (size_t n = queue.size(); n > 0; --n) {
                auto [cell, left] = queue.front();
                queue.pop_front();
                int r = cell / cols, c = cell % cols;
                for (int d = 0; d < 4; ++d) {
                    int nr = r + dr[d], nc = c + dc[d];
                    if (nr < 0 || nr >= rows || nc < 0 || nc >= cols) continue;
                    if (nr == er && nc == ec) return steps;
                    int nextLeft = left - (grid[nr][nc] == '#');
                    if (nextLeft > bestLeft[nr][nc]) {
                        bestLeft[nr][nc] = nextLeft;
                        queue.push_back({nr * cols + nc, nextLeft});
                    }
                }
            }
        }
        return -1;
    }
};
