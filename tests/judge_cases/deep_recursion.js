// expect: RE
// limits: time=2 memory=64
// Unbounded recursion: V8's stack (--stack-size, half the memory limit) runs out before the
// box's stack rlimit, so it is a RangeError (RE), never a crash of Node itself.  C++ has no
// such check: its stack grows to the memory limit (stack_recursion.cpp, MLE).
function deep(n) {
    return n === 0 ? 0 : 1 + deep(n - 1);
}
try {
    deep(1e9);
} catch (error) {
    if (!(error instanceof RangeError)) process.exit(0); // anything else would pass as OK
    throw error;
}
