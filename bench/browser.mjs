// Browser half of `make bench`: headless Debian Chromium through playwright-core, and the
// in-page part again in headless Firefox ESR through geckodriver.
//
//   cold start   navigation → first Report on screen (and → the Report with the
//                dictionary), a fresh browser context (empty cache) per run
//   transfer     every file the page loads, raw / gzip -9 / brotli q11 (what a
//                compressing static host sends), and the total
//   in-page      warm analyze() of a 30,000-character report, segment() alone, and the
//                npm package jieba-wasm (pinned in package.json) cutting the same text;
//                the same page in Firefox (with its timer precision not reduced, as
//                Chromium's is not, so performance.now() is as fine-grained in both)
//
// Writes bench/out/browser.json. Usage: node bench/browser.mjs [--cold N] [--runs N]
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { serve, launchChromium, launchFirefox } from "../tests/e2e/harness.mjs";

const root = path.resolve(import.meta.dirname, "..");
const outDir = path.join(root, "bench/out");
const site = path.join(outDir, "site");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const COLD_RUNS = arg("--cold", 7);
const RUNS = arg("--runs", 15);
const TEXT_CHARS = 30000;

/** The five seed reports, repeated and cut at a line end at most TEXT_CHARS long. */
function benchText() {
  const dir = path.join(root, "tests/fixtures");
  const seeds = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), "utf8").trim());
  let text = "";
  for (let i = 0; text.length < TEXT_CHARS; i++) text += seeds[i % seeds.length] + "\n\n";
  return text.slice(0, text.lastIndexOf("\n", TEXT_CHARS) + 1);
}

/** @param {number[]} xs */
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Raw, gzip and brotli sizes of a file. */
function sizes(file) {
  const raw = fs.readFileSync(file);
  return {
    raw: raw.length,
    gzip: zlib.gzipSync(raw, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(raw, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    }).length,
  };
}

function makeSite(text) {
  fs.rmSync(site, { recursive: true, force: true });
  fs.mkdirSync(path.join(site, "bench"), { recursive: true });
  fs.symlinkSync(path.join(root, "www"), path.join(site, "app"));
  fs.symlinkSync(path.join(root, "node_modules/jieba-wasm/pkg/web"), path.join(site, "jieba"));
  for (const f of ["page.html", "page.js"]) fs.copyFileSync(path.join(root, "bench", f), path.join(site, "bench", f));
  fs.writeFileSync(path.join(site, "bench/text.txt"), text);
}

async function main() {
  for (const need of ["www/pkg/fazhi_lens_bg.wasm", "www/lexicon.txt", "node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm"]) {
    if (!fs.existsSync(path.join(root, need))) throw new Error(`${need} missing: run make build-web setup-node`);
  }
  const text = benchText();
  makeSite(text);
  const server = await serve(site, "/app/");
  const base = server.base;
  const browser = await launchChromium();
  try {
    // Cold start: a fresh context has an empty HTTP cache and no compiled-wasm cache.
    const first = [];
    const full = [];
    /** @type {Set<string>} */
    const loaded = new Set();
    for (let i = 0; i < COLD_RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.on("requestfinished", (req) => loaded.add(new URL(req.url()).pathname));
      await page.goto(`${base}/app/`);
      await page.waitForFunction(() => performance.getEntriesByName("fazhi-lens:full-report").length > 0, null, { timeout: 120000 });
      const marks = await page.evaluate(() => ({
        first: performance.getEntriesByName("fazhi-lens:first-report")[0].startTime,
        full: performance.getEntriesByName("fazhi-lens:full-report")[0].startTime,
      }));
      first.push(marks.first);
      full.push(marks.full);
      await context.close();
    }
    const files = [...loaded]
      .filter((p) => p.startsWith("/app/"))
      .sort()
      .map((p) => {
        const rel = p.slice("/app/".length) || "index.html";
        return { file: rel.endsWith("/") ? `${rel}index.html` : rel, ...sizes(path.join(root, "www", rel.endsWith("/") ? `${rel}index.html` : rel)) };
      });
    const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });

    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${base}/bench/page.html?runs=${RUNS}`);
    await page.waitForFunction(() => "benchResult" in window, null, { timeout: 600000 });
    const inPage = await page.evaluate(() => /** @type {any} */ (window).benchResult);
    await context.close();
    if (inPage.error || errors.length) throw new Error(`in-page benchmark failed: ${inPage.error ?? errors.join("\n")}`);

    const firefox = await launchFirefox({ "privacy.reduceTimerPrecision": false });
    let firefoxInPage;
    try {
      await firefox.goto(`${base}/bench/page.html?runs=${RUNS}`);
      firefoxInPage = await firefox.waitFor("return window.benchResult ?? null", 600000);
    } finally {
      await firefox.close();
    }
    if (firefoxInPage.error) throw new Error(`in-page benchmark failed in Firefox: ${firefoxInPage.error}`);

    const result = {
      chromium: browser.version(),
      jiebaWasm: JSON.parse(fs.readFileSync(path.join(root, "node_modules/jieba-wasm/package.json"), "utf8")).version,
      coldStart: { runs: COLD_RUNS, firstReport: median(first), fullReport: median(full), firstAll: first, fullAll: full },
      transfer: { files, total, jiebaWasm: sizes(path.join(root, "node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm")) },
      inPage,
      firefox: { version: firefox.version, inPage: firefoxInPage },
    };
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, "browser.json"), JSON.stringify(result, null, 2));
    const r = inPage;
    console.log(
      `cold start: first report ${result.coldStart.firstReport.toFixed(0)} ms, with dictionary ${result.coldStart.fullReport.toFixed(0)} ms; ` +
        `analyze ${r.analyze.median.toFixed(1)} ms vs jieba-wasm cut ${r.jiebaCut.median.toFixed(1)} ms (${r.chars} chars); ` +
        `in ${firefox.version}: analyze ${firefoxInPage.analyze.median.toFixed(1)} ms vs jieba-wasm cut ${firefoxInPage.jiebaCut.median.toFixed(1)} ms; ` +
        `transfer ${(total.brotli / 1e6).toFixed(2)} MB brotli`,
    );
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((e) => {
  console.error(`bench/browser.mjs: ${e.stack ?? e}`);
  process.exit(1);
});
