class Solution:
    def count_suppliers(self, accounts: list[list[str]]) -> int:
        n = len(accounts)
        parent = list(range(n))
        size = [1] * n

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]  # path halving
                x = parent[x]
            return x

        suppliers = n
        owner: dict[str, int] = {}  # identifier -> first account that listed it
        for i, identifiers in enumerate(accounts):
            for ident in identifiers:
                first = owner.setdefault(ident, i)
                if first == i:
                    continue
                a, b = find(i), find(first)
                if a == b:
                    continue
                if size[a] < size[b]:
                    a, b = b, a
                parent[b] = a
                size[a] += size[b]
                suppliers -= 1
        return suppliers
