#include <queue>
#include <tuple>
#include <vector>

class Solution {
public:
    vector<int> assignWorkers(vector<int>& power, vector<int>& arrivals, vector<int>& durations) {
        using Free = pair<int, int>;                    // (power, index)
        using Busy = tuple<long long, int, int>;        // (finish time, power, index)
        vector<Free> start;
        start.reserve(power.size());
        for (int i = 0; i < (int)power.size(); ++i) start.push_back({power[i], i});
        priority_queue<Free, vector<Free>, greater<Free>> freeWorkers(greater<Free>(), move(start));
        priority_queue<Busy, vector<Busy>, greater<Busy>> busy;
        vector<int> result;
        result.reserve(arrivals.size());
        long long t = 0;
        for (size_t j = 0; j < arrivals.size(); ++j) {
            t = max(t, (long long)arrivals[j]);  // no earlier than its arrival nor the job before
            if (freeWorkers.empty() && get<0>(busy.top()) > t) t = get<0>(busy.top());
            while (!busy.empty() && get<0>(busy.top()) <= t) {
                auto [finish, p, i] = busy.top();
                busy.pop();
                freeWorkers.push({p, i});
            }
            auto [p, i] = freeWorkers.top();
            freeWorkers.pop();
            busy.push({t + durations[j], p, i});
            result.push_back(i);
        }
        return result;
    }
};
