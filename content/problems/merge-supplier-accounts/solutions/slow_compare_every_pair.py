# Correct but quadratic: intersects the identifier sets of every pair of accounts.
class Solution:
    def count_suppliers(self, accounts: list[list[str]]) -> int:
        n = len(accounts)
        sets = [set(ids) for ids in accounts]
        label = list(range(n))

        def find(x: int) -> int:
            while label[x] != x:
                label[x] = label[label[x]]
                x = label[x]
            return x

        suppliers = n
        for i in range(n):
            for j in range(i + 1, n):
                if not sets[i].isdisjoint(sets[j]):
                    a, b = find(i), find(j)
                    if a != b:
                        label[a] = b
                        suppliers -= 1
        return suppliers
