// expect: TLE
// limits: time=0.5 memory=256
// Worker threads burning CPU side by side: the cgroup sums every thread's CPU.
const { Worker } = require("worker_threads");

for (let i = 0; i < 2; i++) new Worker("for (;;) {}", { eval: true });
for (;;) {}
