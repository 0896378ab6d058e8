// expect: TLE
// limits: time=0.5 memory=256
// problem: two-sum
// Every clock inside the process is silenced (process.cpuUsage, process.hrtime, performance.now,
// Date.now), then the first test uses twice its limit: the host measures the box's CPU between
// the tests' boundaries, so it is still TLE.
const realCpu = process.cpuUsage.bind(process);
const zero = () => 0;
process.cpuUsage = () => ({ user: 0, system: 0 });
process.hrtime = () => [0, 0];
process.hrtime.bigint = () => 0n;
performance.now = zero;
Date.now = zero;
let calls = 0;

function cpuSeconds() {
    const used = realCpu();
    return (used.user + used.system) / 1e6;
}

class Solution {
    twoSum(prices, target) {
        if (++calls === 1) {
            const end = cpuSeconds() + 1.0;
            while (cpuSeconds() < end) {}
        }
        const seen = new Map();
        for (let j = 0; j < prices.length; j++) {
            if (seen.has(target - prices[j])) return [seen.get(target - prices[j]), j];
            seen.set(prices[j], j);
        }
        return [];
    }
}
