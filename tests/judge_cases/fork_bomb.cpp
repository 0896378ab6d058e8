// expect: TLE
// limits: time=1 memory=128
#include <unistd.h>
int main() {
    for (;;) fork();
}
