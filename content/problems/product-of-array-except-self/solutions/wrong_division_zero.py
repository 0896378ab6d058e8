# Divides the total product by each element and answers all zeros as soon as a zero appears:
# wrong when there is exactly one zero (its own answer is the product of the others).
class Solution:
    def product_except_self(self, nums: list[int]) -> list[int]:
        if 0 in nums:
            return [0] * len(nums)
        total = 1
        for v in nums:
            total *= v
        return [total // v for v in nums]
