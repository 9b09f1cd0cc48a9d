// The package's entry for browsers (and bundlers aiming at them): the analysis module
// (fazhi_lens.js, wasm-pack's `--target web` glue, left as built) and the decoding module
// (fazhi_lens_decode.js: decodeBytes, a second, smaller module a page can load only when
// it opens a file, as the fazhi-lens page does) behind one `init()`.
//
//   import init, { Analyzer, decodeBytes } from "fazhi-lens";
//   await init();   // fetches fazhi_lens_bg.wasm and fazhi_lens_decode_bg.wasm beside this file
import initAnalysis from "./fazhi_lens.js";
import initDecode from "./fazhi_lens_decode.js";

export * from "./fazhi_lens.js";
export { decodeBytes } from "./fazhi_lens_decode.js";

/**
 * Loads both modules: `options` as the analysis module's init takes them (its wasm, or
 * where to fetch it); the decoding module is fetched from beside this file.
 * @param {Parameters<typeof initAnalysis>[0]} [options]
 */
export default async function init(options) {
  const [exports] = await Promise.all([initAnalysis(options), initDecode()]);
  return exports;
}
