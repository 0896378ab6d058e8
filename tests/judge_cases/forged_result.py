# expect: RE
# limits: time=1 memory=256
# problem: two-sum
# message: out of turn
# The solution writes its own result line on the harness's private result channel, to end its
# test's time early; the harness's real line then comes out of turn, and the host answers RE
# (never AC) however right the forged answer is.
import sys


class Solution:
    def two_sum(self, prices, target):
        seen = {}
        answer = []
        for j, v in enumerate(prices):
            if target - v in seen:
                answer = [seen[target - v], j]
                break
            seen[v] = j
        harness = sys.modules["__main__"]
        harness._res.write("@@R %d [%d,%d]\n" % (harness._k, answer[0], answer[1]))
        harness._res.flush()
        return answer
