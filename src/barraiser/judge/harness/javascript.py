# ruff: noqa: E501  (the embedded JavaScript is kept dense on purpose)
"""The JavaScript harness: ``main.js`` loads the candidate's ``solution.js`` and runs the tests.

Node cannot duplicate file descriptors, so the language's launcher does it before Node starts
(:meth:`barraiser.judge.languages.javascript.JavaScript.harness_run_argv`): fd 3 is the test
channel (the box's stdin), fd 4 the result channel (the box's stdout), fd 0 reads ``/dev/null``
and fd 1 is stderr.  ``console`` and ``process.stdout`` write to stderr as well.

Values: ``int`` and ``float`` are numbers, ``long`` is a BigInt (64-bit values do not fit a
double), ``bool`` a boolean, ``string`` a string and arrays are arrays.  A result of type
``long`` may be a BigInt or an integer number.
"""

from __future__ import annotations

import json

from barraiser.content.problems import Signature
from barraiser.judge.harness import camel

JS_TYPES = {
    "int": "number",
    "long": "bigint",
    "float": "number",
    "bool": "boolean",
    "string": "string",
}

_RUNTIME = r""""use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const { Console } = require("console");

const METHOD = %(method)s;
const TYPES = %(types)s;
const TESTS = 3, RESULTS = 4;
// What the candidate prints goes to stderr: the result channel is fd 4 alone.
Object.defineProperty(process, "stdout", { value: process.stderr, configurable: true, enumerable: true });
globalThis.console = new Console({ stdout: process.stderr, stderr: process.stderr });

function pause() { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1); }

function writeResult(text) {
  const data = Buffer.from(text, "utf8");
  for (let at = 0; at < data.length;) {
    try { at += fs.writeSync(RESULTS, data, at, data.length - at); }
    catch (error) { if (error.code !== "EAGAIN") throw error; pause(); }
  }
}

let carry = null;
function readLine() {
  const parts = [];
  if (carry !== null) {
    const nl = carry.indexOf(10);
    if (nl >= 0) { const line = carry.subarray(0, nl); carry = carry.subarray(nl + 1); return line.toString("utf8"); }
    parts.push(carry); carry = null;
  }
  for (;;) {
    const buffer = Buffer.allocUnsafe(1 << 16);
    let n;
    try { n = fs.readSync(TESTS, buffer, 0, buffer.length, null); }
    catch (error) { if (error.code === "EAGAIN") { pause(); continue; } throw error; }
    if (n === 0) { const rest = Buffer.concat(parts); return rest.length ? rest.toString("utf8") : null; }
    const got = buffer.subarray(0, n);
    const nl = got.indexOf(10);
    if (nl < 0) { parts.push(got); continue; }
    parts.push(got.subarray(0, nl));
    carry = nl + 1 < n ? Buffer.from(got.subarray(nl + 1)) : null;
    return Buffer.concat(parts).toString("utf8");
  }
}

function parseArgs(s) {
  let i = 0;
  const fail = () => { throw new Error("harness: bad input at " + i); };
  const ws = () => { while (i < s.length && (s[i] === " " || s[i] === "\n" || s[i] === "\r" || s[i] === "\t")) i++; };
  const expect = (c) => { ws(); if (s[i] !== c) fail(); i++; };
  const token = () => {
    ws(); const start = i;
    while (i < s.length && s[i] !== "," && s[i] !== "]" && s[i] !== " ") i++;
    if (i === start) fail();
    return s.slice(start, i);
  };
  const read = (type) => {
    if (type.endsWith("[]")) {
      const inner = type.slice(0, -2), out = [];
      expect("["); ws();
      if (s[i] === "]") { i++; return out; }
      for (;;) { out.push(read(inner)); ws(); if (s[i] === ",") { i++; continue; } expect("]"); return out; }
    }
    if (type === "string") {
      expect('"'); const start = i - 1;
      while (i < s.length && s[i] !== '"') i += s[i] === "\\" ? 2 : 1;
      if (i >= s.length) fail();
      i++;
      return JSON.parse(s.slice(start, i));
    }
    if (type === "bool") {
      ws();
      if (s.startsWith("true", i)) { i += 4; return true; }
      if (s.startsWith("false", i)) { i += 5; return false; }
      fail();
    }
    const text = token();
    if (type === "long") { try { return BigInt(text); } catch (error) { fail(); } }
    const value = Number(text);
    if (Number.isNaN(value) && text !== "NaN") fail();
    return value;
  };
  const args = [];
  expect("[");
  TYPES.forEach((type, n) => { if (n) expect(","); args.push(read(type)); });
  expect("]");
  return args;
}

function put(v) {
  switch (typeof v) {
    case "number":
      if (Number.isFinite(v)) return String(v);
      return Number.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
    case "bigint": return v.toString();
    case "boolean": return v ? "true" : "false";
    case "string": return JSON.stringify(v);
    case "object":
      if (v === null) return "null";
      if (Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView))) {
        const parts = [];
        for (const x of v) parts.push(put(x));
        return "[" + parts.join(",") + "]";
      }
      return JSON.stringify(v, (key, x) => (typeof x === "bigint" ? Number(x) : x)) ?? "null";
    default: return "null";
  }
}

const source = fs.readFileSync(path.join(__dirname, "solution.js"), "utf8");
// The candidate's code sees require and module like a CommonJS file; its first line stays line 1.
const wrapped = "(function (require, module, exports, __filename, __dirname) {" + source +
  "\n;return [typeof Solution === \"undefined\" ? undefined : Solution, typeof " + METHOD +
  " === \"undefined\" ? undefined : " + METHOD + "];\n})";
const loaded = { exports: {} };
const [SolutionClass, solutionFunction] = vm.runInThisContext(wrapped, { filename: "solution.js" })(
  require, loaded, loaded.exports, "/box/solution.js", "/box");
let call;
if (typeof SolutionClass === "function") {
  call = (args) => { const solution = new SolutionClass(); return solution[METHOD](...args); };
  if (typeof SolutionClass.prototype[METHOD] !== "function") {
    process.stderr.write("class Solution has no method " + METHOD + "; write it as in the starter code.\n");
    process.exit(1);
  }
} else if (typeof solutionFunction === "function") {
  call = (args) => solutionFunction(...args);
} else {
  process.stderr.write("solution.js defines no class Solution (with a method " + METHOD + "); write it as in the starter code.\n");
  process.exit(1);
}
writeResult("@@READY\n");
for (let k = 0; ; k++) {
  const line = readLine();
  if (line === null) break;
  const args = parseArgs(line);
  process.stderr.write("@@barraiser-test " + k + "@@\n");
  const result = call(args);
  writeResult("@@R " + k + " " + put(result) + "\n");
}
writeResult("@@END\n");
"""


def js_type(type_: str) -> str:
    """The JSDoc type of a signature type: ``int[][]`` -> ``number[][]``."""
    if type_.endswith("[]"):
        return js_type(type_[:-2]) + "[]"
    return JS_TYPES[type_]


def starter(signature: Signature) -> str:
    """``class Solution`` with the method to write, its types in JSDoc."""
    names = [camel(p.name) for p in signature.params]
    docs = "".join(
        f"     * @param {{{js_type(p.type)}}} {n}\n"
        for p, n in zip(signature.params, names, strict=True)
    )
    return (
        f"class Solution {{\n    /**\n{docs}     * @return {{{js_type(signature.returns)}}}\n"
        f"     */\n    {signature.camel_name}({', '.join(names)}) {{\n        \n    }}\n}}\n"
    )


def build(signature: Signature, source: str) -> dict[str, str]:
    """``main.js`` (the harness) and ``solution.js`` (the candidate's code)."""
    main = _RUNTIME.replace("%(method)s", json.dumps(signature.camel_name)).replace(
        "%(types)s", json.dumps([p.type for p in signature.params])
    )
    return {"main.js": main, "solution.js": source}
