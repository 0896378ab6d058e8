// expect: TLE
// limits: time=1 memory=128
// Children that spin, started as fast as child_process can: the pids limit stops the spawning,
// the CPU limit the spinning.
const { spawn } = require("child_process");

for (;;) {
    try {
        spawn("/bin/sh", ["-c", "while :; do :; done"], { stdio: "ignore" }).on("error", () => {});
    } catch (error) {
        // EAGAIN at the pids limit: keep trying (and burning CPU)
    }
}
