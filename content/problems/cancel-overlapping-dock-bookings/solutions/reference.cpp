class Solution {
public:
    int minCancellations(vector<vector<int>>& bookings) {
        vector<pair<int, int>> byEnd;
        byEnd.reserve(bookings.size());
        for (const auto& b : bookings) byEnd.push_back({b[1], b[0]});
        sort(byEnd.begin(), byEnd.end());
        int cancelled = 0;
        long long lastEnd = -1;
        for (const auto& [end, start] : byEnd) {
            if (start >= lastEnd) {
                lastEnd = end;
            } else {
                ++cancelled;
            }
        }
        return cancelled;
    }
};
