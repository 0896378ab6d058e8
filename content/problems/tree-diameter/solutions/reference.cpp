#include <cstdio>
#include <utility>
#include <vector>

static int n;
static std::vector<std::vector<std::pair<int, int>>> adjacency;

// The station farthest from start and its distance; an explicit stack, since paths can be long.
static std::pair<int, long long> farthest(int start) {
    std::vector<long long> dist(n + 1, -1);
    std::vector<int> stack = {start};
    dist[start] = 0;
    int best = start;
    while (!stack.empty()) {
        int u = stack.back();
        stack.pop_back();
        if (dist[u] > dist[best]) best = u;
        for (auto [v, w] : adjacency[u])
            if (dist[v] < 0) {
                dist[v] = dist[u] + w;
                stack.push_back(v);
            }
    }
    return {best, dist[best]};
}

int main() {
    if (std::scanf("%d", &n) != 1) return 0;
    adjacency.assign(n + 1, {});
    for (int i = 0; i < n - 1; ++i) {
        int u, v, w;
        std::scanf("%d %d %d", &u, &v, &w);
        adjacency[u].push_back({v, w});
        adjacency[v].push_back({u, w});
    }
    int end = farthest(1).first;
    std::printf("%lld\n", farthest(end).second);
    return 0;
}
