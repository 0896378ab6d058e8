// expect: TLE
// limits: time=0.5 memory=64
let x = 0;
for (;;) x = (x + 1) | 0;
