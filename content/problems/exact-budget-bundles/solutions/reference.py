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
                if i > start and prices[i] == prices[i - 1]:
                    continue
                chosen.append(prices[i])
                search(i + 1, left - prices[i])
                chosen.pop()

        search(0, budget)
        return found
