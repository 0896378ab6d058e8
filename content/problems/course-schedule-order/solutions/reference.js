class Solution {
    findOrder(n, prerequisites) {
        const unlocks = Array.from({ length: n }, () => []);
        const waiting = new Int32Array(n); // prerequisites not yet completed, duplicates counted
        for (const [a, b] of prerequisites) {
            unlocks[b].push(a);
            waiting[a]++;
        }
        const order = [];
        for (let i = 0; i < n; i++) if (waiting[i] === 0) order.push(i);
        for (let head = 0; head < order.length; head++) {
            for (const next of unlocks[order[head]]) {
                if (--waiting[next] === 0) order.push(next);
            }
        }
        return order.length === n ? order : [];
    }
}
