// The two-heap simulation with the clock and finishing times in 32-bit ints: past 2^31 - 1
// seconds they wrap around to negative values and busy workers look free.
#include <queue>
#include <tuple>
#include <vector>

class Solution {
public:
    vector<int> assignWorkers(vector<int>& power, vector<int>& arrivals, vector<int>& durations) {
        using Free = pair<int, int>;
        using Busy = tuple<int, int, int>;
        priority_queue<Free, vector<Free>, greater<Free>> freeWorkers;
        for (int i = 0; i < (int)power.size(); ++i) freeWorkers.push({power[i], i});
        priority_queue<Busy, vector<Busy>, greater<Busy>> busy;
        vector<int> result;
        int t = 0;
        for (size_t j = 0; j < arrivals.size(); ++j) {
            t = max(t, arrivals[j]);
            if (freeWorkers.empty() && get<0>(busy.top()) > t) t = get<0>(busy.top());
            while (!busy.empty() && get<0>(busy.top()) <= t) {
                auto [finish, p, i] = busy.top();
                busy.pop();
                freeWorkers.push({p, i});
            }
            auto [p, i] = freeWorkers.top();
            freeWorkers.pop();
            // t + durations[j] in int, wrapping as it does on common hardware (written with
            // unsigned arithmetic so that the wrap is defined behaviour).
            busy.push({(int)((unsigned)t + (unsigned)durations[j]), p, i});
            result.push_back(i);
        }
        return result;
    }
};
