# Skips a price equal to the previous one with `i > 0` instead of `i > start`, so a bundle can
# never use the same price twice: [2, 2, 3] with budget 7 is lost.
class Solution:
    def exact_bundles(self, prices: list[int], budget: int) -> list[list[int]]:
        prices = sorted(prices)
        found: list[list[int]] = []
        chosen: list[int] = []

        def search(start: int, left: int) -> None:
            if left == 0:
                found.append(chosen.copy())
                return
            for i in range(start, len(prices)):
                if prices[i] > left:
                    break
                if i > 0 and prices[i] == prices[i - 1]:
                    continue
                chosen.append(prices[i])
                search(i + 1, left - prices[i])
                chosen.pop()

        search(0, budget)
        return found
