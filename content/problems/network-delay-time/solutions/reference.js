const data = require("fs").readFileSync(0, "latin1").split(/\s+/).filter(Boolean).map(Number);
const [n, m, source] = data;
// Links as a compressed adjacency list: the links of u are next[head[u]], next[...] ...
const head = new Int32Array(n + 1).fill(-1);
const next = new Int32Array(m), to = new Int32Array(m), weight = new Float64Array(m);
for (let i = 0; i < m; i++) {
    const u = data[3 + 3 * i];
    to[i] = data[4 + 3 * i];
    weight[i] = data[5 + 3 * i];
    next[i] = head[u];
    head[u] = i;
}
const dist = new Float64Array(n + 1).fill(Infinity);
dist[source] = 0;
// A binary min-heap of (distance, server) pairs.
const heapD = [0], heapV = [source];
function push(d, v) {
    let i = heapD.length;
    heapD.push(d);
    heapV.push(v);
    while (i > 0) {
        const p = (i - 1) >> 1;
        if (heapD[p] <= d) break;
        heapD[i] = heapD[p];
        heapV[i] = heapV[p];
        i = p;
    }
    heapD[i] = d;
    heapV[i] = v;
}
function pop() {
    const lastD = heapD.pop(), lastV = heapV.pop();
    if (heapD.length === 0) return;
    let i = 0;
    for (;;) {
        let c = 2 * i + 1;
        if (c >= heapD.length) break;
        if (c + 1 < heapD.length && heapD[c + 1] < heapD[c]) c++;
        if (heapD[c] >= lastD) break;
        heapD[i] = heapD[c];
        heapV[i] = heapV[c];
        i = c;
    }
    heapD[i] = lastD;
    heapV[i] = lastV;
}
while (heapD.length > 0) {
    const d = heapD[0], u = heapV[0];
    pop();
    if (d > dist[u]) continue; // stale entry
    for (let e = head[u]; e !== -1; e = next[e]) {
        const nd = d + weight[e];
        if (nd < dist[to[e]]) {
            dist[to[e]] = nd;
            push(nd, to[e]);
        }
    }
}
let latest = 0;
for (let v = 1; v <= n; v++) latest = Math.max(latest, dist[v]);
process.stdout.write((latest === Infinity ? -1 : latest) + "\n");
