# Puts each account into the group of the first identifier it has already seen (or a new group)
# and never merges two existing groups. An account that bridges two groups leaves them apart.
class Solution:
    def count_suppliers(self, accounts: list[list[str]]) -> int:
        group_of: dict[str, int] = {}
        groups = 0
        for identifiers in accounts:
            group = next((group_of[i] for i in identifiers if i in group_of), None)
            if group is None:
                group = groups
                groups += 1
            for ident in identifiers:
                group_of.setdefault(ident, group)
        return groups
