class Solution {
public:
    vector<string> topKProducts(const vector<string>& views, int k) {
        unordered_map<string, int> counts;
        counts.reserve(views.size() * 2);
        for (const string& v : views) ++counts[v];
        vector<pair<int, string>> items;
        items.reserve(counts.size());
        for (auto& [id, c] : counts) items.emplace_back(-c, id);
        partial_sort(items.begin(), items.begin() + k, items.end());
        vector<string> out;
        out.reserve(k);
        for (int i = 0; i < k; ++i) out.push_back(items[i].second);
        return out;
    }
};
