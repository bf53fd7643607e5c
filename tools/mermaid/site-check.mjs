#!/usr/bin/env node
// Renders every ```mermaid block of the site's questions with render-batch.mjs and reports errors
// and timings.
//
//   node site-check.mjs [content/questions dir] [--compare]
//
// The info string may carry attributes (```mermaid title="..."); the diagram source is the block
// body (lines between the opening fence and a closing fence of the same character, at least as
// long, like CommonMark). Ids are "<file-stem>-mermaid-<n>" (n counts from 1 within the file).
// With --compare the extracted blocks are also checked byte for byte against one mmdc call each
// (via compare.mjs). Exit status 1 if any block fails to render (or differs, with --compare).

import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import url from "node:url";

const here = path.dirname(url.fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const doCompare = args.includes("--compare");
const dir = path.resolve(args.find((a) => !a.startsWith("--")) ??
  path.join(here, "..", "..", "content", "questions"));

function extract(text) {
  const blocks = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = lines[i].match(/^( {0,3})(`{3,}|~{3,})\s*mermaid(?:\s+(.*))?\s*$/);
    if (!open) continue;
    const fence = open[2];
    const body = [];
    let j = i + 1;
    const close = new RegExp(`^ {0,3}${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`);
    for (; j < lines.length && !close.test(lines[j]); j++) body.push(lines[j]);
    const title = (open[3] ?? "").match(/title="([^"]*)"/)?.[1] ?? null;
    blocks.push({ line: i + 1, title, source: body.join("\n") + "\n" });
    i = j;
  }
  return blocks;
}

const diagrams = [];
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".md")).sort()) {
  const stem = f.replace(/\.md$/, "");
  extract(fs.readFileSync(path.join(dir, f), "utf-8")).forEach((b, k) =>
    diagrams.push({ id: `${stem}-mermaid-${k + 1}`, file: f, ...b }),
  );
}

const t0 = performance.now();
const res = await new Promise((resolve) => {
  const p = spawn("node", [path.join(here, "render-batch.mjs"), "--verbose"], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  const out = [];
  const err = [];
  p.stdout.on("data", (c) => out.push(c));
  p.stderr.on("data", (c) => err.push(c));
  p.on("close", (code) => resolve({ code, out: Buffer.concat(out).toString(), err: Buffer.concat(err).toString() }));
  p.stdin.end(JSON.stringify(diagrams.map(({ id, source }) => ({ id, source }))));
});
const ms = performance.now() - t0;
if (res.code !== 0) {
  console.error(`render-batch exited ${res.code}\n${res.err}`);
  process.exit(1);
}
const results = JSON.parse(res.out);
const perDiagram = new Map(
  [...res.err.matchAll(/^render-batch: (\S+): ([\d.]+) ms$/gm)].map((m) => [m[1], Number(m[2])]),
);
const ready = res.err.match(/browser \+ mermaid ready in (\d+) ms/)?.[1];
let failed = 0;
for (const [i, d] of diagrams.entries()) {
  const r = results[i];
  const kind = d.source.trim().split(/\s/)[0];
  const status = r.svg ? `ok ${String(r.svg.length).padStart(6)} B` : `ERROR ${r.error.split("\n")[0]}`;
  if (!r.svg) failed++;
  console.log(`${`${d.file}:${d.line}`.padEnd(40)} ${kind.padEnd(16)} ${String(perDiagram.get(d.id)?.toFixed(0) ?? "?").padStart(5)} ms  ${status}`);
}
console.log(`\n${diagrams.length} blocks in ${dir}: ${diagrams.length - failed} rendered, ${failed} failed`);
console.log(`batch wall clock incl. node start, browser launch, mermaid load: ${ms.toFixed(0)} ms ` +
  `= ${(ms / diagrams.length).toFixed(0)} ms/diagram (browser+mermaid ready after ${ready} ms)`);

let compareFailed = false;
if (doCompare) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "llmqa-mermaid-site-"));
  for (const d of diagrams) fs.writeFileSync(path.join(tmp, `${d.id}.mmd`), d.source);
  const code = await new Promise((resolve) => {
    const p = spawn("node", [path.join(here, "compare.mjs"), tmp], { stdio: "inherit" });
    p.on("close", resolve);
  });
  compareFailed = code !== 0;
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exitCode = failed || compareFailed ? 1 : 0;
