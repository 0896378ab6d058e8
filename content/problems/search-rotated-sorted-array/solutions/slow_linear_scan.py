# Correct but O(n) per query: 10^5 queries over 10^5 labels is too slow.
class Solution:
    def search_rotated(self, nums: list[int], queries: list[int]) -> list[int]:
        answers = []
        for target in queries:
            found = -1
            for i, value in enumerate(nums):
                if value == target:
                    found = i
                    break
            answers.append(found)
        return answers
