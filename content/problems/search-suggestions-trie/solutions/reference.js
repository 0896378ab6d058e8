const data = require("fs").readFileSync(0, "latin1").split(/\s+/).filter(Boolean);
const n = Number(data[0]);
const names = data.slice(1, 1 + n).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const q = Number(data[1 + n]);

function lowerBound(query) {
    let lo = 0, hi = names.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (names[mid] < query) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

const out = [];
for (const query of data.slice(2 + n, 2 + n + q)) {
    const i = lowerBound(query);
    const found = names.slice(i, i + 3).filter((name) => name.startsWith(query));
    out.push(found.length ? found.join(" ") : "-");
}
process.stdout.write(out.join("\n") + "\n");
