class Solution:
    def group_anagrams(self, words: list[str]) -> list[list[str]]:
        groups: dict[str, list[str]] = {}
        for word in words:
            groups.setdefault("".join(sorted(word)), []).append(word)
        return list(groups.values())
