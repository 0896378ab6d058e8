#include <cstdio>
#include <functional>
#include <queue>
#include <utility>
#include <vector>

struct Road {
    int to;
    long long t, e;
};

int main() {
    int n, m, k;
    if (std::scanf("%d %d %d", &n, &m, &k) != 3) return 0;
    std::vector<std::vector<Road>> adjacency(n + 1);
    for (int i = 0; i < m; ++i) {
        int u, v;
        long long t, e;
        std::scanf("%d %d %lld %lld", &u, &v, &t, &e);
        adjacency[u].push_back({v, t, e});
        adjacency[v].push_back({u, t, e});
    }
    // State (hub v, passes used j) is v * layers + j.
    const int layers = k + 1;
    const long long inf = (1LL << 62);
    std::vector<long long> dist(static_cast<size_t>(n + 1) * layers, inf);
    using Entry = std::pair<long long, int>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> heap;
    dist[layers] = 0;
    heap.push({0, layers});
    long long best = -1;
    while (!heap.empty()) {
        auto [d, state] = heap.top();
        heap.pop();
        if (d > dist[state]) continue;
        const int u = state / layers, j = state % layers;
        if (u == n) {
            best = d;  // the first state of hub n popped is the closest one
            break;
        }
        for (const Road& road : adjacency[u]) {
            const int target = road.to * layers + j;
            if (d + road.t < dist[target]) {
                dist[target] = d + road.t;
                heap.push({dist[target], target});
            }
            if (j < k && d + road.e < dist[target + 1]) {
                dist[target + 1] = d + road.e;
                heap.push({dist[target + 1], target + 1});
            }
        }
    }
    std::printf("%lld\n", best);
    return 0;
}
