class Solution {
    daysUntilWarmer(temperatures) {
        const n = temperatures.length;
        const answer = new Int32Array(n);
        // Days still waiting for a warmer one; their temperatures never rise towards the top.
        const waiting = new Int32Array(n);
        let top = 0;
        for (let j = 0; j < n; j++) {
            const t = temperatures[j];
            while (top > 0 && temperatures[waiting[top - 1]] < t) {
                const i = waiting[--top];
                answer[i] = j - i;
            }
            waiting[top++] = j;
        }
        return Array.from(answer);
    }
}
