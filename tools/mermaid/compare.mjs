#!/usr/bin/env node
// Compares render-batch.mjs with one `mmdc` process per diagram, byte for byte.
//
//   node compare.mjs [dir-with-.mmd-files]        (default: ./test-diagrams)
//
// For every NN-name.mmd the id is "fig-NN-name" (letters, digits, '-': also exercises the id-aware
// renumbering). Runs:
//   1. mmdc -i f.mmd -o f.svg -I <id> -c mermaid-config.json -p puppeteer.json -b transparent
//      once per diagram, sequentially (the reference; also timed);
//   2. render-batch.mjs over all diagrams in file order, and again in reverse order (so every
//      diagram is rendered after a different set of predecessors on the same page).
// Reports, per diagram, whether each batch output is byte-identical to mmdc's (or whether both
// failed), and the wall-clock ms per diagram of each approach (batch includes node start-up,
// browser launch and mermaid load). Exit status 1 if any diagram differs.

import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import url from "node:url";

const here = path.dirname(url.fileURLToPath(import.meta.url));
const dir = path.resolve(process.argv[2] ?? path.join(here, "test-diagrams"));
const mmdc = path.join(here, "node_modules", ".bin", "mmdc");
const cfg = path.join(here, "mermaid-config.json");
const pcfg = path.join(here, "puppeteer.json");

function run(cmd, args, stdin) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const p = spawn(cmd, args, { stdio: ["pipe", "pipe", "pipe"] });
    const out = [];
    const err = [];
    p.stdout.on("data", (c) => out.push(c));
    p.stderr.on("data", (c) => err.push(c));
    p.on("close", (code) =>
      resolve({
        code,
        ms: performance.now() - t0,
        stdout: Buffer.concat(out).toString("utf-8"),
        stderr: Buffer.concat(err).toString("utf-8"),
      }),
    );
    p.stdin.end(stdin ?? "");
  });
}

const files = fs.readdirSync(dir).filter((f) => f.endsWith(".mmd")).sort();
const diagrams = files.map((f) => ({
  file: f,
  id: "fig-" + f.replace(/\.mmd$/, "").replace(/[^A-Za-z0-9_-]/g, "-"),
  source: fs.readFileSync(path.join(dir, f), "utf-8"),
}));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "llmqa-mermaid-compare-"));

// 1. reference: one mmdc process per diagram
const ref = new Map();
let mmdcTotal = 0;
for (const d of diagrams) {
  const out = path.join(tmp, d.id + ".svg");
  const r = await run(mmdc, ["-q", "-i", path.join(dir, d.file), "-o", out, "-I", d.id,
    "-c", cfg, "-p", pcfg, "-b", "transparent"]);
  mmdcTotal += r.ms;
  if (r.code === 0) ref.set(d.id, { svg: fs.readFileSync(out, "utf-8"), ms: r.ms });
  else {
    const m = r.stderr.match(/(Parse error[^\n]*|Error: [^\n]*)/);
    ref.set(d.id, { error: m ? m[1] : r.stderr.trim().split("\n")[0], ms: r.ms });
  }
}

// 2. batch, forward and reverse order
async function batch(list) {
  const r = await run("node", [path.join(here, "render-batch.mjs")],
    JSON.stringify(list.map(({ id, source }) => ({ id, source }))));
  if (r.code !== 0) throw new Error(`render-batch exited ${r.code}: ${r.stderr}`);
  const arr = JSON.parse(r.stdout);
  const ids = arr.map((x) => x.id).join();
  if (ids !== list.map((x) => x.id).join()) throw new Error("output order/ids differ from input");
  return { ms: r.ms, byId: new Map(arr.map((x) => [x.id, x])) };
}
const fwd = await batch(diagrams);
const rev = await batch([...diagrams].reverse());

// When batch != mmdc, render that diagram with mmdc once more: if mmdc disagrees with itself the
// diagram type is not reproducible at all (random ids in mermaid), whatever the renderer.
const mmdcAgain = new Map();
for (const d of diagrams) {
  const r = ref.get(d.id);
  const f = fwd.byId.get(d.id);
  const b = rev.byId.get(d.id);
  if (r.svg !== undefined && (f.svg !== r.svg || b.svg !== r.svg)) {
    const out = path.join(tmp, d.id + ".again.svg");
    const r2 = await run(mmdc, ["-q", "-i", path.join(dir, d.file), "-o", out, "-I", d.id,
      "-c", cfg, "-p", pcfg, "-b", "transparent"]);
    mmdcAgain.set(d.id, r2.code === 0 ? fs.readFileSync(out, "utf-8") : null);
  }
}

function verdict(refR, b, id) {
  if (refR.svg !== undefined && b.svg !== undefined) {
    if (refR.svg === b.svg) return "identical";
    if (mmdcAgain.has(id) && mmdcAgain.get(id) !== refR.svg) return "mmdc-nondet";
    let i = 0;
    while (refR.svg[i] === b.svg[i]) i++;
    return `DIFFERENT at byte ${i}: mmdc …${JSON.stringify(refR.svg.slice(Math.max(0, i - 30), i + 40))}` +
      ` batch …${JSON.stringify(b.svg.slice(Math.max(0, i - 30), i + 40))}`;
  }
  if (refR.error !== undefined && b.error !== undefined) return "both error";
  return `MISMATCH: mmdc ${refR.error ? "error: " + refR.error : "svg"}, batch ${b.error ? "error: " + b.error : "svg"}`;
}

let bad = 0;
let nondet = 0;
const n = diagrams.length;
console.log(`${n} diagrams from ${dir}\n`);
console.log("diagram".padEnd(40) + "mmdc ms  forward    reverse    (batch error / mmdc error)");
for (const d of diagrams) {
  const r = ref.get(d.id);
  const vf = verdict(r, fwd.byId.get(d.id), d.id);
  const vr = verdict(r, rev.byId.get(d.id), d.id);
  if (/nondet/.test(vf + vr)) nondet++;
  else if (!/^(identical|both error)$/.test(vf) || !/^(identical|both error)$/.test(vr)) bad++;
  const short = (v) => (v.length > 10 ? v.split(":")[0] : v).padEnd(11);
  console.log(d.file.padEnd(40) + r.ms.toFixed(0).padStart(7) + "  " + short(vf) + short(vr) +
    (r.error ? `  mmdc: ${r.error.slice(0, 60)} | batch: ${(fwd.byId.get(d.id).error ?? "").split("\n")[0].slice(0, 60)}` : ""));
  for (const v of [vf, vr]) if (v.length > 11) console.log("    " + v);
}
console.log(`
timing (wall clock, ${os.cpus().length} cores, load avg ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}):
  mmdc, one process per diagram : ${(mmdcTotal / n).toFixed(0)} ms/diagram (${(mmdcTotal / 1000).toFixed(1)} s total)
  batch forward (incl. launch)  : ${(fwd.ms / n).toFixed(0)} ms/diagram (${(fwd.ms / 1000).toFixed(2)} s total)
  batch reverse (incl. launch)  : ${(rev.ms / n).toFixed(0)} ms/diagram (${(rev.ms / 1000).toFixed(2)} s total)
result: ${n - bad - nondet}/${n} match mmdc in both orders${bad ? `, ${bad} DIFFER` : ""}${nondet ? `, ${nondet} not reproducible even with mmdc alone (random ids)` : ""}`);
fs.rmSync(tmp, { recursive: true, force: true });
process.exitCode = bad ? 1 : 0;
