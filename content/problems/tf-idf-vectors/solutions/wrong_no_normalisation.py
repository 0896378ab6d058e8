# Returns the raw tf * idf weights without scaling each document's vector to length 1: long
# documents get large weights whatever their words.
import math
from collections import Counter


class Solution:
    def tf_idf(self, documents: list[str]) -> list[list[float]]:
        counts = [Counter(doc.split()) for doc in documents]
        vocabulary = sorted(set().union(*counts))
        n = len(documents)
        df = Counter(word for c in counts for word in c)
        idf = {w: math.log((1 + n) / (1 + df[w])) + 1 for w in vocabulary}
        return [[c[w] * idf[w] for w in vocabulary] for c in counts]
