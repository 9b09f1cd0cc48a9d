// The package's Node entry (Node >= 18): the same WebAssembly module as the browser entry,
// read from disk next to this file and instantiated synchronously on import, so
//
//   import { Analyzer } from "fazhi-lens";
//
// works with no `await init()`. Everything else is the generated glue (fazhi_lens.js),
// re-exported unchanged; calling its `init()` afterwards is harmless (it returns at once).
import { readFileSync } from "node:fs";
import { initSync } from "./fazhi_lens.js";

initSync({ module: readFileSync(new URL("./fazhi_lens_bg.wasm", import.meta.url)) });

export * from "./fazhi_lens.js";
export { default } from "./fazhi_lens.js";
