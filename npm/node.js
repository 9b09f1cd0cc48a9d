// The package's Node entry (Node >= 18): the same two WebAssembly modules as the browser
// entry (the analysis and decodeBytes), read from disk next to this file and instantiated
// synchronously on import, so
//
//   import { Analyzer } from "fazhi-lens";
//
// works with no `await init()`. Everything else is the generated glue (fazhi_lens.js,
// fazhi_lens_decode.js), re-exported unchanged; calling its `init()` afterwards is
// harmless (it returns at once).
import { readFileSync } from "node:fs";
import { initSync } from "./fazhi_lens.js";
import { initSync as initDecodeSync } from "./fazhi_lens_decode.js";

initSync({ module: readFileSync(new URL("./fazhi_lens_bg.wasm", import.meta.url)) });
initDecodeSync({ module: readFileSync(new URL("./fazhi_lens_decode_bg.wasm", import.meta.url)) });

export * from "./fazhi_lens.js";
export { default } from "./fazhi_lens.js";
export { decodeBytes } from "./fazhi_lens_decode.js";
