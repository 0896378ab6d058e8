class Solution {
    coinChange(coins, amount) {
        const unreachable = amount + 1;
        const best = new Int32Array(amount + 1).fill(unreachable);
        best[0] = 0;
        for (const c of coins) {
            for (let a = c; a <= amount; a++) {
                const candidate = best[a - c] + 1;
                if (candidate < best[a]) best[a] = candidate;
            }
        }
        return best[amount] !== unreachable ? best[amount] : -1;
    }
}
