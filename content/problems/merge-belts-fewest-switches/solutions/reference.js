class Solution {
    fewestSwitches(a, b, s) {
        const n = a.length, m = b.length;
        if (n + m !== s.length) return -1;
        const inf = n + m + 1;  // more swings than any merge needs
        // Row i, for j = 0..m: the fewest swings that produce s[:i + j] from a[:i] and b[:j]
        // with the last parcel from belt A (lastA) or belt B (lastB). Both are 0 before the
        // first parcel, so the first parcel costs no swing.
        let lastA = new Int32Array(m + 1).fill(inf), lastB = new Int32Array(m + 1).fill(inf);
        let rowA = new Int32Array(m + 1), rowB = new Int32Array(m + 1);
        lastA[0] = lastB[0] = 0;
        for (let j = 1; j <= m; j++) {  // row 0: parcels from belt B only
            if (b[j - 1] === s[j - 1]) lastB[j] = Math.min(lastB[j - 1], lastA[j - 1] + 1);
        }
        for (let i = 1; i <= n; i++) {
            const ai = a[i - 1];
            for (let j = 0; j <= m; j++) {
                const c = s[i + j - 1];
                rowA[j] = ai === c ? Math.min(lastA[j], lastB[j] + 1) : inf;
                rowB[j] = j > 0 && b[j - 1] === c ? Math.min(rowB[j - 1], rowA[j - 1] + 1) : inf;
            }
            [lastA, rowA] = [rowA, lastA];
            [lastB, rowB] = [rowB, lastB];
        }
        const best = Math.min(lastA[m], lastB[m]);
        return best < inf ? best : -1;
    }
}
