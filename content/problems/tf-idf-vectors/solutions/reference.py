import math
from collections import Counter


class Solution:
    def tf_idf(self, documents: list[str]) -> list[list[float]]:
        counts = [Counter(doc.split()) for doc in documents]
        vocabulary = sorted(set().union(*counts))
        column = {word: j for j, word in enumerate(vocabulary)}
        n = len(documents)
        df = Counter(word for c in counts for word in c)
        # Smoothed idf: as if one extra document contained every word once.
        idf = [math.log((1 + n) / (1 + df[word])) + 1 for word in vocabulary]
        rows = []
        for c in counts:
            row = [0.0] * len(vocabulary)
            for word, tf in c.items():
                row[column[word]] = tf * idf[column[word]]
            norm = math.sqrt(sum(v * v for v in row))
            rows.append([v / norm for v in row] if norm > 0 else row)
        return rows
