const data = require("fs").readFileSync(0, "latin1").split(/\s+/).filter(Boolean).map(Number);
const rows = data[0], cols = data[1], width = cols + 1;
// prefix[i * width + j]: the total of rows 1..i and columns 1..j; row 0 and column 0 are 0.
// Totals stay below 2.5 * 10^14 < 2^53, so doubles hold them exactly.
const prefix = new Float64Array((rows + 1) * width);
let pos = 2;
for (let i = 1; i <= rows; i++) {
    let running = 0;
    const base = i * width, above = (i - 1) * width;
    for (let j = 1; j <= cols; j++) {
        running += data[pos++];
        prefix[base + j] = prefix[above + j] + running;
    }
}
const q = data[pos++];
const out = new Array(q);
for (let k = 0; k < q; k++) {
    const r = data[pos], c = data[pos + 1], d = data[pos + 2];
    pos += 3;
    const top = Math.max(0, r - d - 1) * width;
    const bottom = Math.min(rows, r + d) * width;
    const left = Math.max(0, c - d - 1);
    const right = Math.min(cols, c + d);
    out[k] = prefix[bottom + right] - prefix[top + right] - prefix[bottom + left] + prefix[top + left];
}
process.stdout.write(out.join("\n") + "\n");
