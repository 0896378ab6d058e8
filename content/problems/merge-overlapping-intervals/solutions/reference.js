class Solution {
    mergeIntervals(intervals) {
        const sorted = intervals.slice().sort((x, y) => x[0] - y[0]);
        const merged = [];
        for (const [start, end] of sorted) {
            const last = merged[merged.length - 1];
            if (last !== undefined && start <= last[1]) {
                if (end > last[1]) last[1] = end; // overlaps or touches: extend the last one
            } else {
                merged.push([start, end]);
            }
        }
        return merged;
    }
}
