class Solution {
    largestSign(heights) {
        const n = heights.length;
        const stack = new Int32Array(n + 1);  // indices with increasing heights
        let size = 0, best = 0;
        for (let j = 0; j <= n; j++) {
            const h = j < n ? heights[j] : 0;  // a height-0 sentinel flushes the stack
            while (size > 0 && heights[stack[size - 1]] >= h) {
                const top = heights[stack[--size]];
                const left = size > 0 ? stack[size - 1] : -1;
                // At most 10^14, well below 2^53: exact as a double.
                const area = top * (j - left - 1);
                if (area > best) best = area;
            }
            stack[size++] = j;
        }
        return best;
    }
}
