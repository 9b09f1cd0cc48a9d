// Browser half of `make bench`: headless Debian Chromium through playwright-core, and the
// in-page part again in headless Firefox ESR through geckodriver.
//
//   cold start   navigation → first Report on screen (and → the Report with the
//                dictionary), a fresh browser context (empty cache) per run, split into
//                phases from the browser's own timings: Navigation and Resource Timing,
//                paint timing, and the marks and measures of the page (`fazhi-lens:…`)
//                and of its worker (`worker:…`, moved onto the page's clock by the
//                difference of the two timeOrigins); interleaved with the same number of
//                cold runs of the reference, bench/jieba.html: jieba-wasm loaded, the
//                example report cut and its words on screen. Each of our runs and the
//                reference's run after it make a pair; the targets are the medians of
//                the pairs' ratios (a pair runs back to back, so a slow spell of the
//                machine hits both of it), the ratio of the medians beside them
//   transfer     every file the page loads, raw / gzip -9 / brotli q11 (what a
//                compressing static host sends), and the total
//   in-page      warm analyze() of a 30,000-character report, segment() alone, and the
//                npm package jieba-wasm (pinned in package.json) cutting the same text;
//                the same page in Firefox (with its timer precision not reduced, as
//                Chromium's is not, so performance.now() is as fine-grained in both)
//   long texts   the page showing a 1 MB report, and one with 20,000 metrics: the
//                longest main-thread task (PerformanceObserver "longtask") from the
//                report's arrival until everything is rendered
//
// Writes bench/out/browser.json. Usage: node bench/browser.mjs [--cold N] [--runs N]
// [--cold-only | --long-only] (only the cold starts or the long texts, printed, nothing written).
// WWW=DIR serves another build of the page instead of www/ (a copy of www/ built at another
// commit), to compare two builds in turns, each against the reference of its own run.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { execFileSync } from "node:child_process";
import { serve, launchChromium, launchFirefox } from "../tests/e2e/harness.mjs";

const root = path.resolve(import.meta.dirname, "..");
const outDir = path.join(root, "bench/out");
const site = path.join(outDir, "site");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const COLD_RUNS = arg("--cold", 11);
const RUNS = arg("--runs", 15);
const TEXT_CHARS = 30000;
const CLI = path.join(root, "target/release/fazhi-lens");

/** The five seed reports, repeated and cut at a line end at most TEXT_CHARS long. */
function benchText() {
  const seeds = seedTexts();
  let text = "";
  for (let i = 0; text.length < TEXT_CHARS; i++) text += seeds[i % seeds.length] + "\n\n";
  return text.slice(0, text.lastIndexOf("\n", TEXT_CHARS) + 1);
}

/**
 * The seed reports' texts, in file order.
 * @returns {string[]}
 */
function seedTexts() {
  const dir = path.join(root, "tests/fixtures");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), "utf8").trim());
}

/** The seed reports repeated until the text has 1 MB of UTF-8. */
function megabyteText() {
  const seeds = seedTexts();
  let text = "";
  for (let i = 0; Buffer.byteLength(text) < 1_000_000; i++) text += seeds[i % seeds.length] + "\n\n";
  return text;
}

/**
 * A report with at least 20,000 metrics: the seed reports' headings and the sentences
 * that state metrics (as the CLI finds them), repeated.
 */
function manyMetricsText() {
  const dir = path.join(root, "tests/fixtures");
  const parts = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      const text = fs.readFileSync(file, "utf8");
      const report = JSON.parse(execFileSync(CLI, ["analyze", "--offsets", "utf16", file], { encoding: "utf8" }));
      const headings = report.outline.map((/** @type {any} */ s) => s.start);
      const metrics = report.metrics.map((/** @type {any} */ m) => m.start);
      let kept = "";
      for (const piece of text.matchAll(/[^。\n]*[。\n]?/g)) {
        const [a, b] = [piece.index, piece.index + piece[0].length];
        const inside = (/** @type {number} */ x) => a <= x && x < b;
        if (headings.some(inside)) kept += (kept && !kept.endsWith("\n") ? "\n" : "") + piece[0];
        else if (metrics.some(inside)) kept += piece[0];
      }
      return { text: kept.trimEnd() + "\n\n", metrics: metrics.length };
    });
  let text = "";
  for (let i = 0, n = 0; n < 20000; i++) {
    text += parts[i % parts.length].text;
    n += parts[i % parts.length].metrics;
  }
  return text;
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
  fs.symlinkSync(process.env.WWW ?? path.join(root, "www"), path.join(site, "app"));
  fs.symlinkSync(path.join(root, "node_modules/jieba-wasm/pkg/web"), path.join(site, "jieba"));
  for (const f of ["page.html", "page.js", "jieba.html", "jieba.js"]) fs.copyFileSync(path.join(root, "bench", f), path.join(site, "bench", f));
  fs.writeFileSync(path.join(site, "bench/text.txt"), text);
}

/**
 * A browser context's performance timeline, with its timeOrigin.
 * @typedef {{timeOrigin: number, entries: any[]}} Timeline
 */

/** Reads the performance timeline of a page or worker (run in it by playwright). */
const readTimeline = () => ({ timeOrigin: performance.timeOrigin, entries: performance.getEntries().map((e) => e.toJSON()) });

/**
 * The phases of one cold start, in milliseconds on the page's clock (0 = navigation start):
 * `at` when the phase ended, `took` how long it took. The worker's entries are moved onto
 * the page's clock by the difference of the two timeOrigins.
 * @param {Timeline} page
 * @param {Timeline | null} worker
 */
function phases(page, worker) {
  const shift = worker ? worker.timeOrigin - page.timeOrigin : 0;
  const entries = [
    ...page.entries,
    ...(worker?.entries ?? []).map((e) => ({ ...e, startTime: e.startTime + shift, ...(e.responseEnd ? { responseEnd: e.responseEnd + shift } : {}) })),
  ];
  const mark = (/** @type {string} */ name) => entries.find((e) => e.entryType === "mark" && e.name === name)?.startTime;
  const measures = (/** @type {string} */ name) =>
    entries
      .filter((e) => e.entryType === "measure" && e.name === name)
      .map((e) => ({ start: e.startTime, end: e.startTime + e.duration }))
      .sort((a, b) => a.end - b.end);
  const resource = (/** @type {string} */ file) => entries.find((e) => e.entryType === "resource" && new URL(e.name).pathname.endsWith(file));
  const nav = entries.find((e) => e.entryType === "navigation");
  const fcp = entries.find((e) => e.entryType === "paint" && e.name === "first-contentful-paint")?.startTime;
  const app = mark("fazhi-lens:app");
  const workerJs = resource("/worker.js");
  const workerStart = mark("worker:start");
  const wasm = resource("/fazhi_lens_bg.wasm");
  // Compiled in the worker (since the worker compiles it itself), or on the page (before).
  const compiled = mark("worker:wasm-compiled") ?? mark("fazhi-lens:wasm-compiled");
  const instantiated = measures("worker:wasm")[0]?.end;
  const analyzer = measures("worker:analyzer")[0];
  const example = resource("/example.txt");
  const firstData = mark("fazhi-lens:first-data");
  const firstReport = mark("fazhi-lens:first-report");
  const firstPainted = mark("fazhi-lens:first-report-painted");
  const analyses = measures("worker:analyze");
  const shownFirst = analyses.filter((a) => firstData !== undefined && a.end <= firstData).at(-1);
  const lexicon = resource("/lexicon.columns.txt");
  const built = measures("worker:lexicon")[0];
  const fullPainted = mark("fazhi-lens:full-report-painted");
  const shownFull = analyses.filter((a) => built && a.start >= built.end).at(0);
  const took = (/** @type {number | undefined} */ a, /** @type {number | undefined} */ b) => (a === undefined || b === undefined ? undefined : a - b);
  /** @type {[string, number | undefined, number | undefined][]} */
  const rows = [
    ["HTML received", nav?.responseEnd, took(nav?.responseEnd, nav?.requestStart)],
    ["first contentful paint (the page without a report)", fcp, undefined],
    ["page scripts loaded and run (`fazhi-lens:app`)", app, took(app, nav?.responseEnd)],
    ["worker running (`worker:start`, from its request)", workerStart, took(workerStart, workerJs?.startTime)],
    ["wasm downloaded", wasm?.responseEnd, took(wasm?.responseEnd, wasm?.startTime)],
    ["wasm compiled (from the preload's request)", compiled, took(compiled, wasm?.startTime)],
    ["wasm instantiated in the worker (from its request)", instantiated, took(instantiated, wasm?.startTime)],
    ["Analyzer created, no dictionary", analyzer?.end, analyzer && analyzer.end - analyzer.start],
    ["example text fetched", example?.responseEnd, took(example?.responseEnd, example?.startTime)],
    ["analysis shown first (in the worker)", shownFirst?.end, shownFirst && shownFirst.end - shownFirst.start],
    ["report on the page (answer, section paths, parts)", firstData, took(firstData, shownFirst?.end)],
    ["first report rendered (`fazhi-lens:first-report`)", firstReport, took(firstReport, firstData)],
    ["**first report painted**", firstPainted, took(firstPainted, firstReport)],
    ["dictionary downloaded", lexicon?.responseEnd, took(lexicon?.responseEnd, lexicon?.startTime)],
    ["dictionary built (Analyzer with lexicon)", built?.end, built && built.end - built.start],
    ["analysis with the dictionary (in the worker)", shownFull?.end, shownFull && shownFull.end - shownFull.start],
    ["**report with the dictionary painted**", fullPainted, took(fullPainted, shownFull?.end)],
  ];
  return {
    rows,
    firstReport: firstPainted,
    fullReport: fullPainted,
    analysesBeforeFirst: analyses.filter((a) => firstData !== undefined && a.end <= firstData).length,
  };
}

/**
 * One cold start of the page: a fresh context, navigation, until the report with the
 * dictionary is painted.
 * @param {import("playwright-core").Browser} browser
 * @param {string} url
 * @param {Set<string>} loaded collects the paths of every file loaded
 */
async function coldStart(browser, url, loaded) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on("requestfinished", (req) => loaded.add(new URL(req.url()).pathname));
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName("fazhi-lens:full-report-painted").length > 0, null, { timeout: 120000 });
  const pageTimeline = await page.evaluate(readTimeline);
  const [worker] = page.workers();
  const workerTimeline = worker ? await worker.evaluate(readTimeline) : null;
  await context.close();
  return phases(pageTimeline, workerTimeline);
}

/**
 * One cold start of the reference page (bench/jieba.html): navigation until jieba-wasm's
 * first cut of the example report is painted.
 * @param {import("playwright-core").Browser} browser
 * @param {string} url
 * @returns {Promise<number>}
 */
async function jiebaColdStart(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName("jieba:first-cut-painted").length > 0 || null, null, { timeout: 120000 });
  const at = await page.evaluate(() => performance.getEntriesByName("jieba:first-cut-painted")[0].startTime);
  await context.close();
  if (errors.length) throw new Error(`bench/jieba.html: ${errors.join("\n")}`);
  return at;
}

/**
 * Medians of the cold starts, per phase, next to the reference's.
 * @param {ReturnType<typeof phases>[]} runs
 * @param {number[]} jieba
 */
function coldSummary(runs, jieba) {
  const present = (/** @type {(number | undefined)[]} */ xs) => /** @type {number[]} */ (xs.filter((x) => x !== undefined));
  const med = (/** @type {(number | undefined)[]} */ xs) => (present(xs).length ? median(present(xs)) : null);
  /** One measure's ratios to the reference's run of the same pair. */
  const paired = (/** @type {(number | undefined)[]} */ xs) => xs.map((x, i) => (x === undefined ? undefined : x / jieba[i]));
  const firstRatios = paired(runs.map((r) => r.firstReport));
  const fullRatios = paired(runs.map((r) => r.fullReport));
  return {
    runs: runs.length,
    firstReport: med(runs.map((r) => r.firstReport)),
    fullReport: med(runs.map((r) => r.fullReport)),
    firstRatio: med(firstRatios),
    fullRatio: med(fullRatios),
    firstRatios,
    fullRatios,
    jieba: median(jieba),
    firstAll: runs.map((r) => r.firstReport),
    fullAll: runs.map((r) => r.fullReport),
    jiebaAll: jieba,
    analysesBeforeFirst: med(runs.map((r) => r.analysesBeforeFirst)),
    phases: runs[0].rows.map(([label], i) => ({ label, at: med(runs.map((r) => r.rows[i][1])), took: med(runs.map((r) => r.rows[i][2])) })),
  };
}

/**
 * The page showing a long text, as a user pasting it would: the longest main-thread tasks
 * (PerformanceObserver "longtask", over 50 ms) from the arrival of its report until the
 * page has rendered all of it, and while the text is put into the text box.
 * @param {import("playwright-core").Browser} browser
 * @param {string} url
 * @param {string} text
 */
async function longText(browser, url, text) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.addInitScript(() => {
    const tasks = /** @type {{start: number, duration: number}[]} */ ([]);
    /** @type {any} */ (window).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName("fazhi-lens:full-report-painted").length > 0, null, { timeout: 120000 });
  const t0 = await page.evaluate((value) => {
    const area = /** @type {HTMLTextAreaElement} */ (document.querySelector("#text"));
    const t = performance.now();
    area.value = value;
    area.dispatchEvent(new Event("input"));
    return t;
  }, text);
  await page.waitForFunction((after) => performance.getEntriesByName("fazhi-lens:rendered").some((m) => m.startTime > after) || null, t0, { timeout: 600000, polling: 200 });
  await page.waitForTimeout(1000);
  const result = await page.evaluate((after) => {
    const at = (/** @type {string} */ name) => performance.getEntriesByName(name).at(-1)?.startTime ?? NaN;
    const tasks = /** @type {{start: number, duration: number}[]} */ (/** @type {any} */ (window).__longTasks).filter((x) => x.start + x.duration > after);
    const data = at("fazhi-lens:data");
    const rendering = tasks.filter((x) => x.start + x.duration > data);
    const pasting = tasks.filter((x) => x.start + x.duration <= data);
    const report = JSON.parse(document.querySelector("#json")?.textContent ?? "{}");
    return {
      chars: /** @type {HTMLTextAreaElement} */ (document.querySelector("#text")).value.length,
      metrics: report.metrics?.length,
      headings: report.outline?.length,
      analysed: data - after,
      rendered: at("fazhi-lens:rendered") - data,
      longest: Math.max(0, ...rendering.map((x) => x.duration)),
      longTasks: rendering.length,
      longTaskMs: rendering.reduce((t, x) => t + x.duration, 0),
      pastingLongest: Math.max(0, ...pasting.map((x) => x.duration)),
    };
  }, t0);
  await context.close();
  if (errors.length) throw new Error(`long text: ${errors.join("\n")}`);
  return { bytes: Buffer.byteLength(text), ...result };
}

async function main() {
  for (const need of ["www/pkg/fazhi_lens_bg.wasm", "www/lexicon.columns.txt", "node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm"]) {
    if (!fs.existsSync(path.join(root, need))) throw new Error(`${need} missing: run make build-web setup-node`);
  }
  const text = benchText();
  makeSite(text);
  const server = await serve(site, "/app/");
  const base = server.base;
  const browser = await launchChromium();
  try {
    // Cold start: a fresh context has an empty HTTP cache and no compiled-wasm cache. The
    // page and the reference take turns, so that both see the same state of the machine.
    /** @type {ReturnType<typeof phases>[]} */
    const coldRuns = [];
    /** @type {number[]} */
    const jiebaRuns = [];
    /** @type {Set<string>} */
    const loaded = new Set();
    if (process.argv.includes("--long-only")) {
      console.log(JSON.stringify({ megabyte: await longText(browser, `${base}/app/`, megabyteText()), manyMetrics: await longText(browser, `${base}/app/`, manyMetricsText()) }, null, 1));
      return;
    }
    for (let i = 0; i < COLD_RUNS; i++) {
      coldRuns.push(await coldStart(browser, `${base}/app/`, loaded));
      jiebaRuns.push(await jiebaColdStart(browser, `${base}/bench/jieba.html`));
    }
    if (process.argv.includes("--cold-only")) {
      console.log(JSON.stringify(coldSummary(coldRuns, jiebaRuns), null, 1));
      return;
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

    const longTexts = { megabyte: await longText(browser, `${base}/app/`, megabyteText()), manyMetrics: await longText(browser, `${base}/app/`, manyMetricsText()) };

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
      coldStart: coldSummary(coldRuns, jiebaRuns),
      transfer: { files, total, jiebaWasm: sizes(path.join(root, "node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm")) },
      inPage,
      longTexts,
      firefox: { version: firefox.version, inPage: firefoxInPage },
    };
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, "browser.json"), JSON.stringify(result, null, 2));
    const r = inPage;
    console.log(
      `cold start: first report painted ${result.coldStart.firstReport.toFixed(0)} ms, with dictionary ${result.coldStart.fullReport.toFixed(0)} ms, ` +
        `jieba-wasm's first cut painted ${result.coldStart.jieba.toFixed(0)} ms; ` +
        `analyze ${r.analyze.median.toFixed(1)} ms vs jieba-wasm cut ${r.jiebaCut.median.toFixed(1)} ms (${r.chars} chars); ` +
        `in ${firefox.version}: analyze ${firefoxInPage.analyze.median.toFixed(1)} ms vs jieba-wasm cut ${firefoxInPage.jiebaCut.median.toFixed(1)} ms; ` +
        `transfer ${(total.brotli / 1e6).toFixed(2)} MB brotli; ` +
        `longest task rendering 1 MB ${longTexts.megabyte.longest.toFixed(0)} ms, ${longTexts.manyMetrics.metrics} metrics ${longTexts.manyMetrics.longest.toFixed(0)} ms`,
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
