class Solution {
    bestRoute(values, left, right) {
        const n = values.length;
        // Breadth-first order from the root; read backwards, every gate follows its children.
        const order = new Int32Array(n);
        let size = 0;
        order[size++] = 0;
        for (let k = 0; k < size; k++) {
            const gate = order[k];
            if (left[gate] >= 0) order[size++] = left[gate];
            if (right[gate] >= 0) order[size++] = right[gate];
        }
        // Sums stay within 10^14 in size, exact as doubles.
        const down = new Float64Array(n);
        let best = values[0];
        for (let k = n - 1; k >= 0; k--) {
            const gate = order[k];
            const a = left[gate] >= 0 ? Math.max(0, down[left[gate]]) : 0;
            const b = right[gate] >= 0 ? Math.max(0, down[right[gate]]) : 0;
            best = Math.max(best, values[gate] + a + b);
            down[gate] = values[gate] + Math.max(a, b);
        }
        return best;
    }
}
