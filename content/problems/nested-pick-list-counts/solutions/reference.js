const s = require("fs").readFileSync(0, "latin1").trim();
// Counts reach 10^18, past 2^53, where doubles stop being exact: use BigInt.
const counts = new Array(26).fill(0n);
const saved = []; // the factor outside each open group
let factor = 1n; // the product of the open groups' multipliers
let number = 0;
for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 48 && code <= 57) {
        number = number * 10 + (code - 48); // at most 10^9: exact as a number
    } else if (code === 40) {
        saved.push(factor);
        factor *= BigInt(number);
        number = 0;
    } else if (code === 41) {
        factor = saved.pop();
    } else {
        counts[code - 65] += factor;
    }
}
const out = [];
for (let i = 0; i < 26; i++) {
    if (counts[i] > 0n) out.push(String.fromCharCode(65 + i) + " " + counts[i]);
}
process.stdout.write(out.join("\n") + "\n");
