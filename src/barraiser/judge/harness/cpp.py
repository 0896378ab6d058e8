# ruff: noqa: E501  (the embedded C++/Java/Python is kept dense on purpose)
"""The C++17 harness: headers, the candidate's code, then a small JSON reader/writer and main."""

from __future__ import annotations

from barraiser.content.problems import Signature
from barraiser.judge.harness import camel

CPP_TYPES = {
    "int": "int",
    "long": "long long",
    "float": "double",
    "bool": "bool",
    "string": "string",
}

_PRELUDE = """#include <bits/stdc++.h>
#include <fcntl.h>
#include <unistd.h>
using namespace std;
#line 1 "solution.cpp"
"""

_RUNTIME = r"""
#line 1 "harness.cpp"
namespace barraiser_harness {
static int res_fd = -1, in_fd = -1;
struct Reader {
    const string& s;
    size_t i = 0;
    explicit Reader(const string& text) : s(text) {}
    [[noreturn]] void fail() { fprintf(stderr, "harness: bad input at %zu\n", i); _exit(3); }
    void ws() { while (i < s.size() && isspace((unsigned char)s[i])) i++; }
    void expect(char c) { ws(); if (i >= s.size() || s[i] != c) fail(); i++; }
    bool peek(char c) { ws(); return i < s.size() && s[i] == c; }
    long long readLong() {
        ws(); const char* b = s.c_str() + i; char* e; errno = 0;
        long long v = strtoll(b, &e, 10); if (e == b || errno) fail(); i += e - b; return v;
    }
    int readInt() { return (int)readLong(); }
    double readDouble() {
        ws();
        if (s.compare(i, 3, "NaN") == 0) { i += 3; return NAN; }
        if (s.compare(i, 8, "Infinity") == 0) { i += 8; return INFINITY; }
        if (s.compare(i, 9, "-Infinity") == 0) { i += 9; return -INFINITY; }
        const char* b = s.c_str() + i; char* e; double v = strtod(b, &e);
        if (e == b) fail(); i += e - b; return v;
    }
    bool readBool() {
        ws();
        if (s.compare(i, 4, "true") == 0) { i += 4; return true; }
        if (s.compare(i, 5, "false") == 0) { i += 5; return false; }
        fail();
    }
    unsigned hex4() {
        if (i + 4 > s.size()) fail();
        unsigned v = (unsigned)stoul(s.substr(i, 4), nullptr, 16); i += 4; return v;
    }
    static void utf8(string& o, unsigned cp) {
        if (cp < 0x80) o += (char)cp;
        else if (cp < 0x800) { o += (char)(0xC0 | (cp >> 6)); o += (char)(0x80 | (cp & 63)); }
        else if (cp < 0x10000) { o += (char)(0xE0 | (cp >> 12)); o += (char)(0x80 | ((cp >> 6) & 63)); o += (char)(0x80 | (cp & 63)); }
        else { o += (char)(0xF0 | (cp >> 18)); o += (char)(0x80 | ((cp >> 12) & 63)); o += (char)(0x80 | ((cp >> 6) & 63)); o += (char)(0x80 | (cp & 63)); }
    }
    string readString() {
        expect('"'); string o;
        while (true) {
            if (i >= s.size()) fail();
            char c = s[i++];
            if (c == '"') return o;
            if (c != '\\') { o += c; continue; }
            if (i >= s.size()) fail();
            char e = s[i++];
            switch (e) {
                case '"': o += '"'; break; case '\\': o += '\\'; break; case '/': o += '/'; break;
                case 'b': o += '\b'; break; case 'f': o += '\f'; break; case 'n': o += '\n'; break;
                case 'r': o += '\r'; break; case 't': o += '\t'; break;
                case 'u': {
                    unsigned cp = hex4();
                    if (cp >= 0xD800 && cp < 0xDC00 && s.compare(i, 2, "\\u") == 0) {
                        i += 2; unsigned lo = hex4(); cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    }
                    utf8(o, cp); break;
                }
                default: fail();
            }
        }
    }
    template <class T, class F> vector<T> readArray(F f) {
        expect('['); vector<T> v;
        if (peek(']')) { i++; return v; }
        while (true) { v.push_back(f()); if (peek(',')) { i++; continue; } expect(']'); return v; }
    }
};
static void put(string& o, int v) { o += to_string(v); }
static void put(string& o, long long v) { o += to_string(v); }
static void put(string& o, double v) {
    if (std::isnan(v)) { o += "NaN"; return; }
    if (std::isinf(v)) { o += v > 0 ? "Infinity" : "-Infinity"; return; }
    char b[40]; snprintf(b, sizeof b, "%.17g", v); o += b;
}
static void put(string& o, bool v) { o += v ? "true" : "false"; }
static void put(string& o, const string& v) {
    o += '"';
    for (unsigned char c : v) {
        if (c == '"') o += "\\\""; else if (c == '\\') o += "\\\\";
        else if (c == '\n') o += "\\n"; else if (c == '\r') o += "\\r"; else if (c == '\t') o += "\\t";
        else if (c < 0x20) { char b[8]; snprintf(b, sizeof b, "\\u%04x", c); o += b; }
        else o += (char)c;
    }
    o += '"';
}
static void put(string& o, const vector<bool>& v) {
    o += '['; for (size_t k = 0; k < v.size(); k++) { if (k) o += ','; put(o, (bool)v[k]); } o += ']';
}
template <class T> static void put(string& o, const vector<T>& v) {
    o += '['; for (size_t k = 0; k < v.size(); k++) { if (k) o += ','; put(o, v[k]); } o += ']';
}
static void emit(const string& s) {
    for (size_t w = 0; w < s.size();) {
        ssize_t n = write(res_fd, s.data() + w, s.size() - w);
        if (n <= 0) _exit(5);
        w += (size_t)n;
    }
}
// One line of the test channel (the original stdin), read with read(2), so whatever the
// candidate's code does to cin (sync_with_stdio, its state) changes nothing here.
static bool read_line(string& line) {
    static char buf[1 << 16]; static size_t at = 0, end = 0;
    line.clear();
    while (true) {
        if (at == end) {
            ssize_t n = read(in_fd, buf, sizeof buf);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return !line.empty();
            at = 0; end = (size_t)n;
        }
        char* nl = (char*)memchr(buf + at, '\n', end - at);
        size_t stop = nl ? (size_t)(nl - buf) : end;
        line.append(buf + at, stop - at);
        at = nl ? stop + 1 : end;
        if (nl) return true;
    }
}
}  // namespace barraiser_harness

int main() {
    using namespace barraiser_harness;
    in_fd = dup(0);
    int null_fd = open("/dev/null", O_RDONLY);
    if (null_fd >= 0) { dup2(null_fd, 0); close(null_fd); }
    res_fd = dup(1); dup2(2, 1);
    setvbuf(stdout, nullptr, _IOLBF, 1 << 16);
    barraiser_harness::emit("@@READY\n");
    string line;
    for (size_t k = 0; barraiser_harness::read_line(line); k++) {
        Reader r(line);
        r.expect('[');
%(read)s
        r.expect(']');
        cout.flush(); fflush(stdout);
        fprintf(stderr, "@@barraiser-test %zu@@\n", k); fflush(stderr);
        Solution* solution = new Solution();
        auto result = solution->%(method)s(%(args)s);
        cout.flush(); fflush(stdout);
        string out = "@@R " + to_string(k) + " ";
        put(out, result);
        out += "\n";
        barraiser_harness::emit(out);
        delete solution;
    }
    barraiser_harness::emit("@@END\n");
    return 0;
}
"""


def cpp_type(type_: str) -> str:
    if type_.endswith("[]"):
        return f"vector<{cpp_type(type_[:-2])}>"
    return CPP_TYPES[type_]


def _reader(type_: str) -> str:
    if type_.endswith("[]"):
        inner = type_[:-2]
        return f"r.readArray<{cpp_type(inner)}>([&] {{ return {_reader(inner)}; }})"
    name = {"int": "Int", "long": "Long", "float": "Double", "bool": "Bool", "string": "String"}
    return f"r.read{name[type_]}()"


def _param(type_: str) -> str:
    return f"{cpp_type(type_)}&" if type_.endswith("[]") or type_ == "string" else cpp_type(type_)


def starter(signature: Signature) -> str:
    """``class Solution`` with the method to write (containers and strings by reference)."""
    params = ", ".join(f"{_param(p.type)} {camel(p.name)}" for p in signature.params)
    return (
        f"class Solution {{\npublic:\n    {cpp_type(signature.returns)} "
        f"{signature.camel_name}({params}) {{\n        \n    }}\n}};\n"
    )


def build(signature: Signature, source: str) -> dict[str, str]:
    """``main.cpp``: the prelude, the candidate's code and the harness."""
    reads = []
    for n, param in enumerate(signature.params):
        if n:
            reads.append("        r.expect(',');")
        reads.append(f"        {cpp_type(param.type)} a{n} = {_reader(param.type)};")
    runtime = (
        _RUNTIME.replace("%(read)s", "\n".join(reads))
        .replace("%(method)s", signature.camel_name)
        .replace("%(args)s", ", ".join(f"a{n}" for n in range(len(signature.params))))
    )
    return {"main.cpp": _PRELUDE + source + "\n" + runtime}
