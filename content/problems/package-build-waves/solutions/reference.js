const data = require("fs").readFileSync(0, "latin1").split(/\s+/).filter(Boolean).map(Number);
const n = data[0], m = data[1];
// Arrows b -> a as a compressed adjacency list: the packages unlocked by u are
// unlocks[start[u] .. start[u + 1] - 1].
const start = new Int32Array(n + 2);
const waiting = new Int32Array(n + 1); // dependencies not yet built, repeats counted
for (let i = 0; i < m; i++) {
    start[data[3 + 2 * i] + 1]++;
    waiting[data[2 + 2 * i]]++;
}
for (let v = 1; v <= n; v++) start[v + 1] += start[v];
const fill = Int32Array.from(start);
const unlocks = new Int32Array(m);
for (let i = 0; i < m; i++) unlocks[fill[data[3 + 2 * i]]++] = data[2 + 2 * i];

// All waves in one array: the current wave is order[head .. tail - 1].
const order = new Int32Array(n);
let tail = 0;
for (let v = 1; v <= n; v++) if (waiting[v] === 0) order[tail++] = v;
let head = 0, waves = 0;
while (head < tail) {
    waves++;
    const end = tail;
    for (; head < end; head++) {
        const u = order[head];
        for (let e = start[u]; e < start[u + 1]; e++) {
            if (--waiting[unlocks[e]] === 0) order[tail++] = unlocks[e];
        }
    }
}
process.stdout.write((tail === n ? waves : -1) + "\n");
