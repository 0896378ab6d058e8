class Solution {
public:
    long long bestRoute(vector<int>& values, vector<int>& left, vector<int>& right) {
        int n = values.size();
        // Breadth-first order from the root; read backwards, every gate follows its children.
        vector<int> order;
        order.reserve(n);
        order.push_back(0);
        for (size_t k = 0; k < order.size(); ++k) {
            int gate = order[k];
            if (left[gate] >= 0) order.push_back(left[gate]);
            if (right[gate] >= 0) order.push_back(right[gate]);
        }
        vector<long long> down(n, 0);  // best route starting at a gate and only going down
        long long best = values[0];
        for (int k = n - 1; k >= 0; --k) {
            int gate = order[k];
            long long a = left[gate] >= 0 ? max(0LL, down[left[gate]]) : 0;
            long long b = right[gate] >= 0 ? max(0LL, down[right[gate]]) : 0;
            best = max(best, values[gate] + a + b);
            down[gate] = values[gate] + max(a, b);
        }
        return best;
    }
};
