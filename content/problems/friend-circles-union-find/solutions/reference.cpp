#include <cstdio>
#include <utility>
#include <vector>

static std::vector<int> parent, sz;

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
    parent.resize(n + 1);
    sz.assign(n + 1, 1);
    for (int i = 0; i <= n; ++i) parent[i] = i;
    int circles = n, largest = 1;
    for (int i = 0; i < m; ++i) {
        int a, b;
        std::scanf("%d %d", &a, &b);
        a = find(a), b = find(b);
        if (a == b) continue;
        if (sz[a] < sz[b]) std::swap(a, b);
        parent[b] = a;
        sz[a] += sz[b];
        --circles;
        if (sz[a] > largest) largest = sz[a];
    }
    std::printf("%d %d\n", circles, largest);
    return 0;
}
