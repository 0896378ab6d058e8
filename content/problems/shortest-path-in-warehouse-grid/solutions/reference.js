class Solution {
    shortestPath(grid, k) {
        const rows = grid.length, cols = grid[0].length;
        const cells = grid.join("");
        const start = cells.indexOf("S"), end = cells.indexOf("E");
        const sr = Math.floor(start / cols), sc = start % cols;
        const er = Math.floor(end / cols), ec = end % cols;
        const distance = Math.abs(sr - er) + Math.abs(sc - ec);
        if (k >= distance - 1) return distance; // enough moves to clear a straight route
        // bestLeft[i]: the most pallet moves left on any arrival at cell i so far. A state
        // (cell, moves left) is queued only when it beats that, so each cell is queued at most
        // k + 1 times.
        const size = rows * cols;
        const bestLeft = new Int32Array(size).fill(-1);
        const wall = new Uint8Array(size);
        for (let i = 0; i < size; i++) wall[i] = cells.charCodeAt(i) === 35 ? 1 : 0; // '#'
        const capacity = size * (k + 1);
        let queueCell = new Int32Array(capacity), queueLeft = new Int32Array(capacity);
        let head = 0, tail = 0;
        queueCell[tail] = start;
        queueLeft[tail++] = k;
        bestLeft[start] = k;
        let steps = 0;
        while (head < tail) {
            steps++;
            const levelEnd = tail;
            for (; head < levelEnd; head++) {
                const i = queueCell[head], left = queueLeft[head];
                const r = Math.floor(i / cols), c = i - r * cols;
                for (let d = 0; d < 4; d++) {
                    let j;
                    if (d === 0) j = r > 0 ? i - cols : -1;
                    else if (d === 1) j = r < rows - 1 ? i + cols : -1;
                    else if (d === 2) j = c > 0 ? i - 1 : -1;
                    else j = c < cols - 1 ? i + 1 : -1;
                    if (j < 0) continue;
                    if (j === end) return steps;
                    const nextLeft = left - wall[j];
                    if (nextLeft > bestLeft[j]) {
                        bestLeft[j] = nextLeft;
                        queueCell[tail] = j;
                        queueLeft[tail++] = nextLeft;
                    }
                }
            }
        }
        return -1;
    }
}
