#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

int main() {
    std::ios::sync_with_stdio(false);
    std::string s;
    std::cin >> s;
    long long counts[26] = {0};
    std::vector<long long> saved;  // the factor outside each open group
    long long factor = 1;          // the product of the open groups' multipliers (<= 10^18)
    long long number = 0;
    for (char ch : s) {
        if (ch >= '0' && ch <= '9') {
            number = number * 10 + (ch - '0');
        } else if (ch == '(') {
            saved.push_back(factor);
            factor *= number;
            number = 0;
        } else if (ch == ')') {
            factor = saved.back();
            saved.pop_back();
        } else {
            counts[ch - 'A'] += factor;
        }
    }
    for (int i = 0; i < 26; ++i)
        if (counts[i] > 0) std::printf("%c %lld\n", 'A' + i, counts[i]);
    return 0;
}
