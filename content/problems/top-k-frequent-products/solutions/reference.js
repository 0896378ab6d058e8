class Solution {
    topKProducts(views, k) {
        const counts = new Map();
        for (const id of views) counts.set(id, (counts.get(id) || 0) + 1);
        // `ranksBefore(a, b)`: a belongs earlier in the answer (more views, then the smaller id).
        const ranksBefore = (a, b) => a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);
        // A heap of the k best so far with the worst of them on top.
        const heap = [];
        const siftDown = (item) => {
            let i = 0;
            for (;;) {
                let c = 2 * i + 1;
                if (c >= heap.length) break;
                if (c + 1 < heap.length && ranksBefore(heap[c], heap[c + 1])) c++;
                if (!ranksBefore(item, heap[c])) break;
                heap[i] = heap[c];
                i = c;
            }
            heap[i] = item;
        };
        for (const item of counts) {
            if (heap.length < k) {
                let i = heap.length;
                heap.push(item);
                while (i > 0) {
                    const p = (i - 1) >> 1;
                    if (!ranksBefore(heap[p], item)) break;
                    heap[i] = heap[p];
                    i = p;
                }
                heap[i] = item;
            } else if (ranksBefore(item, heap[0])) {
                siftDown(item);
            }
        }
        heap.sort((a, b) => (ranksBefore(a, b) ? -1 : 1));
        return heap.map((item) => item[0]);
    }
}
