#include <bits/stdc++.h>
using namespace std;

// Binary lifting; depths and ancestors filled in BFS order (no recursion).
int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    const int LOG = 17;  // 2^17 > 10^5
    vector<array<int, LOG>> up(n + 1);
    vector<int> parent(n + 1), depth(n + 1, 0), head(n + 1, 0), nxt(n + 1, 0);
    int root = 0;
    for (int v = 1; v <= n; ++v) {
        scanf("%d", &parent[v]);
        if (parent[v] == 0) {
            root = v;
        } else {
            nxt[v] = head[parent[v]];
            head[parent[v]] = v;
        }
    }
    vector<int> order;
    order.reserve(n);
    order.push_back(root);
    for (size_t i = 0; i < order.size(); ++i) {
        int v = order[i];
        for (int c = head[v]; c; c = nxt[c]) {
            depth[c] = depth[v] + 1;
            order.push_back(c);
        }
    }
    for (int v : order) {
        up[v][0] = parent[v] ? parent[v] : v;
        for (int k = 1; k < LOG; ++k) up[v][k] = up[up[v][k - 1]][k - 1];
    }
    int q;
    scanf("%d", &q);
    string out;
    out.reserve((size_t)q * 7);
    char buf[16];
    while (q--) {
        int a, b;
        scanf("%d %d", &a, &b);
        if (depth[a] < depth[b]) swap(a, b);
        int diff = depth[a] - depth[b];
        for (int k = 0; diff; ++k, diff >>= 1) {
            if (diff & 1) a = up[a][k];
        }
        if (a != b) {
            for (int k = LOG - 1; k >= 0; --k) {
                if (up[a][k] != up[b][k]) {
                    a = up[a][k];
                    b = up[b][k];
                }
            }
            a = up[a][0];
        }
        int len = snprintf(buf, sizeof buf, "%d\n", a);
        out.append(buf, len);
    }
    fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
