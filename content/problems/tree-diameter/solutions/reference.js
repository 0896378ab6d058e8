const data = require("fs").readFileSync(0, "latin1").split(/\s+/).filter(Boolean).map(Number);
const n = data[0];
// Belts as a compressed adjacency list, both directions: the belts of u are at
// start[u] .. start[u + 1] - 1 of `to` and `weight`.
const start = new Int32Array(n + 2);
for (let i = 0; i < n - 1; i++) {
    start[data[1 + 3 * i]]++;
    start[data[2 + 3 * i]]++;
}
for (let v = 1; v <= n + 1; v++) start[v] += start[v - 1];
const to = new Int32Array(2 * (n - 1)), weight = new Float64Array(2 * (n - 1));
for (let i = 0; i < n - 1; i++) {
    const u = data[1 + 3 * i], v = data[2 + 3 * i], w = data[3 + 3 * i];
    to[--start[u]] = v;
    weight[start[u]] = w;
    to[--start[v]] = u;
    weight[start[v]] = w;
}

// The station farthest from `source` and its distance, by an iterative depth-first search.
// Distances stay below 2^53, so doubles hold them exactly.
const dist = new Float64Array(n + 1);
const stack = new Int32Array(n);
function farthest(source) {
    dist.fill(-1);
    dist[source] = 0;
    let top = 0, best = source;
    stack[top++] = source;
    while (top > 0) {
        const u = stack[--top];
        if (dist[u] > dist[best]) best = u;
        for (let e = start[u]; e < start[u + 1]; e++) {
            const v = to[e];
            if (dist[v] < 0) {
                dist[v] = dist[u] + weight[e];
                stack[top++] = v;
            }
        }
    }
    return [best, dist[best]];
}

const [end] = farthest(1);
const [, diameter] = farthest(end);
process.stdout.write(diameter + "\n");
