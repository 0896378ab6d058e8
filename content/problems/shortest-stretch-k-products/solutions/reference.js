class Solution {
    shortestStretch(products, k) {
        const n = products.length;
        const count = new Map();
        let distinct = 0, best = n + 1, left = 0;
        for (let right = 0; right < n; right++) {
            const seen = count.get(products[right]) || 0;
            count.set(products[right], seen + 1);
            if (seen === 0) distinct++;
            while (distinct >= k) {
                if (right - left + 1 < best) best = right - left + 1;
                const rest = count.get(products[left]) - 1;
                count.set(products[left], rest);
                if (rest === 0) distinct--;
                left++;
            }
        }
        return best <= n ? best : -1;
    }
}
