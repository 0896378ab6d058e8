class Solution {
    countSuppliers(accounts) {
        const n = accounts.length;
        const parent = new Int32Array(n);
        const size = new Int32Array(n).fill(1);
        for (let i = 0; i < n; i++) parent[i] = i;
        const find = (x) => {
            while (parent[x] !== x) {
                parent[x] = parent[parent[x]]; // path halving
                x = parent[x];
            }
            return x;
        };
        const owner = new Map(); // identifier -> first account that listed it
        let suppliers = n;
        for (let i = 0; i < n; i++) {
            for (const id of accounts[i]) {
                const first = owner.get(id);
                if (first === undefined) {
                    owner.set(id, i);
                    continue;
                }
                let a = find(i), b = find(first);
                if (a === b) continue;
                if (size[a] < size[b]) [a, b] = [b, a];
                parent[b] = a;
                size[a] += size[b];
                suppliers--;
            }
        }
        return suppliers;
    }
}
