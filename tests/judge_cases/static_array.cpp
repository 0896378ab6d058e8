// expect: MLE
// limits: time=2 memory=64
#include <cstdio>
static char big[512 << 20];
int main() {
    for (unsigned i = 0; i < sizeof big; i += 4096) big[i] = 1;
    std::printf("%d\n", big[12345]);
}
