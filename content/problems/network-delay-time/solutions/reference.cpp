#include <cstdio>
#include <functional>
#include <queue>
#include <utility>
#include <vector>

int main() {
    int n, m, source;
    if (std::scanf("%d %d %d", &n, &m, &source) != 3) return 0;
    std::vector<std::vector<std::pair<int, int>>> links(n + 1);
    for (int i = 0; i < m; ++i) {
        int u, v, w;
        std::scanf("%d %d %d", &u, &v, &w);
        links[u].push_back({v, w});
    }
    const long long INF = -1;  // -1 marks "not reached yet"
    std::vector<long long> dist(n + 1, INF);
    using Entry = std::pair<long long, int>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> heap;
    dist[source] = 0;
    heap.push({0, source});
    while (!heap.empty()) {
        auto [d, u] = heap.top();
        heap.pop();
        if (d > dist[u]) continue;  // stale entry
        for (auto [v, w] : links[u]) {
            long long nd = d + w;
            if (dist[v] == INF || nd < dist[v]) {
                dist[v] = nd;
                heap.push({nd, v});
            }
        }
    }
    long long latest = 0;
    for (int i = 1; i <= n; ++i) {
        if (dist[i] == INF) {
            std::printf("-1\n");
            return 0;
        }
        if (dist[i] > latest) latest = dist[i];
    }
    std::printf("%lld\n", latest);
    return 0;
}
