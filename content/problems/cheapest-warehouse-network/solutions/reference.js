const data = require("fs").readFileSync(0, "latin1").split(/\s+/).filter(Boolean).map(Number);
const n = data[0], m = data[1];
// Sort keys: cost * 2^18 + link index, exact in a double (below 2^48), sorted numerically.
const keys = new Float64Array(m);
for (let i = 0; i < m; i++) keys[i] = data[4 + 3 * i] * 262144 + i;
keys.sort();
const parent = new Int32Array(n + 1);
const size = new Int32Array(n + 1).fill(1);
for (let i = 0; i <= n; i++) parent[i] = i;
function find(x) {
    while (parent[x] !== x) {
        parent[x] = parent[parent[x]]; // path halving
        x = parent[x];
    }
    return x;
}
let total = 0, links = 0; // total stays below 2^53
for (let k = 0; k < m && links < n - 1; k++) {
    const i = keys[k] % 262144;
    let a = find(data[2 + 3 * i]), b = find(data[3 + 3 * i]);
    if (a === b) continue;
    if (size[a] < size[b]) [a, b] = [b, a];
    parent[b] = a;
    size[a] += size[b];
    total += data[4 + 3 * i];
    links++;
}
process.stdout.write((links === n - 1 ? total : -1) + "\n");
