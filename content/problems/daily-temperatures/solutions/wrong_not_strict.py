# Pops on "<=", so an equal temperature counts as warmer ([15, 15, 16] -> [1, 1, 0]).
class Solution:
    def days_until_warmer(self, temperatures: list[int]) -> list[int]:
        answer = [0] * len(temperatures)
        waiting: list[int] = []
        for j, t in enumerate(temperatures):
            while waiting and temperatures[waiting[-1]] <= t:
                i = waiting.pop()
                answer[i] = j - i
            waiting.append(j)
        return answer
