class Solution {
public:
    int scannedOnce(vector<int>& scans) {
        // Per bit, the count of ones modulo 3: 1 in `ones`, 2 in `twos`.
        unsigned ones = 0, twos = 0;
        for (int value : scans) {
            unsigned x = (unsigned)value;
            ones = (ones ^ x) & ~twos;
            twos = (twos ^ x) & ~ones;
        }
        return (int)ones;
    }
};
