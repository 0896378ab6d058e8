const data = require("fs").readFileSync(0, "latin1").split(/\s+/).filter(Boolean);
const n = Number(data[0]);
const starts = new Float64Array(n);
const ends = new Float64Array(n);
for (let i = 0; i < n; i++) {
    starts[i] = Number(data[1 + 2 * i]);
    ends[i] = Number(data[2 + 2 * i]);
}
starts.sort();
ends.sort();
let rooms = 0;
let j = 0;
for (const s of starts) {
    if (s >= ends[j]) j++; // a meeting has ended by now: reuse its room ([start, end) is half-open)
    else rooms++;
}
process.stdout.write(rooms + "\n");
