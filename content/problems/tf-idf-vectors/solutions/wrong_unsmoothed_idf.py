# Uses the textbook idf ln(n / df) without the smoothing and the + 1 the statement asks for: a
# word in every document gets weight 0, and every other weight changes.
import math
from collections import Counter


class Solution:
    def tf_idf(self, documents: list[str]) -> list[list[float]]:
        counts = [Counter(doc.split()) for doc in documents]
        vocabulary = sorted(set().union(*counts))
        n = len(documents)
        df = Counter(word for c in counts for word in c)
        rows = []
        for c in counts:
            row = [c[word] * math.log(n / df[word]) for word in vocabulary]
            norm = math.sqrt(sum(v * v for v in row))
            rows.append([v / norm for v in row] if norm > 0 else row)
        return rows
