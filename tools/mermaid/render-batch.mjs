#!/usr/bin/env node
// llmqa: batch pre-rendering of Mermaid diagrams to SVG.
//
// Contract
//   stdin : JSON array  [{"id": "d0", "source": "flowchart LR\n A-->B"}, ...]
//   stdout: JSON array, same length and order as the input:
//           [{"id": "d0", "svg": "<svg ...>...</svg>"}, {"id": "d1", "error": "Parse error on line 3: ..."}]
//   stderr: diagnostics (browser console output, per-diagram errors, timings with --verbose).
//   exit  : 0 when the batch ran (even if some diagrams have an "error"),
//           2 when the input is not a JSON array of {id, source} objects,
//           3 when the browser could not be started or the page could not be set up (an empty
//             input array exits 0 with [] without needing the browser),
//           128+n on signal n (SIGTERM/SIGINT/SIGHUP), after killing the browser.
//   The browser is started while stdin is still being read. Whatever happens (errors, signals),
//   chromium's process group is killed and the profile dir this script creates
//   ($TMPDIR/llmqa-mermaid-profile-*, passed as userDataDir, so puppeteer creates none) is deleted.
//   A diagram that takes longer than --timeout gets {"error": "renderer failure: timed out ..."} and
//   the page is replaced; later diagrams are unaffected.
//
// Each "svg" is byte-identical to what one
//   mmdc -i one.mmd -o one.svg -I <id> -c mermaid-config.json -p puppeteer.json -b transparent
// call writes for the same source and id (checked by compare.sh against mermaid-cli 11.17.0 /
// mermaid 11.17.2). The svg id is the "id" you pass: it must be unique within the HTML page that
// embeds the SVG (mermaid scopes all its CSS as "#<id> ...") and should be a plain CSS identifier
// (start with a letter; letters, digits, '-' and '_' only).
//
// How: one browser, one page, mermaid loaded once from mermaid-cli's own dist/index.html and its
// bundled ESM files (served through mermaid-cli's own request Interceptor, like mmdc). Per diagram we
// run exactly what mmdc's renderMermaid() runs inside its page: mermaid.initialize({startOnLoad:false,
// ...config}), mermaid.render(id, source, container), container.innerHTML = svg, set the svg's
// style.backgroundColor, XMLSerializer. Reusing the page leaks two module-level id counters in mermaid
// (sequence: actorN / root-N / actorN_popup; class: ...classId-<Name>-N); renumberLeakedIds() shifts
// them back so the lowest is 0, which is what a fresh page produces.
//
// Configuration (files next to this script; override with --config / --puppeteer-config):
//   mermaid-config.json : merged over {"theme":"default"} exactly like mmdc's -t default + -c file.
//     handDrawnSeed 1 -> reproducible output (otherwise rough.js shapes such as hexagons,
//                        parallelograms and class/state/ER boxes get random path points).
//     securityLevel strict -> no click handlers / scripts in the SVG, labels are sanitized.
//     theme neutral -> black/grey lines and text on white/light-grey node fills; no colour carries
//                      meaning. Node text stays readable on any page background because every node
//                      has its own light fill. With -b transparent the *edges, arrows and free text*
//                      (sequence messages, edge labels outside boxes) are dark, so on the site's dark
//                      scheme (#14171d) the figure needs a light backdrop (e.g. CSS
//                      `figure.mermaid svg { background: #fff; border-radius: 6px; }` in dark mode).
//                      "dark" would be unreadable on light pages, "default"/"forest" carry colours
//                      that clash with both; neutral + light backdrop is the one choice that reads
//                      well in both schemes.
//   puppeteer.json      : merged over {"headless":"shell"} exactly like mmdc's -p file.
//
// Options: --config <file> --puppeteer-config <file> --background <css colour, default transparent>
//          --timeout <ms per diagram, default 60000> --verbose

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import url from "node:url";
import puppeteer from "puppeteer";
import { resolve as importMetaResolve } from "import-meta-resolve";

const here = path.dirname(url.fileURLToPath(import.meta.url));
const cliDir = path.join(here, "node_modules", "@mermaid-js", "mermaid-cli");
const cliIndexUrl = url.pathToFileURL(path.join(cliDir, "src", "index.js")).href;
// mermaid-cli's request interceptor (not in its package "exports", so import it by path).
const { Interceptor } = await import(
  url.pathToFileURL(path.join(cliDir, "src", "puppeteerIntercept.js")).href
);

// ---- options -------------------------------------------------------------------------------
function parseArgs(argv) {
  const opts = {
    config: path.join(here, "mermaid-config.json"),
    puppeteerConfig: path.join(here, "puppeteer.json"),
    background: "transparent",
    timeout: 60000,
    verbose: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) usage(`missing value for ${a}`);
      return argv[++i];
    };
    if (a === "--config" || a === "-c") opts.config = next();
    else if (a === "--puppeteer-config" || a === "-p") opts.puppeteerConfig = next();
    else if (a === "--background" || a === "-b") opts.background = next();
    else if (a === "--timeout") opts.timeout = Number(next());
    else if (a === "--verbose" || a === "-v") opts.verbose = true;
    else usage(`unknown argument ${a}`);
  }
  return opts;
}
function usage(msg) {
  process.stderr.write(
    `render-batch: ${msg}\nusage: node render-batch.mjs [--config f] [--puppeteer-config f] ` +
      `[--background c] [--timeout ms] [--verbose] < in.json > out.json\n`,
  );
  process.exit(2);
}
const opts = parseArgs(process.argv.slice(2));
const log = (m) => process.stderr.write(`render-batch: ${m}\n`);
const vlog = (m) => opts.verbose && log(m);

// Same merge as mmdc's cli(): {theme: <-t default>} then the -c file; {headless:"shell"} then -p file.
const mermaidConfig = Object.assign(
  { theme: "default" },
  JSON.parse(fs.readFileSync(opts.config, "utf-8")),
);
const puppeteerConfig = Object.assign(
  { headless: "shell" },
  JSON.parse(fs.readFileSync(opts.puppeteerConfig, "utf-8")),
);
// mmdc's default viewport (-w 800 -H 600 -s 1).
const viewport = { width: 800, height: 600, deviceScaleFactor: 1 };

// ---- asset paths, resolved exactly like mermaid-cli/src/index.js ------------------------------
const resolveFromCli = (spec) => importMetaResolve(spec, cliIndexUrl);
const mermaidESMPath = path.resolve(
  path.dirname(url.fileURLToPath(resolveFromCli("mermaid"))),
  "mermaid.esm.mjs",
);
const elkESMPath = path.resolve(
  path.dirname(url.fileURLToPath(resolveFromCli("@mermaid-js/layout-elk"))),
  "mermaid-layout-elk.esm.mjs",
);
const zenumlESMPath = path.resolve(
  path.dirname(url.fileURLToPath(resolveFromCli("@mermaid-js/mermaid-zenuml"))),
  "mermaid-zenuml.esm.mjs",
);
let tidyTreeESMPath;
try {
  tidyTreeESMPath = path.resolve(
    path.dirname(url.fileURLToPath(resolveFromCli("@mermaid-js/layout-tidy-tree"))),
    "mermaid-layout-tidy-tree.esm.mjs",
  );
} catch (e) {
  if (!(e && e.code === "ERR_MODULE_NOT_FOUND")) throw e;
}
const cssImports = {
  "@fortawesome/fontawesome-free/css/brands.css": { level: 2 },
  "@fortawesome/fontawesome-free/css/regular.css": { level: 2 },
  "@fortawesome/fontawesome-free/css/solid.css": { level: 2 },
  "@fortawesome/fontawesome-free/css/fontawesome.css": { level: 2 },
  "katex/dist/katex.css": { level: 2 },
};
const mermaidHTMLPath = path.join(cliDir, "dist", "index.html");

// ---- input -----------------------------------------------------------------------------------
function readStdin() {
  return new Promise((res, rej) => {
    const chunks = [];
    process.stdin.on("data", (c) => chunks.push(c));
    process.stdin.on("end", () => res(Buffer.concat(chunks).toString("utf-8")));
    process.stdin.on("error", rej);
  });
}

// ---- id renumbering --------------------------------------------------------------------------
// mermaid keeps two counters at module level that a fresh page starts at zero:
//   sequenceDiagram: actorCnt  -> id="actorN", id="root-N", "actor-man-torsoN", "actor-man-armsN",
//                                 "actorN_popup"
//   classDiagram:    classCounter -> id="<svgId>-classId-<Name>-N" (and any reference to it)
// In a diagram rendered on a fresh page the lowest number is 0 and the numbers are consecutive in
// drawing order, so subtracting the lowest number found reproduces the fresh-page output.
function shiftNumbers(svg, re) {
  // re: global regex with groups (prefix)(number) or, as an alternative, (prefix)(number) again
  const num = (m) => Number(m[2] ?? m[4]);
  let min = Infinity;
  for (const m of svg.matchAll(re)) min = Math.min(min, num(m));
  if (!Number.isFinite(min) || min === 0) return svg;
  return svg.replace(re, (...m) => `${m[1] ?? m[3]}${num(m) - min}`);
}
function renumberLeakedIds(svg, id) {
  const esc = id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const head = svg.slice(0, svg.indexOf(">"));
  if (/aria-roledescription="sequence"/.test(head)) {
    // id="actorN" (lifelines), id="root-N" (actor groups), id="actor-man-torsoN"/"actor-man-armsN"
    // (stick figures, also on the footer copy), actorN_popup (link menus)
    const re =
      /(\bid="(?:actor|root-|actor-man-torso|actor-man-arms))(\d+)(?=")|(\bactor)(\d+)(?=_popup\b)/g;
    svg = shiftNumbers(svg, re);
  }
  if (/aria-roledescription="classDiagram"/.test(head)) {
    // <svgId>-classId-<Name>-N
    const re = new RegExp(`(${esc}-classId-[^"\\s]*?-)(\\d+)(?=[")\\s])`, "g");
    svg = shiftNumbers(svg, re);
  }
  return svg;
}

// ---- browser ---------------------------------------------------------------------------------
let browser;
let profileDir;
let closing;
let pageUsed = false;
let launching;
// Closing = killing the browser's process group (puppeteer starts chromium as a group leader) and
// deleting our profile dir. A graceful browser.close() costs ~130 ms more and buys nothing here:
// the profile is thrown away anyway. Safe to call more than once.
async function shutdown() {
  if (!closing) {
    closing = (async () => {
      if (launching) {
        // a launch still in flight must finish before there is a process to kill
        try {
          browser = await launching;
        } catch {}
      }
      const proc = browser?.process();
      if (proc && proc.exitCode === null && proc.signalCode === null) {
        const exited = new Promise((r) => proc.once("exit", r));
        try {
          process.kill(-proc.pid, "SIGKILL");
        } catch {
          try {
            proc.kill("SIGKILL");
          } catch {}
        }
        let timer;
        await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
        clearTimeout(timer);
      }
      try {
        browser?.disconnect?.();
      } catch {}
      if (profileDir) {
        for (let i = 0; i < 5; i++) {
          try {
            fs.rmSync(profileDir, { recursive: true, force: true });
            break;
          } catch {
            await new Promise((r) => setTimeout(r, 50));
          }
        }
      }
    })();
  }
  return closing;
}
for (const [sig, num] of [["SIGTERM", 15], ["SIGINT", 2], ["SIGHUP", 1]]) {
  process.on(sig, () => {
    log(`received ${sig}, closing browser`);
    shutdown().finally(() => process.exit(128 + num));
  });
}

async function setUpPage() {
  // === mermaid-cli renderMermaid(), the part before the per-diagram $eval ===
  // mmdc opens a new tab per diagram; we use the tab chromium starts with (saves ~80 ms; the tab
  // is as blank as a new one). A replacement page after a timeout is a new tab.
  const page = (!pageUsed && (await browser.pages())[0]) || (await browser.newPage());
  pageUsed = true;
  page.on("console", (msg) => process.stderr.write(`${msg.text()}\n`));
  await page.setViewport(viewport);
  await page.goto(url.pathToFileURL(mermaidHTMLPath).href);
  await page.$eval(
    "body",
    (body, backgroundColor) => {
      body.style.background = backgroundColor;
    },
    opts.background,
  );
  const interceptor = new Interceptor();
  const mermaidUrl = await interceptor.fileUrlToInterceptUrl(url.pathToFileURL(mermaidESMPath));
  const elkUrl = await interceptor.fileUrlToInterceptUrl(url.pathToFileURL(elkESMPath));
  const zenumlUrl = await interceptor.fileUrlToInterceptUrl(url.pathToFileURL(zenumlESMPath));
  const tidyTreeESMUrl = tidyTreeESMPath
    ? await interceptor.fileUrlToInterceptUrl(url.pathToFileURL(tidyTreeESMPath))
    : undefined;
  page.on("request", interceptor.interceptRequestHandler);
  await page.setRequestInterception(true);
  await Promise.all(
    Object.entries(cssImports).map(async ([cssImport, { level }]) => {
      const interceptUrl = await interceptor.fileUrlToInterceptUrl(
        new URL(resolveFromCli(cssImport)),
        { allowParentDirectoryLevel: level },
      );
      await page.addStyleTag({ url: interceptUrl });
    }),
  );
  // === the one-time part of mmdc's $eval: imports, fonts, registrations ===
  await page.evaluate(
    async ({ mermaidUrl, elkUrl, zenumlUrl, tidyTreeESMUrl }) => {
      const { default: mermaid } = await import(mermaidUrl);
      const { default: elkLayouts } = await import(elkUrl);
      const { default: zenuml } = await import(zenumlUrl);
      const { default: tidyTree } = tidyTreeESMUrl
        ? await import(tidyTreeESMUrl)
        : { default: undefined };
      await Promise.all(Array.from(document.fonts, (font) => font.load()));
      await mermaid.registerExternalDiagrams([zenuml]);
      mermaid.registerLayoutLoaders([...elkLayouts, ...(tidyTree ?? [])]);
      mermaid.registerIconPacks([]); // mmdc: --iconPacks (none)
      mermaid.registerIconPacks([]); // mmdc: --iconPacksNamesAndUrls (none)
      window.__llmqaMermaid = mermaid;
    },
    { mermaidUrl, elkUrl, zenumlUrl, tidyTreeESMUrl },
  );
  return page;
}

// The per-diagram part of mmdc's $eval plus its page.$eval("svg", XMLSerializer).
async function renderOne(page, id, source) {
  return page.evaluate(
    async ({ definition, mermaidConfig, backgroundColor, svgId }) => {
      const mermaid = window.__llmqaMermaid;
      const container = document.getElementById("container");
      const cleanUp = () => {
        container.replaceChildren();
        // mermaid's own temporary elements, in case a failed render left them behind
        for (const tmpId of [svgId, "d" + svgId, "i" + svgId]) {
          document.getElementById(tmpId)?.remove();
        }
      };
      cleanUp();
      try {
        mermaid.initialize({ startOnLoad: false, ...mermaidConfig });
        const { svg: svgText } = await mermaid.render(svgId || "my-svg", definition, container);
        container.innerHTML = svgText;
        const svg = container.getElementsByTagName("svg")[0];
        if (!svg) return { error: "mermaid produced no <svg> element" };
        if (svg.style) svg.style.backgroundColor = backgroundColor;
        return { svg: new XMLSerializer().serializeToString(svg) };
      } catch (e) {
        const msg = e && typeof e === "object" && "message" in e ? e.message : String(e);
        return { error: String(msg || e) };
      } finally {
        cleanUp();
      }
    },
    { definition: source, mermaidConfig, backgroundColor: opts.background, svgId: id },
  );
}

function withTimeout(promise, ms) {
  let t;
  return Promise.race([
    promise,
    new Promise((_, rej) => {
      t = setTimeout(() => rej(Object.assign(new Error(`timed out after ${ms} ms`), { timeout: true })), ms);
    }),
  ]).finally(() => clearTimeout(t));
}

class InputError extends Error {}

async function startBrowser() {
  profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "llmqa-mermaid-profile-"));
  launching = puppeteer.launch({
    ...puppeteerConfig,
    userDataDir: profileDir,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  browser = await launching;
  if (closing) throw new Error("shutting down");
  return setUpPage();
}

async function main() {
  const t0 = performance.now();
  // Start the browser and load mermaid while stdin is still being read (the caller may write its
  // input late); an empty or invalid input just throws it away again.
  const pagePromise = startBrowser();
  pagePromise.catch(() => {}); // handled below
  let input;
  try {
    input = JSON.parse(await readStdin());
  } catch (e) {
    throw new InputError(`stdin is not valid JSON: ${e.message}`);
  }
  if (!Array.isArray(input)) throw new InputError("stdin must be a JSON array");
  input.forEach((d, i) => {
    if (!d || typeof d.id !== "string" || d.id === "" || typeof d.source !== "string") {
      throw new InputError(`element ${i} must be {"id": non-empty string, "source": string}`);
    }
  });

  const results = input.map((d) => ({ id: d.id }));
  if (input.length > 0) {
    let page;
    try {
      page = await pagePromise;
    } catch (e) {
      log(`could not start the browser / set up the page: ${e && e.stack ? e.stack : e}`);
      await shutdown();
      process.exitCode = 3;
      return;
    }
    const t1 = performance.now();
    vlog(`browser + mermaid ready in ${(t1 - t0).toFixed(0)} ms`);

    for (let i = 0; i < input.length; i++) {
      const { id, source } = input[i];
      const ts = performance.now();
      try {
        const r = await withTimeout(renderOne(page, id, source), opts.timeout);
        if (r.svg !== undefined) results[i].svg = renumberLeakedIds(r.svg, id);
        else results[i].error = r.error;
      } catch (e) {
        if (closing) break; // interrupted by a signal; shutdown() is already running
        results[i].error = `renderer failure: ${e && e.message ? e.message : e}`;
        // the page may be hung or dead: replace it (a fresh page also restarts the id counters)
        try {
          await page.close().catch(() => {});
          page = await setUpPage();
        } catch (e2) {
          log(`could not recreate the page: ${e2 && e2.message ? e2.message : e2}`);
          for (let j = i + 1; j < input.length; j++) results[j].error = "renderer failure: page lost";
          break;
        }
      }
      if (results[i].error !== undefined) log(`${id}: ${results[i].error.split("\n")[0]}`);
      vlog(`${id}: ${(performance.now() - ts).toFixed(1)} ms`);
    }
    vlog(`rendered ${input.length} diagram(s) in ${(performance.now() - t1).toFixed(0)} ms ` +
      `(total incl. launch ${(performance.now() - t0).toFixed(0)} ms)`);
  }
  // results first (a caller may parse as soon as stdout is complete), then close the browser
  await new Promise((res) => process.stdout.write(JSON.stringify(results) + "\n", res));
  await shutdown();
}

try {
  await main();
} catch (e) {
  if (e instanceof InputError) {
    log(e.message);
    process.exitCode = 2;
  } else {
    log(`unexpected failure: ${e && e.stack ? e.stack : e}`);
    process.exitCode = 3;
  }
} finally {
  await shutdown();
}
