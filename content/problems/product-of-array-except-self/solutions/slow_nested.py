# Correct but O(n^2): multiplies all other elements for every position.
class Solution:
    def product_except_self(self, nums: list[int]) -> list[int]:
        n = len(nums)
        answer = []
        for i in range(n):
            p = 1
            for j in range(n):
                if j != i:
                    p *= nums[j]
            answer.append(p)
        return answer
