// llmqa: KaTeX or highlight.js on Node for the build. Started by dev.llmqa.js.NodeJs in a private folder that holds
// this file, engine.js and the pinned library it copied from its WebJar on the class path.
//
// Usage: node node-engine.js LIBRARY...   (katex.min.js, highlight.min.js: the libraries to load, in this folder)
// Contract
//   stdin : one request per line (see engine.js); stdout: one answer per line, in order.
//   Each line of stdin is answered before the next is read; end of stdin ends the process (exit 0).
//   exit 2 when a request is not what engine.js takes (the message is on stderr).
// The three files are evaluated as plain scripts in the global scope, exactly as GraalJS evaluates them (no
// module, exports or define: the libraries set the globals katex and hljs).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const readline = require("node:readline");
const vm = require("node:vm");

for (const file of [...process.argv.slice(2), "engine.js"]) {
  vm.runInThisContext(fs.readFileSync(path.join(__dirname, file), "utf-8"), {filename: file});
}
const answer = globalThis.llmqa.answer;

const lines = readline.createInterface({input: process.stdin, crlfDelay: Infinity});
lines.on("line", (line) => {
  let out;
  try {
    out = answer(line);
  } catch (e) {
    process.stderr.write(`node-engine: ${e && e.stack ? e.stack : e}\n`);
    process.exit(2);
  }
  process.stdout.write(out + "\n");
});
