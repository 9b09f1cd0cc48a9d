// The analysis worker: owns the one Analyzer, answers every request.
//
// Protocol (postMessage):
//   page → worker  {type: "module", module}  first, to a worker the engine started: the
//                  wasm module compiled before (a WebAssembly.Module), or null to fetch
//                  and compile it here
//   page → worker  {id, method, args: [...]}, method one of the keys of `methods` below
//   worker → page  {id, ok: result} or {id, error: {message, messageZh, code}, fatal}
//   worker → page  {type: "ready", module}   once the module is instantiated, with it
//
// The worker start.js starts from the HTML's head is named "opening" (self.name): it gets
// no module message but downloads and compiles the module itself from its first line,
// since a page's messages reach a starting worker only after the page's first layout;
// named "opening example.txt", it also analyses the example before it is asked to (the
// page asks for it when nothing was autosaved, as request 2).
//
// Outline, metrics and checks do not need jieba's general dictionary, so the worker
// answers at once with a dictionary-less Analyzer; the dictionary (lexicon.columns.txt,
// jieba's lines in columns, which download in less) is fetched from the start,
// and the full Analyzer is built when the page asks (`loadLexicon`, once its first report
// has been painted: building it never delays the first report, nor competes with the
// page drawing it). decodeBytes is a second
// wasm module of its own (fazhi_lens_decode.js), loaded from when the dictionary builds
// (so that opening a file makes no request; the page asks `loadDecoder` to know it is
// there) or when a file is opened before.
//
// Marks and measures named `worker:…` in the worker's performance timeline say where its
// time goes (`make bench` reads them, with the worker's timeOrigin).
// The module's JS glue is imported dynamically (see `glue` below): with a static import,
// nothing here would run before it has been fetched too.

/** @typedef {typeof import("./pkg/fazhi_lens.js")} Glue */
/** @typedef {import("./pkg/fazhi_lens.js").Analyzer} Analyzer */

/** @typedef {import("./pkg/fazhi_lens.js").Options} Options */
/** @typedef {import("./pkg/fazhi_lens.js").ReportEntry} ReportEntry */
/** @typedef {import("./pkg/fazhi_lens.js").Report} Report */
/** @typedef {import("./pkg/fazhi_lens.js").Scorecard} Scorecard */
/** @typedef {import("./pkg/fazhi_lens.js").CitedDocument} CitedDocument */
/** @typedef {{message: string, messageZh: string, code: string}} ErrorDescription */
/**
 * A report for the page, as JSON in UTF-8 bytes, handed over rather than copied: `pieces`,
 * its fields in order (a long array in several pieces of at most PIECE items), which the
 * page parses a few at a time, and `json`, the whole report indented as the page shows
 * and exports it; with the path of every section, the scorecard and the cited documents
 * (all computed here, off the page's thread). A report received as an object would be
 * deserialized by the browser in one task on the page's thread: for one with 20,000
 * metrics, several times longer than the page's longest task may be.
 * @typedef {{pieces: [string, ArrayBuffer][], json: ArrayBuffer, paths: Record<string, string>, scorecard: Scorecard, documents: CitedDocument[]}} PageReport
 */

/** Items of a long array per piece of a PageReport. */
const PIECE = 2000;

performance.mark("worker:start");

/** @type {Partial<Options>} */
const OPTIONS = { offsets: "utf16" };

/**
 * The dictionary's bytes, fetched from the start but at low priority, so that on a slow
 * network it does not take bandwidth from the wasm module (a rejection is handled by
 * loadLexicon).
 */
const lexiconBytes = fetch(new URL("./lexicon.columns.txt", import.meta.url), { priority: "low" }).then((response) => {
  if (!response.ok) throw new Error(`lexicon.columns.txt: HTTP ${response.status}`);
  return response.arrayBuffer();
});
lexiconBytes.catch(() => {});

/** @type {Analyzer | null} */
let analyzer = null;

/** Started by start.js from the HTML's head ("opening"), with the example to analyse in advance? */
const [opening, openingFile] = self.name.split(" ");

/** @type {(module: WebAssembly.Module | null) => void} */
let receiveModule = () => {};
/**
 * The compiled module: compiled here when started by start.js, else the engine's first
 * message (null: fetch and compile it here).
 * @type {Promise<WebAssembly.Module | null>}
 */
const moduleReady = opening === "opening" ? compileModule() : new Promise((resolve) => (receiveModule = resolve));

/**
 * Downloads and compiles the wasm module, streaming when the server says application/wasm.
 * @returns {Promise<WebAssembly.Module | null>} null if it failed (init then fails and says why)
 */
async function compileModule() {
  try {
    const response = await fetch(new URL("./pkg/fazhi_lens_bg.wasm", import.meta.url));
    if (!response.ok) return null;
    const module = response.headers.get("content-type")?.startsWith("application/wasm")
      ? await WebAssembly.compileStreaming(response)
      : await WebAssembly.compile(await response.arrayBuffer());
    performance.mark("worker:wasm-compiled");
    return module;
  } catch {
    return null;
  }
}

/** The module's JS glue, fetched while the module compiles. */
const glue = import("./pkg/fazhi_lens.js");
/** The module's functions, once it is instantiated. @type {Glue} */
let core;

const ready = (async () => {
  const [module, loaded] = await Promise.all([moduleReady, glue]);
  await loaded.default({ module_or_path: module ?? new URL("./pkg/fazhi_lens_bg.wasm", import.meta.url) });
  core = loaded;
  const { Analyzer } = core;
  performance.measure("worker:wasm", "worker:start");
  analyzer = measured("worker:analyzer", () => new Analyzer(OPTIONS));
  postMessage({ type: "ready", module });
})();

/**
 * The opening example and its report, analysed before the page asks (request 2 of
 * start.js), or null: not asked to, or the example could not be read.
 * @type {Promise<{text: string, answer: PageReport} | null> | null}
 */
let inAdvance =
  openingFile === "example.txt"
    ? fetch(new URL("./example.txt", import.meta.url))
        .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`example.txt: HTTP ${response.status}`))))
        .then(async (text) => {
          await ready;
          return { text, answer: analyzeForPage(text) };
        })
        .catch(() => null)
    : null;

/**
 * Runs `fn` and records how long it took as a performance measure.
 * @template T
 * @param {string} name
 * @param {() => T} fn
 * @returns {T}
 */
function measured(name, fn) {
  const start = performance.now();
  try {
    return fn();
  } finally {
    performance.measure(name, { start });
  }
}

/**
 * The analyzer, once the module is up.
 * @returns {Analyzer}
 */
function current() {
  if (!analyzer) throw new Error("analyzer not ready");
  return analyzer;
}

/** @type {Promise<typeof import("./pkg/fazhi_lens_decode.js")> | null} */
let decoding = null;

/**
 * The decoding module (decodeBytes): a second, smaller wasm module, not on the way to the
 * first report; loaded with the dictionary (so that the page, once loaded, works offline
 * and opening a file makes no request), or when a file is opened before that.
 * @returns {Promise<typeof import("./pkg/fazhi_lens_decode.js")>}
 */
function decoder() {
  decoding ??= import("./pkg/fazhi_lens_decode.js").then(
    async (module) => {
      await module.default();
      return module;
    },
    (err) => {
      decoding = null; // a later call tries again
      throw err;
    },
  );
  return decoding;
}

/** The dictionary being built, once asked for. @type {Promise<true> | null} */
let lexiconLoading = null;

/**
 * Builds the Analyzer with jieba's general dictionary (once) and puts it in place of the
 * dictionary-less one; starts loading the decoding module too. The page asks once its
 * first report has been painted (Engine#allowLexicon).
 * @returns {Promise<true>}
 */
function loadLexicon() {
  lexiconLoading ??= buildLexicon();
  return lexiconLoading;
}

/**
 * Builds the Analyzer with the dictionary: see loadLexicon. It answers as soon as the
 * Analyzer is in place: the decoding module, asked for first, is instantiated only once
 * the build has let go of this thread, and waiting for it held the report with the
 * dictionary back by as long (the page asks for it with loadDecoder).
 * @returns {Promise<true>}
 */
async function buildLexicon() {
  decoder().catch(() => {});
  // Its bytes as fetched: the module reads UTF-8 (a string would be decoded here and
  // encoded again on the way in).
  const bytes = new Uint8Array(await lexiconBytes);
  const full = measured("worker:lexicon", () => new core.Analyzer(OPTIONS, bytes));
  analyzer?.free();
  analyzer = full;
  return true;
}

/**
 * A report of the batch with its scorecard and the value it gives for each indicator.
 * @typedef {{report: Report, scorecard: Scorecard, values: Record<string, number>}} BatchReport
 */

/**
 * Analyzes a text for the page: the report's JSON text, its section paths, scorecard and
 * cited documents, in one answer.
 * @param {string} text
 * @returns {PageReport}
 */
function analyzeForPage(text) {
  const report = measured("worker:analyze", () => current().analyze(text));
  const encoder = new TextEncoder();
  const bytes = (/** @type {unknown} */ value) => /** @type {ArrayBuffer} */ (encoder.encode(JSON.stringify(value)).buffer);
  /** @type {[string, ArrayBuffer][]} */
  const pieces = [];
  for (const [key, value] of Object.entries(report)) {
    if (!Array.isArray(value) || value.length <= PIECE) pieces.push([key, bytes(value)]);
    else for (let i = 0; i < value.length; i += PIECE) pieces.push([key, bytes(value.slice(i, i + PIECE))]);
  }
  const json = /** @type {ArrayBuffer} */ (encoder.encode(JSON.stringify(report, null, 2)).buffer);
  // Paths, scorecard and documents come from the outline, the checks and the citations:
  // the module need not read the metrics and words in.
  const keep = new Set(["outline", "checks", "citations"]);
  const light = /** @type {Report} */ (Object.fromEntries(Object.entries(report).map(([k, v]) => [k, Array.isArray(v) && !keep.has(k) ? [] : v])));
  return { pieces, json, paths: core.sectionPaths(light), scorecard: core.scorecard(light), documents: core.citedDocuments(light) };
}

/**
 * Analyzes a text of the batch: the report with its scorecard and indicator values.
 * @param {string} text
 * @returns {BatchReport}
 */
function analyzeForBatch(text) {
  const report = measured("worker:analyze", () => current().analyze(text));
  return { report, scorecard: core.scorecard(report), values: core.indicatorValues(report) };
}

/**
 * The buffers of a result: in its fields, and in arrays (of pairs) there. They are handed
 * over to the page instead of copied.
 * @param {unknown} result
 * @returns {Transferable[]}
 */
function transferables(result) {
  if (typeof result !== "object" || result === null || Object.getPrototypeOf(result) !== Object.prototype) return [];
  /** @param {unknown} value @returns {unknown[]} */
  const within = (value) => (Array.isArray(value) ? value.flatMap((x) => (Array.isArray(x) ? x : [x])) : [value]);
  return Object.values(result)
    .flatMap(within)
    .filter((value) => value instanceof ArrayBuffer);
}

/**
 * What the page can call: one line each, the wasm module's functions. The page's engine
 * (engine.js) takes its argument and result types from this table.
 */
export const methods = {
  /** @param {string} text */
  analyze: (text) => measured("worker:analyze", () => current().analyze(text)),
  analyzeForPage,
  analyzeForBatch,
  loadLexicon,
  /** The decoding module loaded (the page asks once the dictionary is built). */
  loadDecoder: async () => (await decoder(), true),
  /** @param {string} text */
  segment: (text) => current().segment(text),
  /** @param {string} text @param {string} word @param {number} width */
  kwic: (text, word, width) => current().kwic(text, word, width),
  /** @param {ArrayBuffer} bytes a file's bytes (transferred) */
  decode: async (bytes) => (await decoder()).decodeBytes(new Uint8Array(bytes)),
  /** @param {ReportEntry[]} entries */
  metricsCsv: (entries) => core.metricsCsv(entries),
  /** @param {ReportEntry[]} entries */
  outlineMarkdown: (entries) => core.outlineMarkdown(entries),
  /** @param {Report} report */
  sectionPaths: (report) => core.sectionPaths(report),
  catalogue: () => measured("worker:catalogue", () => core.catalogue()),
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

/**
 * Answers analyzeForPage with the report analysed in advance if it is of the same text
 * (once: its buffers are handed over), else analyses.
 * @param {unknown} args
 * @returns {Promise<unknown>}
 */
async function answerInAdvance(args) {
  const advance = await inAdvance;
  inAdvance = null;
  return advance && Array.isArray(args) && advance.text === args[0] ? advance.answer : run("analyzeForPage", Array.isArray(args) ? args : []);
}

onmessage = async (event) => {
  const { id, method, args, type, module } = event.data ?? {};
  if (type === "module") {
    receiveModule(module instanceof WebAssembly.Module ? module : null);
    return;
  }
  try {
    await ready;
    const inAdvanceAsked = method === "analyzeForPage" && inAdvance !== null;
    const result = inAdvanceAsked ? await answerInAdvance(args) : await run(method, Array.isArray(args) ? args : []);
    postMessage({ id, ok: result }, { transfer: transferables(result) });
  } catch (err) {
    // A trap inside WebAssembly (it cannot happen by design: every input error is a
    // Result) would leave the module unusable; the page then starts a fresh worker.
    postMessage({ id, error: describe(err), fatal: err instanceof WebAssembly.RuntimeError });
  }
};
