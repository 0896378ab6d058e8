class Solution {
public:
    int firstShared(vector<int>& next_station, int start_a, int start_b) {
        auto length = [&](int station) {
            int count = 0;
            for (; station != -1; station = next_station[station]) ++count;
            return count;
        };
        int a = start_a, b = start_b;
        int len_a = length(a), len_b = length(b);
        // Skip the longer route's extra stations, then walk both in step.
        for (int i = len_b; i < len_a; ++i) a = next_station[a];
        for (int i = len_a; i < len_b; ++i) b = next_station[b];
        while (a != b) {
            a = next_station[a];
            b = next_station[b];
        }
        return a;
    }
};
