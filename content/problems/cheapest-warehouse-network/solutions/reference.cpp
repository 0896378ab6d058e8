#include <algorithm>
#include <cstdio>
#include <numeric>
#include <vector>

static std::vector<int> parent, rank_;

static int find(int x) {
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];  // path halving
        x = parent[x];
    }
    return x;
}

int main() {
    int n, m;
    if (std::scanf("%d %d", &n, &m) != 2) return 0;
    std::vector<int> u(m), v(m), c(m), order(m);
    for (int i = 0; i < m; ++i) std::scanf("%d %d %d", &u[i], &v[i], &c[i]);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return c[a] < c[b]; });
    parent.resize(n + 1);
    std::iota(parent.begin(), parent.end(), 0);
    rank_.assign(n + 1, 0);
    long long total = 0;
    int links = 0;
    for (int i : order) {
        if (links == n - 1) break;
        int a = find(u[i]), b = find(v[i]);
        if (a == b) continue;
        if (rank_[a] < rank_[b]) std::swap(a, b);
        parent[b] = a;
        if (rank_[a] == rank_[b]) ++rank_[a];
        total += c[i];
        ++links;
    }
    std::printf("%lld\n", links == n - 1 ? total : -1LL);
    return 0;
}
