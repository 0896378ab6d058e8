class Solution {
public:
    bool wordBreak(string s, vector<string>& words) {
        // Trie of the words; from every reachable position walk forward and mark word ends.
        vector<array<int, 26>> next(1);
        vector<char> terminal(1, 0);
        next[0].fill(-1);
        for (const string& w : words) {
            int node = 0;
            for (char ch : w) {
                int c = ch - 'a';
                if (next[node][c] < 0) {
                    next[node][c] = (int)next.size();
                    next.emplace_back();
                    next.back().fill(-1);
                    terminal.push_back(0);
                }
                node = next[node][c];
            }
            terminal[node] = 1;
        }
        const int n = (int)s.size();
        vector<char> ok(n + 1, 0);
        ok[0] = 1;
        for (int i = 0; i < n; ++i) {
            if (!ok[i]) continue;
            int node = 0;
            for (int j = i; j < n; ++j) {
                node = next[node][s[j] - 'a'];
                if (node < 0) break;
                if (terminal[node]) ok[j + 1] = 1;
            }
        }
        return ok[n];
    }
};
