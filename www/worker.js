// The analysis worker: owns the one Analyzer, answers every request.
//
// Protocol (postMessage):
//   page → worker  {id, method: "analyze" | "segment" | "kwic" | "decode", args: [...]}
//   worker → page  {id, ok: result} or {id, error: {message, messageZh, code}}
//   worker → page  {type: "ready", lexicon: false}   once the wasm module is up
//   worker → page  {type: "lexicon", ok: true|false}  once the dictionary is loaded (or not)
//
// Outline, metrics and checks do not need jieba's general dictionary, so the worker
// answers at once with a dictionary-less Analyzer and swaps in the full one when
// lexicon.txt has arrived; the page then re-analyzes to fill keywords and subjects.
import init, { Analyzer, decodeBytes } from "./pkg/fazhi_lens.js";

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
 * Turns anything thrown into a plain, cloneable error description.
 * @param {unknown} err
 * @returns {{message: string, messageZh: string, code: string}}
 */
function describe(err) {
  const e = /** @type {any} */ (err);
  return {
    message: String(e?.message ?? e),
    messageZh: String(e?.messageZh ?? `分析出错：${e?.message ?? e}`),
    code: String(e?.code ?? "internal"),
  };
}

/**
 * Runs one request against the analyzer.
 * @param {string} method
 * @param {any[]} args
 */
function run(method, args) {
  if (!analyzer) throw new Error("analyzer not ready");
  switch (method) {
    case "analyze":
      return analyzer.analyze(args[0]);
    case "segment":
      return analyzer.segment(args[0]);
    case "kwic":
      return analyzer.kwic(args[0], args[1], args[2] ?? 20);
    case "decode":
      return decodeBytes(new Uint8Array(args[0]));
    default:
      throw new Error(`unknown method ${method}`);
  }
}

onmessage = async (event) => {
  const { id, method, args } = event.data ?? {};
  try {
    await ready;
    postMessage({ id, ok: run(method, args ?? []) });
  } catch (err) {
    // A trap inside WebAssembly (it cannot happen by design: every input error is a
    // Result) would leave the module unusable; the page then starts a fresh worker.
    postMessage({ id, error: describe(err), fatal: err instanceof WebAssembly.RuntimeError });
  }
};
