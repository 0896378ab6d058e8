import sys


def main() -> None:
    s = sys.stdin.buffer.read().strip()
    counts = [0] * 26
    saved: list[int] = []  # the factor outside each open group
    factor = 1  # the product of the open groups' multipliers
    number = 0
    for byte in s:
        if 48 <= byte <= 57:  # a digit of a multiplier
            number = number * 10 + byte - 48
        elif byte == 40:  # "("
            saved.append(factor)
            factor *= number
            number = 0
        elif byte == 41:  # ")"
            factor = saved.pop()
        else:
            counts[byte - 65] += factor
    out = [f"{chr(65 + i)} {c}" for i, c in enumerate(counts) if c]
    sys.stdout.write("\n".join(out) + "\n")


main()
