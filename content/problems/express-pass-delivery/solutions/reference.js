const data = require("fs").readFileSync(0, "latin1").split(/\s+/).filter(Boolean).map(Number);
const n = data[0], m = data[1], k = data[2];
// Roads as a compressed adjacency list, both directions: the roads of u are at
// start[u] .. start[u + 1] - 1 of `to`, `standard` and `express`.
const start = new Int32Array(n + 2);
for (let i = 0; i < m; i++) {
    start[data[3 + 4 * i]]++;
    start[data[4 + 4 * i]]++;
}
for (let v = 1; v <= n + 1; v++) start[v] += start[v - 1];
const to = new Int32Array(2 * m), standard = new Float64Array(2 * m), express = new Float64Array(2 * m);
for (let i = 0; i < m; i++) {
    const u = data[3 + 4 * i], v = data[4 + 4 * i], t = data[5 + 4 * i], e = data[6 + 4 * i];
    let p = --start[u];
    to[p] = v; standard[p] = t; express[p] = e;
    p = --start[v];
    to[p] = u; standard[p] = t; express[p] = e;
}

// A binary min-heap of (distance, state) in two parallel arrays. Distances stay below 2^53.
let keys = new Float64Array(1 << 12), values = new Int32Array(1 << 12), size = 0;
function push(key, value) {
    if (size === keys.length) {
        const grownKeys = new Float64Array(2 * size), grownValues = new Int32Array(2 * size);
        grownKeys.set(keys);
        grownValues.set(values);
        keys = grownKeys;
        values = grownValues;
    }
    let i = size++;
    while (i > 0) {
        const parent = (i - 1) >> 1;
        if (keys[parent] <= key) break;
        keys[i] = keys[parent];
        values[i] = values[parent];
        i = parent;
    }
    keys[i] = key;
    values[i] = value;
}
let poppedKey = 0, poppedValue = 0;
function pop() {
    poppedKey = keys[0];
    poppedValue = values[0];
    size--;
    const key = keys[size], value = values[size];
    let i = 0;
    while (true) {
        let child = 2 * i + 1;
        if (child >= size) break;
        if (child + 1 < size && keys[child + 1] < keys[child]) child++;
        if (keys[child] >= key) break;
        keys[i] = keys[child];
        values[i] = values[child];
        i = child;
    }
    keys[i] = key;
    values[i] = value;
}

// State (hub v, passes used j) is v * layers + j.
const layers = k + 1;
const dist = new Float64Array((n + 1) * layers).fill(Infinity);
dist[layers] = 0;
push(0, layers);
let best = -1;
while (size > 0) {
    pop();
    const d = poppedKey, state = poppedValue;
    if (d > dist[state]) continue;
    const u = Math.floor(state / layers), j = state % layers;
    if (u === n) {
        best = d; // the first state of hub n popped is the closest one
        break;
    }
    for (let p = start[u]; p < start[u + 1]; p++) {
        const target = to[p] * layers + j;
        let nd = d + standard[p];
        if (nd < dist[target]) {
            dist[target] = nd;
            push(nd, target);
        }
        if (j < k) {
            nd = d + express[p];
            if (nd < dist[target + 1]) {
                dist[target + 1] = nd;
                push(nd, target + 1);
            }
        }
    }
}
process.stdout.write(best + "\n");
