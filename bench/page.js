// In-page benchmark, driven by bench/browser.mjs in headless Chromium: fazhi-lens's
// analyze() and segment() next to the npm package jieba-wasm cutting the same text, in
// the same page and run. The result goes to `window.benchResult`.
//
// Served from a folder where /app/ is www/ (the built page) and /jieba/ is
// node_modules/jieba-wasm/pkg/web/.
import init, { Analyzer } from "/app/pkg/fazhi_lens.js";
import jiebaInit, { cut } from "/jieba/jieba_rs_wasm.js";

const params = new URLSearchParams(location.search);
const RUNS = Number(params.get("runs") ?? 15);
const WARMUP = 2;

/** @param {number[]} xs */
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Median milliseconds of `fn` over RUNS runs after WARMUP runs.
 * @param {() => unknown} fn
 */
function time(fn) {
  for (let i = 0; i < WARMUP; i++) fn();
  const xs = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    xs.push(performance.now() - t0);
  }
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: RUNS };
}

async function main() {
  const text = await (await fetch("./text.txt")).text();
  const lexicon = await (await fetch("/app/lexicon.columns.txt")).text();

  let t0 = performance.now();
  await init({ module_or_path: "/app/pkg/fazhi_lens_bg.wasm" });
  const oursInit = performance.now() - t0;
  t0 = performance.now();
  const bare = new Analyzer({ offsets: "utf16" });
  const bareLoad = performance.now() - t0;
  t0 = performance.now();
  const ours = new Analyzer({ offsets: "utf16" }, lexicon);
  const lexiconLoad = performance.now() - t0;

  t0 = performance.now();
  await jiebaInit({ module_or_path: "/jieba/jieba_rs_wasm_bg.wasm" });
  cut("初始化", false); // jieba-wasm builds its dictionary on first use
  const jiebaInitMs = performance.now() - t0;

  const report = ours.analyze(text);
  // Per-stage milliseconds inside one warm analyze() (the wasm binding's clock).
  const stages = {};
  for (let i = 0; i < RUNS; i++) {
    for (const [k, v] of Object.entries(ours.analyze(text).stats.timings ?? {})) (stages[k] ??= []).push(v);
  }
  const result = {
    chars: text.length,
    init: { ours: oursInit, oursAnalyzerWithoutDictionary: bareLoad, oursDictionary: lexiconLoad, jieba: jiebaInitMs },
    analyze: time(() => ours.analyze(text)),
    analyzeWithoutDictionary: time(() => bare.analyze(text)),
    segment: time(() => ours.segment(text)),
    jiebaCut: time(() => cut(text, false)),
    jiebaCutHmm: time(() => cut(text, true)),
    tokens: { ours: ours.segment(text).length, jieba: cut(text, false).filter((w) => w.trim()).length },
    stages: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, median(v)])),
    metrics: report.metrics.length,
    headings: report.outline.length,
    userAgent: navigator.userAgent,
  };
  bare.free();
  ours.free();
  return result;
}

main().then(
  (r) => {
    window.benchResult = r;
    document.getElementById("state").textContent = "done";
  },
  (e) => {
    window.benchResult = { error: String(e?.stack ?? e) };
    document.getElementById("state").textContent = "error";
  },
);
