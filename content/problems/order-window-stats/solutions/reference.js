const words = require("fs").readFileSync(0, "latin1").split(/\s+/).filter(Boolean);
const q = Number(words[0]), window = Number(words[1]);
// Both queues are arrays with a head index: every order is appended at most once. Totals stay
// below 2^53, so plain numbers are exact.
const orderTime = new Float64Array(q), orderValue = new Float64Array(q);
const bestTime = new Float64Array(q), bestValue = new Float64Array(q);
let orderHead = 0, orderTail = 0, bestHead = 0, bestTail = 0, total = 0;
const out = [];
let pos = 2;
for (let k = 0; k < q; k++) {
    if (words[pos] === "order") {
        const t = Number(words[pos + 1]), v = Number(words[pos + 2]);
        pos += 3;
        orderTime[orderTail] = t;
        orderValue[orderTail++] = v;
        total += v;
        while (bestTail > bestHead && bestValue[bestTail - 1] <= v) bestTail--;
        bestTime[bestTail] = t;
        bestValue[bestTail++] = v;
    } else {
        const oldest = Number(words[pos + 1]) - window;
        pos += 2;
        while (orderHead < orderTail && orderTime[orderHead] <= oldest) total -= orderValue[orderHead++];
        while (bestHead < bestTail && bestTime[bestHead] <= oldest) bestHead++;
        const largest = bestHead < bestTail ? bestValue[bestHead] : 0;
        out.push(orderTail - orderHead + " " + total + " " + largest);
    }
}
process.stdout.write(out.join("\n") + "\n");
