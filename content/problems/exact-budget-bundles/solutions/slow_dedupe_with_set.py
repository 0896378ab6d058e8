# Correct but exponential in the number of equal prices: it tries every choice of positions and
# removes repeated bundles only at the end, so a hundred items priced 1 with budget 30 means
# C(100, 30) branches for a single bundle.
class Solution:
    def exact_bundles(self, prices: list[int], budget: int) -> list[list[int]]:
        prices = sorted(prices)
        found: set[tuple[int, ...]] = set()
        chosen: list[int] = []

        def search(start: int, left: int) -> None:
            if left == 0:
                found.add(tuple(chosen))
                return
            for i in range(start, len(prices)):
                if prices[i] > left:
                    break
                chosen.append(prices[i])
                search(i + 1, left - prices[i])
                chosen.pop()

        search(0, budget)
        return [list(bundle) for bundle in found]
