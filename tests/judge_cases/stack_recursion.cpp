// expect: MLE
// limits: time=2 memory=64
#include <cstdio>
int deep(int n) {
    volatile char pad[1024];
    pad[0] = (char)n;
    return deep(n + 1) + pad[0];
}
int main() { std::printf("%d\n", deep(0)); }
