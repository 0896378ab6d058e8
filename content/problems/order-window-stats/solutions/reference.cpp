#include <cstdio>
#include <vector>

// A small buffered reader for up to 200,000 operations.
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

// Skips blanks and returns the first letter of the next word, skipping the rest of it.
static int readWord() {
    int c = readChar();
    while (c == ' ' || c == '\n' || c == '\r' || c == '\t') c = readChar();
    const int first = c;
    while (c != -1 && c != ' ' && c != '\n' && c != '\r' && c != '\t') c = readChar();
    return first;
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
    const int q = static_cast<int>(readInt());
    const long long window = readInt();
    // Both queues are arrays with a head index: every order is appended at most once.
    std::vector<long long> orderTime(q), orderValue(q), bestTime(q), bestValue(q);
    size_t orderHead = 0, orderTail = 0, bestHead = 0, bestTail = 0;
    long long total = 0;
    std::vector<char> out;
    out.reserve(static_cast<size_t>(q) * 32);
    char text[64];
    for (int k = 0; k < q; ++k) {
        if (readWord() == 'o') {
            const long long t = readInt(), v = readInt();
            orderTime[orderTail] = t;
            orderValue[orderTail++] = v;
            total += v;
            while (bestTail > bestHead && bestValue[bestTail - 1] <= v) --bestTail;
            bestTime[bestTail] = t;
            bestValue[bestTail++] = v;
        } else {
            const long long oldest = readInt() - window;
            while (orderHead < orderTail && orderTime[orderHead] <= oldest) total -= orderValue[orderHead++];
            while (bestHead < bestTail && bestTime[bestHead] <= oldest) ++bestHead;
            const long long largest = bestHead < bestTail ? bestValue[bestHead] : 0;
            const int n = std::snprintf(text, sizeof text, "%zu %lld %lld\n", orderTail - orderHead,
                                        total, largest);
            out.insert(out.end(), text, text + n);
        }
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
