#include <algorithm>
#include <cstdio>
#include <vector>

int main() {
    int n;
    if (std::scanf("%d", &n) != 1) return 0;
    std::vector<int> starts(n), ends(n);
    for (int i = 0; i < n; ++i) std::scanf("%d %d", &starts[i], &ends[i]);
    std::sort(starts.begin(), starts.end());
    std::sort(ends.begin(), ends.end());
    int rooms = 0, j = 0;
    for (int s : starts) {
        if (s >= ends[j]) ++j;  // [start, end) is half-open: the room is free again
        else ++rooms;
    }
    std::printf("%d\n", rooms);
    return 0;
}
