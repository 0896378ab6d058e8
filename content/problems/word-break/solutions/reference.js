class Solution {
    wordBreak(s, words) {
        // A trie of the words over 26 letters: node * 26 + letter -> child (0: none).
        let total = 1;
        for (const w of words) total += w.length;
        const child = new Int32Array(total * 26);
        const isWord = new Uint8Array(total);
        let nodes = 1;
        for (const w of words) {
            let node = 0;
            for (let i = 0; i < w.length; i++) {
                const slot = node * 26 + w.charCodeAt(i) - 97;
                if (child[slot] === 0) child[slot] = nodes++;
                node = child[slot];
            }
            isWord[node] = 1;
        }
        // ok[i]: the first i letters split into words. From each such i, walk the trie along s
        // (at most 20 letters) and mark every position where a word ends.
        const n = s.length;
        const ok = new Uint8Array(n + 1);
        ok[0] = 1;
        for (let i = 0; i < n; i++) {
            if (!ok[i]) continue;
            let node = 0;
            for (let j = i; j < n; j++) {
                node = child[node * 26 + s.charCodeAt(j) - 97];
                if (node === 0) break;
                if (isWord[node]) ok[j + 1] = 1;
            }
        }
        return ok[n] === 1;
    }
}
