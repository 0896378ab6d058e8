class Solution {
    numIslands(grid) {
        const rows = grid.length, cols = grid[0].length, width = cols + 1;
        // A water column after every row and a water row above and below: no bounds checks.
        const cells = new Uint8Array((rows + 2) * width);
        for (let r = 0; r < rows; r++) {
            const row = grid[r], base = (r + 1) * width;
            for (let c = 0; c < cols; c++) cells[base + c] = row.charCodeAt(c) === 49 ? 1 : 0;
        }
        const stack = new Int32Array(cells.length);
        let islands = 0;
        for (let i = 0; i < cells.length; i++) {
            if (!cells[i]) continue;
            islands++;
            cells[i] = 0;
            let top = 0;
            stack[top++] = i;
            while (top > 0) {
                const j = stack[--top];
                for (const n of [j - 1, j + 1, j - width, j + width]) {
                    if (cells[n]) {
                        cells[n] = 0;
                        stack[top++] = n;
                    }
                }
            }
        }
        return islands;
    }
}
