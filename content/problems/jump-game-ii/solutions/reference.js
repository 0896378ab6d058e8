class Solution {
    minJumps(ranges) {
        const last = ranges.length - 1;
        let hops = 0, end = 0, farthest = 0;
        // end: the last station within `hops` hops; farthest: the reach of one hop more.
        for (let i = 0; i < last && end < last; i++) {
            farthest = Math.max(farthest, i + ranges[i]);
            if (i === end) {
                hops++;
                end = farthest;
            }
        }
        return hops;
    }
}
