const data = require("fs").readFileSync(0, "latin1").split(/\s+/).filter(Boolean).map(Number);
const n = data[0], m = data[1];
const parent = new Int32Array(n + 1);
const size = new Int32Array(n + 1).fill(1);
for (let v = 0; v <= n; v++) parent[v] = v;

function find(x) {
    while (parent[x] !== x) {
        parent[x] = parent[parent[x]]; // path halving
        x = parent[x];
    }
    return x;
}

let circles = n, largest = 1;
for (let i = 0; i < m; i++) {
    let a = find(data[2 + 2 * i]), b = find(data[3 + 2 * i]);
    if (a === b) continue;
    if (size[a] < size[b]) [a, b] = [b, a];
    parent[b] = a; // the smaller circle joins the larger
    size[a] += size[b];
    circles--;
    if (size[a] > largest) largest = size[a];
}
process.stdout.write(circles + " " + largest + "\n");
