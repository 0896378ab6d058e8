class Solution:
    def restore_codes(self, digits: str, parts: int, max_value: int) -> list[str]:
        n = len(digits)
        widest = len(str(max_value))  # no valid part has more digits than max_value
        found: list[str] = []
        chosen: list[str] = []

        def search(start: int) -> None:
            left_parts = parts - len(chosen)
            left_digits = n - start
            if left_parts == 0:
                if left_digits == 0:
                    found.append("-".join(chosen))
                return
            # Every remaining part needs between 1 and `widest` digits.
            if not left_parts <= left_digits <= left_parts * widest:
                return
            for end in range(start + 1, min(n, start + widest) + 1):
                piece = digits[start:end]
                if len(piece) > 1 and piece[0] == "0":
                    break  # a leading zero: longer pieces from here have one too
                if int(piece) > max_value:
                    break  # longer pieces are larger still
                chosen.append(piece)
                search(end)
                chosen.pop()

        search(0)
        return found
