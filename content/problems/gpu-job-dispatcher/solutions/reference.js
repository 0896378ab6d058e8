// A binary min-heap of integers (worker indices) ordered by a comparison function.
class Heap {
    constructor(less) {
        this.less = less;
        this.items = [];
    }
    get size() { return this.items.length; }
    top() { return this.items[0]; }
    push(x) {
        const a = this.items;
        a.push(x);
        let i = a.length - 1;
        while (i > 0) {
            const parent = (i - 1) >> 1;
            if (!this.less(a[i], a[parent])) break;
            [a[i], a[parent]] = [a[parent], a[i]];
            i = parent;
        }
    }
    pop() {
        const a = this.items, top = a[0], last = a.pop();
        if (a.length > 0) {
            a[0] = last;
            let i = 0;
            for (;;) {
                const l = 2 * i + 1, r = l + 1;
                let best = i;
                if (l < a.length && this.less(a[l], a[best])) best = l;
                if (r < a.length && this.less(a[r], a[best])) best = r;
                if (best === i) break;
                [a[i], a[best]] = [a[best], a[i]];
                i = best;
            }
        }
        return top;
    }
}

class Solution {
    assignWorkers(power, arrivals, durations) {
        const m = power.length, n = arrivals.length;
        // Finishing times stay below 2^53: exact as doubles.
        const finish = new Float64Array(m);
        const byPower = (a, b) => power[a] !== power[b] ? power[a] < power[b] : a < b;
        const free = new Heap(byPower);
        const busy = new Heap((a, b) => finish[a] !== finish[b] ? finish[a] < finish[b] : byPower(a, b));
        for (let i = 0; i < m; i++) free.push(i);
        const result = new Array(n);
        let t = 0;
        for (let j = 0; j < n; j++) {
            t = Math.max(t, arrivals[j]);  // no earlier than its arrival nor the job before it
            if (free.size === 0 && finish[busy.top()] > t) t = finish[busy.top()];
            while (busy.size > 0 && finish[busy.top()] <= t) free.push(busy.pop());
            const i = free.pop();
            finish[i] = t + durations[j];  // i is in neither heap while its key changes
            busy.push(i);
            result[j] = i;
        }
        return result;
    }
}
