// expect: OLE
// limits: time=2 memory=64
#include <cstdio>
int main() {
    static char line[65536];
    for (auto &c : line) c = 'e';
    for (;;) fwrite(line, 1, sizeof line, stderr);
}
