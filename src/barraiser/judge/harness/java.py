# ruff: noqa: E501  (the embedded C++/Java/Python is kept dense on purpose)
"""The Java 17 harness: the candidate's file (imports and ``class Solution``) plus ``Main``."""

from __future__ import annotations

import re

from barraiser.content.problems import Signature
from barraiser.judge.harness import camel

JAVA_TYPES = {
    "int": "int",
    "long": "long",
    "float": "double",
    "bool": "boolean",
    "string": "String",
}
_PUBLIC_SOLUTION = re.compile(r"\bpublic(\s+(?:final\s+)?class\s+Solution\b)")

_RUNTIME = r"""
public class Main {
    static final class R {
        final String s; int i = 0;
        R(String s) { this.s = s; }
        RuntimeException fail() { return new IllegalArgumentException("harness: bad input at " + i); }
        void ws() { while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++; }
        void expect(char c) { ws(); if (i >= s.length() || s.charAt(i) != c) throw fail(); i++; }
        boolean peek(char c) { ws(); return i < s.length() && s.charAt(i) == c; }
        String number() {
            ws(); int b = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
            if (b == i) throw fail();
            return s.substring(b, i);
        }
        // Integers are read in place, without a substring or a boxed value: the test's time
        // includes reading its input.
        long readLong() {
            ws(); int b = i;
            if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) i++;
            int d = i; long v = 0;
            for (char c; i < s.length() && (c = s.charAt(i)) >= '0' && c <= '9'; i++)
                v = Math.subtractExact(Math.multiplyExact(v, 10L), (long) (c - '0'));
            if (i == d || (i < s.length() && ".eE".indexOf(s.charAt(i)) >= 0)) throw fail();
            return s.charAt(b) == '-' ? v : Math.negateExact(v);
        }
        int readInt() { return Math.toIntExact(readLong()); }
        double readDouble() {
            ws();
            if (s.startsWith("NaN", i)) { i += 3; return Double.NaN; }
            if (s.startsWith("Infinity", i)) { i += 8; return Double.POSITIVE_INFINITY; }
            if (s.startsWith("-Infinity", i)) { i += 9; return Double.NEGATIVE_INFINITY; }
            return Double.parseDouble(number());
        }
        boolean readBool() {
            ws();
            if (s.startsWith("true", i)) { i += 4; return true; }
            if (s.startsWith("false", i)) { i += 5; return false; }
            throw fail();
        }
        String readString() {
            expect('"'); StringBuilder o = new StringBuilder();
            while (true) {
                if (i >= s.length()) throw fail();
                char c = s.charAt(i++);
                if (c == '"') return o.toString();
                if (c != '\\') { o.append(c); continue; }
                char e = s.charAt(i++);
                switch (e) {
                    case '"': o.append('"'); break; case '\\': o.append('\\'); break;
                    case '/': o.append('/'); break; case 'b': o.append('\b'); break;
                    case 'f': o.append('\f'); break; case 'n': o.append('\n'); break;
                    case 'r': o.append('\r'); break; case 't': o.append('\t'); break;
                    case 'u': o.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; break;
                    default: throw fail();
                }
            }
        }
        interface Item<T> { T get(); }
        <T> java.util.ArrayList<T> list(Item<T> f) {
            expect('['); java.util.ArrayList<T> v = new java.util.ArrayList<>();
            if (peek(']')) { i++; return v; }
            while (true) { v.add(f.get()); if (peek(',')) { i++; continue; } expect(']'); return v; }
        }
        int[] readIntArray() {
            expect('['); int[] a = new int[8]; int n = 0;
            if (peek(']')) { i++; return new int[0]; }
            while (true) {
                if (n == a.length) a = java.util.Arrays.copyOf(a, 2 * n);
                a[n++] = readInt();
                if (peek(',')) { i++; continue; }
                expect(']'); return java.util.Arrays.copyOf(a, n);
            }
        }
        long[] readLongArray() {
            expect('['); long[] a = new long[8]; int n = 0;
            if (peek(']')) { i++; return new long[0]; }
            while (true) {
                if (n == a.length) a = java.util.Arrays.copyOf(a, 2 * n);
                a[n++] = readLong();
                if (peek(',')) { i++; continue; }
                expect(']'); return java.util.Arrays.copyOf(a, n);
            }
        }
        double[] readDoubleArray() { return list(this::readDouble).stream().mapToDouble(x -> x).toArray(); }
        boolean[] readBoolArray() {
            java.util.ArrayList<Boolean> v = list(this::readBool);
            boolean[] a = new boolean[v.size()]; for (int k = 0; k < a.length; k++) a[k] = v.get(k); return a;
        }
        String[] readStringArray() { return list(this::readString).toArray(new String[0]); }
        int[][] readIntArray2() { return list(this::readIntArray).toArray(new int[0][]); }
        String[][] readStringArray2() { return list(this::readStringArray).toArray(new String[0][]); }
    }
    static void put(StringBuilder o, int v) { o.append(v); }
    static void put(StringBuilder o, long v) { o.append(v); }
    static void put(StringBuilder o, double v) {
        if (Double.isNaN(v)) o.append("NaN");
        else if (Double.isInfinite(v)) o.append(v > 0 ? "Infinity" : "-Infinity");
        else o.append(Double.toString(v));
    }
    static void put(StringBuilder o, boolean v) { o.append(v ? "true" : "false"); }
    static void put(StringBuilder o, String v) {
        if (v == null) { o.append("null"); return; }
        o.append('"');
        for (int k = 0; k < v.length(); k++) {
            char c = v.charAt(k);
            if (c == '"') o.append("\\\""); else if (c == '\\') o.append("\\\\");
            else if (c == '\n') o.append("\\n"); else if (c == '\r') o.append("\\r");
            else if (c == '\t') o.append("\\t");
            else if (c < 0x20) o.append(String.format("\\u%04x", (int) c));
            else o.append(c);
        }
        o.append('"');
    }
    static void put(StringBuilder o, int[] v) { if (v == null) { o.append("null"); return; } o.append('['); for (int k = 0; k < v.length; k++) { if (k > 0) o.append(','); put(o, v[k]); } o.append(']'); }
    static void put(StringBuilder o, long[] v) { if (v == null) { o.append("null"); return; } o.append('['); for (int k = 0; k < v.length; k++) { if (k > 0) o.append(','); put(o, v[k]); } o.append(']'); }
    static void put(StringBuilder o, double[] v) { if (v == null) { o.append("null"); return; } o.append('['); for (int k = 0; k < v.length; k++) { if (k > 0) o.append(','); put(o, v[k]); } o.append(']'); }
    static void put(StringBuilder o, boolean[] v) { if (v == null) { o.append("null"); return; } o.append('['); for (int k = 0; k < v.length; k++) { if (k > 0) o.append(','); put(o, v[k]); } o.append(']'); }
    static void put(StringBuilder o, String[] v) { if (v == null) { o.append("null"); return; } o.append('['); for (int k = 0; k < v.length; k++) { if (k > 0) o.append(','); put(o, v[k]); } o.append(']'); }
    static void put(StringBuilder o, int[][] v) { if (v == null) { o.append("null"); return; } o.append('['); for (int k = 0; k < v.length; k++) { if (k > 0) o.append(','); put(o, v[k]); } o.append(']'); }
    static void put(StringBuilder o, String[][] v) { if (v == null) { o.append("null"); return; } o.append('['); for (int k = 0; k < v.length; k++) { if (k > 0) o.append(','); put(o, v[k]); } o.append(']'); }

    public static void main(String[] argv) throws Exception {
        java.io.BufferedReader in = new java.io.BufferedReader(
            new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
        final java.io.PrintStream res = new java.io.PrintStream(
            new java.io.FileOutputStream(java.io.FileDescriptor.out), false, "UTF-8");
        System.setOut(System.err);
        System.setIn(new java.io.ByteArrayInputStream(new byte[0]));
        res.print("@@READY\n");
        res.flush();
        int k = 0;
        for (String line; (line = in.readLine()) != null; k++) {
            R r = new R(line);
            r.expect('[');
%(read)s
            r.expect(']');
            System.err.print("@@barraiser-test " + k + "@@\n");
            System.err.flush();
            Solution solution = new Solution();
            %(ret)s result = solution.%(method)s(%(args)s);
            System.err.flush();
            StringBuilder out = new StringBuilder();
            out.append("@@R ").append(k).append(' ');
            put(out, result);
            out.append('\n');
            res.print(out);
            res.flush();
        }
        res.print("@@END\n");
        res.flush();
        System.exit(0);
    }
}
"""


def java_type(type_: str) -> str:
    if type_.endswith("[]"):
        return java_type(type_[:-2]) + "[]"
    return JAVA_TYPES[type_]


def _reader(type_: str) -> str:
    names = {
        "int": "Int",
        "long": "Long",
        "float": "Double",
        "bool": "Bool",
        "string": "String",
    }
    if type_.endswith("[][]"):
        return f"r.read{names[type_[:-4]]}Array2()"
    if type_.endswith("[]"):
        return f"r.read{names[type_[:-2]]}Array()"
    return f"r.read{names[type_]}()"


def starter(signature: Signature) -> str:
    """``class Solution`` with the method to write."""
    params = ", ".join(f"{java_type(p.type)} {camel(p.name)}" for p in signature.params)
    return (
        f"import java.util.*;\n\nclass Solution {{\n    public {java_type(signature.returns)} "
        f"{signature.camel_name}({params}) {{\n        \n    }}\n}}\n"
    )


def build(signature: Signature, source: str) -> dict[str, str]:
    """``Main.java``: the candidate's code (``public`` dropped from Solution) and ``Main``."""
    reads = []
    for n, param in enumerate(signature.params):
        if n:
            reads.append("            r.expect(',');")
        reads.append(f"            {java_type(param.type)} a{n} = {_reader(param.type)};")
    runtime = (
        _RUNTIME.replace("%(read)s", "\n".join(reads))
        .replace("%(ret)s", java_type(signature.returns))
        .replace("%(method)s", signature.camel_name)
        .replace("%(args)s", ", ".join(f"a{n}" for n in range(len(signature.params))))
    )
    return {"Main.java": _PUBLIC_SOLUTION.sub(r"\1", source) + "\n" + runtime}
