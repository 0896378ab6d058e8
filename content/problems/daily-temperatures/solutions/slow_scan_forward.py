# Correct but O(n^2): scans forward from every day; all-equal input of 100,000 days is too slow.
class Solution:
    def days_until_warmer(self, temperatures: list[int]) -> list[int]:
        n = len(temperatures)
        answer = [0] * n
        for i in range(n):
            for j in range(i + 1, n):
                if temperatures[j] > temperatures[i]:
                    answer[i] = j - i
                    break
        return answer
