class Solution {
    int n_ = 0, full_ = 0;
    vector<int> free_;

    int place(int row, int cols, int down, int up) {
        if (row == n_) return 1;
        int total = 0;
        int usable = free_[row] & ~(cols | down | up);
        while (usable) {
            int bit = usable & -usable;
            usable ^= bit;
            total += place(row + 1, cols | bit, ((down | bit) << 1) & full_, (up | bit) >> 1);
        }
        return total;
    }

public:
    int countPlacements(vector<string> floor) {
        n_ = floor.size();
        full_ = (1 << n_) - 1;
        free_.assign(n_, 0);
        for (int r = 0; r < n_; ++r)
            for (int c = 0; c < n_; ++c)
                if (floor[r][c] == '.') free_[r] |= 1 << c;
        return place(0, 0, 0, 0);
    }
};
