# A stack of products, but the multiplier is read as the single digit right before "(": "12(X)"
# counts X twice instead of twelve times.
import sys


def main() -> None:
    s = sys.stdin.readline().strip()
    counts = [0] * 26
    saved: list[int] = []
    factor = 1
    for i, ch in enumerate(s):
        if ch == "(":
            saved.append(factor)
            factor *= int(s[i - 1])
        elif ch == ")":
            factor = saved.pop()
        elif ch.isalpha():
            counts[ord(ch) - 65] += factor
    for i, c in enumerate(counts):
        if c:
            print(chr(65 + i), c)


main()
