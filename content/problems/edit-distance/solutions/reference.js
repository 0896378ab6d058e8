class Solution {
    editDistance(source, target) {
        // Rows over the longer string, one row of columns over the shorter one.
        if (source.length < target.length) [source, target] = [target, source];
        const m = target.length;
        let prev = new Int32Array(m + 1), cur = new Int32Array(m + 1);
        for (let j = 0; j <= m; j++) prev[j] = j;
        for (let i = 1; i <= source.length; i++) {
            const a = source.charCodeAt(i - 1);
            cur[0] = i;
            for (let j = 1; j <= m; j++) {
                let value = prev[j - 1];
                if (target.charCodeAt(j - 1) !== a) {
                    if (prev[j] < value) value = prev[j];
                    if (cur[j - 1] < value) value = cur[j - 1];
                    value += 1;
                }
                cur[j] = value;
            }
            [prev, cur] = [cur, prev];
        }
        return prev[m];
    }
}
