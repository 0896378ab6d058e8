#include <string>

class Solution {
public:
    std::string minWindow(std::string s, std::string t) {
        int need[128] = {0};
        for (char c : t) need[(unsigned char)c]++;
        int missing = (int)t.size();
        int n = (int)s.size();
        int bestLen = n + 1, bestStart = 0, left = 0;
        for (int right = 0; right < n; ++right) {
            if (need[(unsigned char)s[right]]-- > 0) missing--;
            if (missing == 0) {
                while (need[(unsigned char)s[left]] < 0) need[(unsigned char)s[left++]]++;
                if (right - left + 1 < bestLen) {
                    bestLen = right - left + 1;
                    bestStart = left;
                }
                need[(unsigned char)s[left++]]++;
                missing++;
            }
        }
        return bestLen > n ? std::string() : s.substr(bestStart, bestLen);
    }
};
