const data = require("fs").readFileSync(0, "latin1").split(/\s+/).filter(Boolean);

// A binary heap of numbers, smallest first under `before`.
class Heap {
    constructor(before) {
        this.items = [];
        this.before = before;
    }
    get size() {
        return this.items.length;
    }
    top() {
        return this.items[0];
    }
    push(x) {
        const a = this.items;
        let i = a.length;
        a.push(x);
        while (i > 0) {
            const p = (i - 1) >> 1;
            if (!this.before(x, a[p])) break;
            a[i] = a[p];
            i = p;
        }
        a[i] = x;
    }
    pop() {
        const a = this.items;
        const top = a[0];
        const last = a.pop();
        if (a.length > 0) {
            let i = 0;
            for (;;) {
                let c = 2 * i + 1;
                if (c >= a.length) break;
                if (c + 1 < a.length && this.before(a[c + 1], a[c])) c++;
                if (!this.before(a[c], last)) break;
                a[i] = a[c];
                i = c;
            }
            a[i] = last;
        }
        return top;
    }
}

const q = Number(data[0]);
const low = new Heap((x, y) => x > y); // the smaller half, largest on top
const high = new Heap((x, y) => x < y); // the larger half; low has as many or one more
const out = [];
let i = 1;
for (let k = 0; k < q; k++) {
    if (data[i] === "add") {
        low.push(Number(data[i + 1]));
        i += 2;
        high.push(low.pop());
        if (high.size > low.size) low.push(high.pop());
    } else {
        i += 1;
        if (low.size > high.size) out.push(low.top().toFixed(1));
        else out.push(((low.top() + high.top()) / 2).toFixed(1));
    }
}
process.stdout.write(out.join("\n") + "\n");
