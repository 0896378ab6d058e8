// expect: OK
// limits: time=2 memory=64
// An external address, the host's loopback, DNS and UDP: the box has no network at all.  Every
// attempt must fail; one that succeeds exits 1 (RE).
const net = require("net");
const dns = require("dns");
const dgram = require("dgram");

const attempts = [
    (done) => net.connect({ host: "1.1.1.1", port: 53, timeout: 1000 })
        .on("connect", () => done("connected to 1.1.1.1"))
        .on("error", () => done(null))
        .on("timeout", function () { this.destroy(); done(null); }),
    (done) => net.connect({ host: "127.0.0.1", port: 8000, timeout: 1000 })
        .on("connect", () => done("connected to 127.0.0.1:8000"))
        .on("error", () => done(null))
        .on("timeout", function () { this.destroy(); done(null); }),
    (done) => dns.lookup("example.com", (error) => done(error ? null : "resolved example.com")),
    (done) => {
        try {
            const socket = dgram.createSocket("udp4");
            socket.on("error", () => done(null));
            socket.send("x", 53, "1.1.1.1", (error) => { socket.close(); done(error ? null : "sent UDP"); });
        } catch (error) {
            done(null);
        }
    },
];
let left = attempts.length;
for (const attempt of attempts) {
    attempt((reached) => {
        if (reached) {
            console.log("reached the network:", reached);
            process.exit(1);
        }
        if (--left === 0) console.log("offline");
    });
}
