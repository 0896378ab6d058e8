// expect: OK
// limits: time=1 memory=64
// Only the box's own variables are visible; nothing of the host environment.
const allowed = new Set([
    "PATH", "HOME", "LANG", "TMPDIR", "PWD", "PYTHONPATH",
    "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
]);
const extra = Object.keys(process.env).filter((name) => !allowed.has(name));
if (extra.length) {
    console.log("host variables:", extra);
    process.exit(1);
}
console.log("clean");
