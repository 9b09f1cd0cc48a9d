// The analysis worker: owns the one Analyzer, answers every request.
//
// Protocol (postMessage):
//   page → worker  {id, method, args: [...]}, method one of the keys of `methods` below
//   worker → page  {id, ok: result} or {id, error: {message, messageZh, code}, fatal}
//   worker → page  {type: "ready", lexicon: false}   once the wasm module is up
//   worker → page  {type: "lexicon", ok: true|false}  once the dictionary is loaded (or not)
//
// Outline, metrics and checks do not need jieba's general dictionary, so the worker
// answers at once with a dictionary-less Analyzer and swaps in the full one when
// lexicon.txt has arrived; the page then re-analyzes to fill keywords and subjects.
import init, { Analyzer, decodeBytes } from "./pkg/fazhi_lens.js";
import { catalogue, mandatedParts, metricsCsv, outlineMarkdown, sectionPaths } from "./pkg/fazhi_lens.js";

/** @typedef {import("./pkg/fazhi_lens.js").Options} Options */
/** @typedef {import("./pkg/fazhi_lens.js").ReportEntry} ReportEntry */
/** @typedef {import("./pkg/fazhi_lens.js").Report} Report */
/** @typedef {{message: string, messageZh: string, code: string}} ErrorDescription */

/** @type {Partial<Options>} */
const OPTIONS = { offsets: "utf16" };

/** @type {Analyzer | null} */
let analyzer = null;

const ready = (async () => {
  await init({ module_or_path: new URL("./pkg/fazhi_lens_bg.wasm", import.meta.url) });
  analyzer = new Analyzer(OPTIONS);
  postMessage({ type: "ready", lexicon: false });
})();

ready
  .then(async () => {
    const response = await fetch(new URL("./lexicon.txt", import.meta.url));
    if (!response.ok) throw new Error(`lexicon.txt: HTTP ${response.status}`);
    const lexicon = await response.text();
    const full = new Analyzer(OPTIONS, lexicon);
    analyzer?.free();
    analyzer = full;
    postMessage({ type: "lexicon", ok: true });
  })
  .catch((err) => postMessage({ type: "lexicon", ok: false, message: String(err) }));

/**
 * The analyzer, once the module is up.
 * @returns {Analyzer}
 */
function current() {
  if (!analyzer) throw new Error("analyzer not ready");
  return analyzer;
}

/**
 * What the page can call: one line each, the wasm module's functions. The page's engine
 * (engine.js) takes its argument and result types from this table.
 */
export const methods = {
  /** @param {string} text */
  analyze: (text) => current().analyze(text),
  /** @param {string} text */
  segment: (text) => current().segment(text),
  /** @param {string} text @param {string} word @param {number} width */
  kwic: (text, word, width) => current().kwic(text, word, width),
  /** @param {ArrayBuffer} bytes a file's bytes (transferred) */
  decode: (bytes) => decodeBytes(new Uint8Array(bytes)),
  /** @param {ReportEntry[]} entries */
  metricsCsv: (entries) => metricsCsv(entries),
  /** @param {ReportEntry[]} entries */
  outlineMarkdown: (entries) => outlineMarkdown(entries),
  /** @param {Report} report */
  sectionPaths: (report) => sectionPaths(report),
  /** @param {number | null} year */
  mandatedParts: (year) => mandatedParts(year),
  catalogue: () => catalogue(),
};

/** @typedef {keyof typeof methods} Method */

/**
 * Turns anything thrown into a plain, cloneable error description.
 * @param {unknown} err
 * @returns {ErrorDescription}
 */
function describe(err) {
  /** @param {string} key */
  const field = (key) => {
    if (typeof err !== "object" || err === null || !(key in err)) return undefined;
    const value = /** @type {Record<string, unknown>} */ (err)[key];
    return value === undefined || value === null ? undefined : String(value);
  };
  const message = field("message") ?? String(err);
  return { message, messageZh: field("messageZh") ?? `分析出错：${message}`, code: field("code") ?? "internal" };
}

/**
 * Runs one request against the module.
 * @param {unknown} method
 * @param {unknown[]} args
 * @returns {unknown}
 */
function run(method, args) {
  if (typeof method !== "string" || !Object.hasOwn(methods, method)) throw new Error(`unknown method ${String(method)}`);
  const fn = /** @type {(...args: unknown[]) => unknown} */ (methods[/** @type {Method} */ (method)]);
  return fn(...args);
}

onmessage = async (event) => {
  const { id, method, args } = event.data ?? {};
  try {
    await ready;
    postMessage({ id, ok: run(method, Array.isArray(args) ? args : []) });
  } catch (err) {
    // A trap inside WebAssembly (it cannot happen by design: every input error is a
    // Result) would leave the module unusable; the page then starts a fresh worker.
    postMessage({ id, error: describe(err), fatal: err instanceof WebAssembly.RuntimeError });
  }
};
