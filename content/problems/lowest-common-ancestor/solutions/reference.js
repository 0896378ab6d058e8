const data = require("fs").readFileSync(0, "latin1").split(/\s+/).filter(Boolean).map(Number);
const n = data[0];

// Children as linked lists: the first child of v is firstChild[v], then sibling[...] ...
const firstChild = new Int32Array(n + 1), sibling = new Int32Array(n + 1);
let root = 0;
for (let v = 1; v <= n; v++) {
    const p = data[v];
    if (p === 0) {
        root = v;
    } else {
        sibling[v] = firstChild[p];
        firstChild[p] = v;
    }
}

// Euler tour, iterative: every visit of a node is written down, 2n - 1 entries in all.
const depth = new Int32Array(n + 1), first = new Int32Array(n + 1);
const nextChild = firstChild.slice(); // the next child of v still to visit (0: none)
const euler = new Int32Array(2 * n - 1);
const stack = new Int32Array(n);
let len = 0, top = 0;
stack[top++] = root;
while (top > 0) {
    const v = stack[top - 1];
    euler[len++] = v;
    const c = nextChild[v];
    if (c !== 0) {
        nextChild[v] = sibling[c];
        depth[c] = depth[v] + 1;
        first[c] = len;
        stack[top++] = c;
    } else {
        top--;
    }
}

// Sparse table: table[k][i] is the shallowest node among euler[i .. i + 2^k - 1].
const table = [euler];
for (let span = 1; 2 * span <= len; span *= 2) {
    const prev = table[table.length - 1];
    const row = new Int32Array(len - 2 * span + 1);
    for (let i = 0; i < row.length; i++) {
        const a = prev[i], b = prev[i + span];
        row[i] = depth[a] <= depth[b] ? a : b;
    }
    table.push(row);
}

const q = data[n + 1];
const out = new Array(q);
let idx = n + 2;
for (let j = 0; j < q; j++) {
    let lo = first[data[idx]], hi = first[data[idx + 1]];
    idx += 2;
    if (lo > hi) [lo, hi] = [hi, lo];
    const k = 31 - Math.clz32(hi - lo + 1);
    const row = table[k];
    const a = row[lo], b = row[hi - (1 << k) + 1];
    out[j] = depth[a] <= depth[b] ? a : b;
}
process.stdout.write(out.join("\n") + "\n");
