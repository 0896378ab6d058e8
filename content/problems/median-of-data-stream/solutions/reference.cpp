#include <cstdio>
#include <functional>
#include <queue>
#include <vector>

int main() {
    int q;
    if (std::scanf("%d", &q) != 1) return 0;
    std::priority_queue<long long> low;  // smaller half; size is high's size or one more
    std::priority_queue<long long, std::vector<long long>, std::greater<long long>> high;
    char op[8];
    for (int i = 0; i < q; ++i) {
        std::scanf("%7s", op);
        if (op[0] == 'a') {
            long long x;
            std::scanf("%lld", &x);
            low.push(x);
            high.push(low.top());
            low.pop();
            if (high.size() > low.size()) {
                low.push(high.top());
                high.pop();
            }
        } else if (low.size() > high.size()) {
            std::printf("%lld.0\n", low.top());
        } else {
            std::printf("%.1f\n", (low.top() + high.top()) / 2.0);  // 64-bit sum, exact in a double
        }
    }
    return 0;
}
