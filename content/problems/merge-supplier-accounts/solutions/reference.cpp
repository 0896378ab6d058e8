class Solution {
    vector<int> parent, size_;

    int find(int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];  // path halving
            x = parent[x];
        }
        return x;
    }

public:
    int countSuppliers(const vector<vector<string>>& accounts) {
        int n = (int)accounts.size();
        parent.resize(n);
        size_.assign(n, 1);
        for (int i = 0; i < n; ++i) parent[i] = i;
        size_t total = 0;
        for (const auto& ids : accounts) total += ids.size();
        unordered_map<string, int> owner;  // identifier -> first account that listed it
        owner.reserve(total * 2);
        int suppliers = n;
        for (int i = 0; i < n; ++i) {
            for (const string& id : accounts[i]) {
                auto [it, inserted] = owner.emplace(id, i);
                if (inserted || it->second == i) continue;
                int a = find(i), b = find(it->second);
                if (a == b) continue;
                if (size_[a] < size_[b]) swap(a, b);
                parent[b] = a;
                size_[a] += size_[b];
                --suppliers;
            }
        }
        return suppliers;
    }
};
