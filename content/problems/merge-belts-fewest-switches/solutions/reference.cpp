class Solution {
public:
    int fewestSwitches(string a, string b, string s) {
        const int n = a.size(), m = b.size();
        if (n + m != (int)s.size()) return -1;
        const int inf = n + m + 1;  // more swings than any merge needs
        // Row i, for j = 0..m: the fewest swings that produce s[:i + j] from a[:i] and b[:j]
        // with the last parcel from belt A (lastA) or belt B (lastB). Both are 0 before the
        // first parcel, so the first parcel costs no swing.
        vector<int> lastA(m + 1, inf), lastB(m + 1, inf), rowA(m + 1), rowB(m + 1);
        lastA[0] = lastB[0] = 0;
        for (int j = 1; j <= m; ++j)  // row 0: parcels from belt B only
            if (b[j - 1] == s[j - 1]) lastB[j] = min(lastB[j - 1], lastA[j - 1] + 1);
        for (int i = 1; i <= n; ++i) {
            for (int j = 0; j <= m; ++j) {
                const char c = s[i + j - 1];
                rowA[j] = a[i - 1] == c ? min(lastA[j], lastB[j] + 1) : inf;
                rowB[j] = j > 0 && b[j - 1] == c ? min(rowB[j - 1], rowA[j - 1] + 1) : inf;
            }
            swap(lastA, rowA);
            swap(lastB, rowB);
        }
        const int best = min(lastA[m], lastB[m]);
        return best < inf ? best : -1;
    }
};
