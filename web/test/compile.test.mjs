// Unit tests of the compile error parser (src/compile.ts), bundled on the fly.
//   node --test web/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../src/compile.ts', import.meta.url));
const out = await esbuild.build({ entryPoints: [src], bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'silent' });
const { parseCompileOutput } = await import('data:text/javascript;base64,' + Buffer.from(out.outputFiles[0].text).toString('base64'));

const cases = [
  {
    name: 'g++ with column, notes and a header error left out',
    out: "solution.cpp: In member function 'int Solution::f()':\nsolution.cpp:12:5: error: expected ';' before 'return'\n   12 |     return x;\n      |     ^~~~~~\n/usr/include/c++/12/bits/stl_vector.h:100:3: error: no match\nsolution.cpp:3:1: note: declared here\nsolution.cpp:7:9: warning: unused variable 'y' [-Wunused-variable]\n",
    want: [{ line: 12, col: 5, severity: 'error', message: "expected ';' before 'return'" }, { line: 7, col: 9, severity: 'warning', message: "unused variable 'y' [-Wunused-variable]" }],
  },
  {
    name: 'gcc C without a column, main.c',
    out: 'main.c:4: error: something odd\n',
    want: [{ line: 4, col: 1, severity: 'error', message: 'something odd' }],
  },
  {
    name: 'javac',
    out: "Solution.java:12: error: ';' expected\n        int x = 1\n                 ^\n1 error\n",
    want: [{ line: 12, col: 1, severity: 'error', message: "';' expected" }],
  },
  {
    name: 'py_compile traceback: only the user file, once',
    out: 'Traceback (most recent call last):\n  File "/usr/lib/python3.11/py_compile.py", line 144, in compile\n  File "main.py", line 3\n    return !!\n           ^\nSyntaxError: invalid syntax\n\nDuring handling of the above exception, another exception occurred:\n\n  File "<string>", line 3, in <module>\npy_compile.PyCompileError:   File "main.py", line 3\n    return !!\nSyntaxError: invalid syntax\n',
    want: [{ line: 3, col: 1, severity: 'error', message: 'SyntaxError: invalid syntax' }],
  },
  {
    name: 'python solution.py',
    out: '  File "solution.py", line 8\n    def f(:\n          ^\nSyntaxError: invalid syntax\n',
    want: [{ line: 8, col: 1, severity: 'error', message: 'SyntaxError: invalid syntax' }],
  },
  {
    name: 'rustc',
    out: "error[E0308]: mismatched types\n --> solution.rs:12:5\n  |\n12 |     x\n  |     ^ expected `i32`, found `i64`\n\nwarning: unused variable: `y`\n --> main.rs:3:9\n",
    want: [{ line: 12, col: 5, severity: 'error', message: 'mismatched types' }, { line: 3, col: 9, severity: 'warning', message: 'unused variable: `y`' }],
  },
  {
    name: 'go',
    out: '# command-line-arguments\n./solution.go:12:5: undefined: foo\nmain.go:3:2: "os" imported and not used\n',
    want: [{ line: 12, col: 5, severity: 'error', message: 'undefined: foo' }, { line: 3, col: 2, severity: 'error', message: '"os" imported and not used' }],
  },
  {
    name: 'node syntax check',
    out: "/box/main.js:4\n  let x = ;\n          ^\n\nSyntaxError: Unexpected token ';'\n",
    want: [{ line: 4, col: 1, severity: 'error', message: "SyntaxError: Unexpected token ';'" }],
  },
  {
    name: 'a generated harness is not the user file',
    out: 'driver.cpp:100:2: error: oops\n',
    want: [],
  },
  { name: 'empty', out: '', want: [] },
];

for (const c of cases) {
  test(c.name, () => assert.deepEqual(parseCompileOutput(c.out), c.want));
}
