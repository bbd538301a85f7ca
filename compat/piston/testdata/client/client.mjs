// Drives Verdict's Piston API with the npm package piston-client, as an
// existing Piston user would, and prints what the client returned as JSON
// for the Go test to check. Usage: node client.mjs http://127.0.0.1:PORT
import piston from "piston-client";

const client = piston({ server: process.argv[2] });
const out = {};
out.runtimes = await client.runtimes();
out.python = await client.execute("python", "import sys\nprint(input()[::-1], sys.argv[1:])", { stdin: "hello" });
out.cpp = await client.execute({
  language: "c++",
  files: [{ name: "main.cpp", content: "#include <bits/stdc++.h>\nint main(int c, char**v){std::cout << c - 1 << std::endl;}" }],
  args: ["a", "b"],
});
out.error = await client.execute("python", "raise SystemExit(4)");
out.unknown = await client.execute("cobol", "DISPLAY 'X'.", { version: "1.0.0" });
console.log(JSON.stringify(out));
