class Solution {
    public int scannedOnce(int[] scans) {
        // Per bit, the count of ones modulo 3: 1 in `ones`, 2 in `twos`.
        int ones = 0, twos = 0;
        for (int x : scans) {
            ones = (ones ^ x) & ~twos;
            twos = (twos ^ x) & ~ones;
        }
        return ones;
    }
}
