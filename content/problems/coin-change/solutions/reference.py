class Solution:
    def coin_change(self, coins: list[int], amount: int) -> int:
        unreachable = amount + 1
        best = [0] + [unreachable] * amount
        for c in coins:
            for a in range(c, amount + 1):
                candidate = best[a - c] + 1
                if candidate < best[a]:
                    best[a] = candidate
        return best[amount] if best[amount] != unreachable else -1
