class Solution {
public:
    int maxXor(vector<int>& codes) {
        // A binary trie over the 31 bits: for each code, walk down preferring the opposite bit.
        vector<array<int, 2>> trie(1, {0, 0});
        trie.reserve(codes.size() * 31 + 1);
        auto insert = [&](int x) {
            int node = 0;
            for (int bit = 30; bit >= 0; --bit) {
                int b = (x >> bit) & 1;
                if (!trie[node][b]) {
                    trie[node][b] = trie.size();
                    trie.push_back({0, 0});
                }
                node = trie[node][b];
            }
        };
        insert(codes[0]);
        int best = 0;
        for (size_t i = 1; i < codes.size(); ++i) {
            int x = codes[i], node = 0, value = 0;
            for (int bit = 30; bit >= 0; --bit) {
                int b = (x >> bit) & 1;
                if (trie[node][b ^ 1]) {
                    value |= 1 << bit;
                    node = trie[node][b ^ 1];
                } else {
                    node = trie[node][b];
                }
            }
            best = max(best, value);
            insert(x);
        }
        return best;
    }
};
