class Solution {
public:
    int editDistance(string source, string target) {
        if (source.size() < target.size()) swap(source, target);
        const int m = (int)target.size();
        vector<int> prev(m + 1), cur(m + 1);
        for (int j = 0; j <= m; ++j) prev[j] = j;
        for (int i = 1; i <= (int)source.size(); ++i) {
            cur[0] = i;
            for (int j = 1; j <= m; ++j) {
                if (source[i - 1] == target[j - 1]) {
                    cur[j] = prev[j - 1];
                } else {
                    cur[j] = 1 + min({prev[j - 1], prev[j], cur[j - 1]});
                }
            }
            swap(prev, cur);
        }
        return prev[m];
    }
};
