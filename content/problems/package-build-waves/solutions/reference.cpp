#include <cstdio>
#include <vector>

int main() {
    int n, m;
    if (std::scanf("%d %d", &n, &m) != 2) return 0;
    std::vector<int> from(m), to(m), start(n + 2, 0), waiting(n + 1, 0);
    for (int i = 0; i < m; ++i) {
        std::scanf("%d %d", &to[i], &from[i]);  // "a b": a needs b, so the arrow is b -> a
        ++start[from[i] + 1];
        ++waiting[to[i]];
    }
    for (int v = 1; v <= n; ++v) start[v + 1] += start[v];
    std::vector<int> fill(start.begin(), start.end()), unlocks(m);
    for (int i = 0; i < m; ++i) unlocks[fill[from[i]]++] = to[i];

    std::vector<int> wave, following;
    for (int v = 1; v <= n; ++v)
        if (waiting[v] == 0) wave.push_back(v);
    int waves = 0, built = 0;
    while (!wave.empty()) {
        ++waves;
        built += (int)wave.size();
        following.clear();
        for (int u : wave)
            for (int e = start[u]; e < start[u + 1]; ++e)
                if (--waiting[unlocks[e]] == 0) following.push_back(unlocks[e]);
        wave.swap(following);
    }
    std::printf("%d\n", built == n ? waves : -1);
    return 0;
}
