# Correct but O(n * groups): compares each word with a representative of every existing group.
class Solution:
    def group_anagrams(self, words: list[str]) -> list[list[str]]:
        def same_letters(a: str, b: str) -> bool:
            return len(a) == len(b) and sorted(a) == sorted(b)

        groups: list[list[str]] = []
        for word in words:
            for group in groups:
                if same_letters(group[0], word):
                    group.append(word)
                    break
            else:
                groups.append([word])
        return groups
