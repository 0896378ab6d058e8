class Solution {
public:
    vector<vector<string>> groupAnagrams(const vector<string>& words) {
        unordered_map<string, int> index;
        vector<vector<string>> groups;
        for (const string& word : words) {
            string key = word;
            sort(key.begin(), key.end());
            auto [it, inserted] = index.emplace(key, (int)groups.size());
            if (inserted) groups.emplace_back();
            groups[it->second].push_back(word);
        }
        return groups;
    }
};
