// expect: TLE
// limits: time=0.5 memory=256
// problem: two-sum
// The process's CPU clock is replaced (clock_gettime returns 0), SIGPROF is ignored and the
// profiling timer disarmed, then the first test uses twice its limit: the host measures the
// box's CPU between the tests' boundaries, so it is still TLE.
#include <signal.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <time.h>

#include <unordered_map>
#include <vector>

extern "C" int clock_gettime(clockid_t, struct timespec* t) noexcept {
    t->tv_sec = 0;
    t->tv_nsec = 0;
    return 0;
}

static double used_cpu_s() {
    rusage r{};
    getrusage(RUSAGE_SELF, &r);
    return r.ru_utime.tv_sec + r.ru_stime.tv_sec + (r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e6;
}

static int calls = 0;

class Solution {
public:
    std::vector<int> twoSum(std::vector<int>& prices, int target) {
        if (++calls == 1) {
            signal(SIGPROF, SIG_IGN);
            itimerval off{};
            setitimer(ITIMER_PROF, &off, nullptr);
            volatile unsigned long sink = 0;
            double end = used_cpu_s() + 1.0;
            while (used_cpu_s() < end) sink = sink + 1;
        }
        std::unordered_map<long long, int> seen;
        for (int j = 0; j < (int)prices.size(); ++j) {
            auto it = seen.find((long long)target - prices[j]);
            if (it != seen.end()) return {it->second, j};
            seen.emplace(prices[j], j);
        }
        return {};
    }
};
