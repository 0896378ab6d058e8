class Solution {
    groupAnagrams(words) {
        const groups = new Map();
        for (const word of words) {
            const key = [...word].sort().join("");
            const group = groups.get(key);
            if (group) group.push(word);
            else groups.set(key, [word]);
        }
        return [...groups.values()];
    }
}
