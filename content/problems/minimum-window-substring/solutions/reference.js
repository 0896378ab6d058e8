class Solution {
    minWindow(s, t) {
        // need[c]: how many more of letter c the window needs (negative: a surplus).
        const need = new Int32Array(128);
        for (let i = 0; i < t.length; i++) need[t.charCodeAt(i)]++;
        let missing = t.length, bestLen = s.length + 1, bestStart = 0, left = 0;
        for (let right = 0; right < s.length; right++) {
            const c = s.charCodeAt(right);
            if (need[c] > 0) missing--;
            need[c]--;
            if (missing === 0) {
                // Shrink past surplus letters: the window still covers t.
                while (need[s.charCodeAt(left)] < 0) need[s.charCodeAt(left++)]++;
                if (right - left + 1 < bestLen) {
                    bestLen = right - left + 1;
                    bestStart = left;
                }
                // Drop the leftmost needed letter and look for the next covering window.
                need[s.charCodeAt(left++)]++;
                missing++;
            }
        }
        return bestLen > s.length ? "" : s.slice(bestStart, bestStart + bestLen);
    }
}
