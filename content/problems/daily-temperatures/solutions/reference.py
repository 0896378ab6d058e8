class Solution:
    def days_until_warmer(self, temperatures: list[int]) -> list[int]:
        answer = [0] * len(temperatures)
        waiting: list[int] = []  # indices, temperatures non-increasing from bottom to top
        for j, t in enumerate(temperatures):
            while waiting and temperatures[waiting[-1]] < t:
                i = waiting.pop()
                answer[i] = j - i
            waiting.append(j)
        return answer
