// expect: TLE
// limits: time=1 memory=128
#include <thread>
#include <vector>
int main() {
    std::vector<std::thread> all;
    for (;;) {
        try {
            all.emplace_back([] { for (volatile long i = 0;; ++i) {} });
        } catch (...) {
        }
    }
}
