# Greedy: keep taking parcels from the current belt while its next parcel matches the record, and
# swing only when it does not. When both belts offer the same label the choice matters later, so
# the greedy can swing more than needed or get stuck on a record that a merge does produce.
class Solution:
    def fewest_switches(self, a: str, b: str, s: str) -> int:
        if len(a) + len(b) != len(s):
            return -1
        belts = (a, b)
        best = -1
        for first in (0, 1):  # try starting on either belt
            pos = [0, 0]
            belt, swings, ok = first, 0, True
            for k, c in enumerate(s):
                if pos[belt] < len(belts[belt]) and belts[belt][pos[belt]] == c:
                    pos[belt] += 1
                    continue
                other = 1 - belt
                if pos[other] < len(belts[other]) and belts[other][pos[other]] == c:
                    if k > 0:
                        swings += 1
                    belt = other
                    pos[belt] += 1
                else:
                    ok = False
                    break
            if ok and (best < 0 or swings < best):
                best = swings
        return best
