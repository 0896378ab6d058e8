class Solution {
    canCompleteCircuit(gas, cost) {
        let total = 0, tank = 0, start = 0;
        for (let i = 0; i < gas.length; i++) {
            const gain = gas[i] - cost[i];
            total += gain;
            tank += gain;
            if (tank < 0) {
                // The tank ran dry at i: no depot from start to i can be the start.
                start = i + 1;
                tank = 0;
            }
        }
        return total >= 0 ? start : -1;
    }
}
