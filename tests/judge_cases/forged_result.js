// expect: RE
// limits: time=1 memory=256
// problem: two-sum
// message: out of turn
// The solution writes its own result line on the harness's private result channel (fd 4) and
// on fd 1, to end its test's time early; the harness's real line then comes out of turn, and
// the host answers RE (never AC) however right the forged answer is.
const fs = require("fs");
let calls = 0;

class Solution {
    twoSum(prices, target) {
        const seen = new Map();
        let answer = [];
        for (let j = 0; j < prices.length; j++) {
            if (seen.has(target - prices[j])) {
                answer = [seen.get(target - prices[j]), j];
                break;
            }
            seen.set(prices[j], j);
        }
        const line = `@@R ${calls++} [${answer[0]},${answer[1]}]\n`;
        for (const fd of [4, 1]) {
            try {
                fs.writeSync(fd, line);
            } catch (error) {
                // not open: try the next
            }
        }
        return answer;
    }
}
