# Correct on small lists, but walks every group as many times as it is picked (without writing the
# expansion out): the work is the expanded length, up to 10^18.
import sys


def main() -> None:
    s = sys.stdin.readline().strip()
    # match[i]: the position of the ")" that closes the "(" at i.
    match = [0] * len(s)
    opened = []
    for i, ch in enumerate(s):
        if ch == "(":
            opened.append(i)
        elif ch == ")":
            match[opened.pop()] = i
    counts = [0] * 26
    # Walk s with an explicit stack of (group start, group end, repetitions left).
    stack = [(0, len(s), 1)]
    pos, number = 0, 0
    while stack:
        start, end, left = stack[-1]
        if pos == end:
            stack.pop()
            if left > 1:
                stack.append((start, end, left - 1))
                pos = start
            else:
                pos = end + 1
            continue
        ch = s[pos]
        if ch.isdigit():
            number = number * 10 + int(ch)
            pos += 1
        elif ch == "(":
            stack.append((pos + 1, match[pos], number))
            number = 0
            pos += 1
        else:
            counts[ord(ch) - 65] += 1
            pos += 1
    for i, c in enumerate(counts):
        if c:
            print(chr(65 + i), c)


main()
