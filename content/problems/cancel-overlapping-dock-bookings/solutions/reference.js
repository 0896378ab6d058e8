class Solution {
    minCancellations(bookings) {
        const n = bookings.length;
        // Sort keys end * 2^17 + index (below 2^47, exact in a double): a typed-array sort
        // orders them by end time without a comparator; ties in end time may go either way.
        const keys = new Float64Array(n);
        for (let i = 0; i < n; i++) keys[i] = bookings[i][1] * 131072 + i;
        keys.sort();
        let cancelled = 0, lastEnd = -1;
        for (let k = 0; k < n; k++) {
            const booking = bookings[keys[k] % 131072];
            if (booking[0] >= lastEnd) {
                lastEnd = booking[1];
            } else {
                cancelled++;
            }
        }
        return cancelled;
    }
}
