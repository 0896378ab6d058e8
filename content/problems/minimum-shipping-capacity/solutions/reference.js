class Solution {
    minCapacity(weights, days) {
        // The fewest days a ship of this capacity needs, loading greedily in order.
        const daysNeeded = (capacity) => {
            let used = 1, load = 0;
            for (const w of weights) {
                if (load + w > capacity) {
                    used++;
                    load = 0;
                }
                load += w;
            }
            return used;
        };
        let lo = 0, hi = 0;
        for (const w of weights) {
            lo = Math.max(lo, w);
            hi += w;
        }
        // Feasibility is monotonic in the capacity: binary search for the smallest feasible one.
        while (lo < hi) {
            const mid = Math.floor((lo + hi) / 2);
            if (daysNeeded(mid) <= days) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }
}
