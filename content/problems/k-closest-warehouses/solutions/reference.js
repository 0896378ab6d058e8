class Solution {
    kClosest(points, k) {
        // A max-heap of the k closest points so far, keyed by squared distance.
        const dist = new Float64Array(k), index = new Int32Array(k);
        let size = 0;
        for (let i = 0; i < points.length; i++) {
            const [x, y] = points[i];
            const d = x * x + y * y;
            if (size < k) {
                let c = size++;
                while (c > 0) {
                    const p = (c - 1) >> 1;
                    if (dist[p] >= d) break;
                    dist[c] = dist[p];
                    index[c] = index[p];
                    c = p;
                }
                dist[c] = d;
                index[c] = i;
            } else if (d < dist[0]) {
                // Replace the farthest kept point and sift the new one down.
                let c = 0;
                for (;;) {
                    let child = 2 * c + 1;
                    if (child >= size) break;
                    if (child + 1 < size && dist[child + 1] > dist[child]) child++;
                    if (dist[child] <= d) break;
                    dist[c] = dist[child];
                    index[c] = index[child];
                    c = child;
                }
                dist[c] = d;
                index[c] = i;
            }
        }
        const result = [];
        for (let c = 0; c < size; c++) result.push(points[index[c]]);
        return result;
    }
}
