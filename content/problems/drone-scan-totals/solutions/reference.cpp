#include <algorithm>
#include <cstdio>
#include <vector>

// A small buffered reader: up to 850,000 numbers.
static char buffer[1 << 16];
static size_t length = 0, pointer = 0;

static int readChar() {
    if (pointer == length) {
        length = std::fread(buffer, 1, sizeof buffer, stdin);
        pointer = 0;
        if (length == 0) return -1;
    }
    return buffer[pointer++];
}

static long long readInt() {
    int c = readChar();
    while (c != -1 && (c < '0' || c > '9')) c = readChar();
    long long value = 0;
    while (c >= '0' && c <= '9') {
        value = value * 10 + (c - '0');
        c = readChar();
    }
    return value;
}

int main() {
    const long long rows = readInt(), cols = readInt();
    const long long width = cols + 1;
    // prefix[i * width + j]: the total of rows 1..i and columns 1..j; row 0 and column 0 are 0.
    std::vector<long long> prefix((rows + 1) * width, 0);
    for (long long i = 1; i <= rows; ++i) {
        long long running = 0;
        for (long long j = 1; j <= cols; ++j) {
            running += readInt();
            prefix[i * width + j] = prefix[(i - 1) * width + j] + running;
        }
    }
    const long long q = readInt();
    std::vector<char> out;
    out.reserve(q * 16);
    char digits[24];
    for (long long k = 0; k < q; ++k) {
        const long long r = readInt(), c = readInt(), d = readInt();
        const long long top = std::max(0LL, r - d - 1) * width;
        const long long bottom = std::min(rows, r + d) * width;
        const long long left = std::max(0LL, c - d - 1);
        const long long right = std::min(cols, c + d);
        long long total = prefix[bottom + right] - prefix[top + right] - prefix[bottom + left] +
                          prefix[top + left];
        int n = 0;
        do {
            digits[n++] = static_cast<char>('0' + total % 10);
            total /= 10;
        } while (total > 0);
        while (n > 0) out.push_back(digits[--n]);
        out.push_back('\n');
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
