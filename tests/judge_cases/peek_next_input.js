// expect: AC
// limits: time=1 memory=256
// problem: two-sum
// The first test looks for the second test's input everywhere it can reach: every global (the
// harness keeps its own variables in its module scope), and every file descriptor, reopened
// non-blocking through /proc (Node has no non-blocking read of its own; the box may not reopen
// the host's pipes, and a blocking read of the test channel would wait for an input the host
// has not sent).  The host writes a test's input only when that test starts, so it finds
// nothing and answers right; had it found the input, it would answer wrong (WA).
const fs = require("fs");
let calls = 0;

function secondInputVisible() {
    const needle = [5, 3, 5].join(",");
    for (const name of Object.getOwnPropertyNames(globalThis)) {
        try {
            const value = globalThis[name];
            if (typeof value === "string" && value.includes(needle)) return true;
            if (Array.isArray(value) && JSON.stringify(value).includes(needle)) return true;
        } catch (error) {
            // a getter that throws: nothing there
        }
    }
    for (let fd = 0; fd < 64; fd++) {
        let copy;
        try {
            copy = fs.openSync(`/proc/self/fd/${fd}`, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
        } catch (error) {
            continue;
        }
        try {
            const buffer = Buffer.alloc(1 << 20);
            const n = fs.readSync(copy, buffer, 0, buffer.length, null);
            if (buffer.subarray(0, n).toString().replace(/ /g, "").includes(needle)) return true;
        } catch (error) {
            // EAGAIN: nothing waiting
        } finally {
            fs.closeSync(copy);
        }
    }
    return false;
}

class Solution {
    twoSum(prices, target) {
        if (++calls === 1 && secondInputVisible()) return [-1, -1];
        const seen = new Map();
        for (let j = 0; j < prices.length; j++) {
            if (seen.has(target - prices[j])) return [seen.get(target - prices[j]), j];
            seen.set(prices[j], j);
        }
        return [];
    }
}
