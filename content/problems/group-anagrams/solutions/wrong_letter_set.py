# Keys each word by the set of its letters, ignoring how often each letter appears ("aab" ~ "abb").
class Solution:
    def group_anagrams(self, words: list[str]) -> list[list[str]]:
        groups: dict[frozenset[str], list[str]] = {}
        for word in words:
            groups.setdefault(frozenset(word), []).append(word)
        return list(groups.values())
