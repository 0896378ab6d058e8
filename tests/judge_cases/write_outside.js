// expect: OK
// limits: time=1 memory=64
// Writing anywhere but the box's own tmpfs fails; a write that works exits 1 (RE).
const fs = require("fs");

const marker = "barraiser-escape-marker";
let wrote = false;
for (const folder of ["", "/usr", "/src", "/tmp", "/etc", "/proc", "/work"]) {
    try {
        fs.writeFileSync(`${folder}/${marker}`, "x");
        console.log(folder, "WROTE");
        wrote = true;
    } catch (error) {
        console.log(folder, "denied", error.code);
    }
}
fs.writeFileSync("/box/ok", "fine");
process.exit(wrote ? 1 : 0);
