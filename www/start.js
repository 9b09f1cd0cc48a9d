// The page's first steps, run by the HTML's head as a classic script: before the page is
// first laid out (which loads the CJK font, 100–200 ms here) and before any module has
// loaded, it starts the analysis worker, downloads and compiles the wasm module
// (`compileStreaming`, on the browser's compiler threads) and hands it to the worker, and
// sends the worker its first two requests: the catalogue names, and the analysis of the
// text the page opens with (the autosaved one, else the example, downloaded now). The
// worker answers them as soon as it is up. engine.js takes the worker and the requests
// over from `fazhiLensStart` (ids 1 and 2; the protocol is worker.js's).
"use strict";

/** @type {any} */ (globalThis).fazhiLensStart = (() => {
  performance.mark("fazhi-lens:start");
  const worker = new Worker("./worker.js", { type: "module" });
  // What the worker says before engine.js listens would be lost: keep it for the engine.
  /** @type {({data: unknown} | {error: string})[]} */
  const early = [];
  worker.onmessage = (event) => early.push({ data: event.data });
  worker.onerror = (event) => {
    event.preventDefault();
    early.push({ error: event.message || "worker error" });
  };
  /** @type {Promise<WebAssembly.Module | null>} */
  const module = fetch("./pkg/fazhi_lens_bg.wasm")
    .then((response) => {
      if (!response.ok) throw new Error(`fazhi_lens_bg.wasm: HTTP ${response.status}`);
      // Streaming needs the server to say application/wasm; otherwise the bytes first.
      return response.headers.get("content-type")?.startsWith("application/wasm")
        ? WebAssembly.compileStreaming(response)
        : response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
    })
    .then(
      (compiled) => {
        performance.mark("fazhi-lens:wasm-compiled");
        return compiled;
      },
      // The worker then loads the module itself, and says why it failed, if it does.
      () => null,
    );
  module.then((compiled) => worker.postMessage({ type: "module", module: compiled }));
  worker.postMessage({ id: 1, method: "catalogue", args: [] });
  /** @type {string | null} */
  let saved = null;
  try {
    saved = localStorage.getItem("fazhi-lens:text");
  } catch {
    saved = null;
  }
  /** @type {Promise<{text: string, file: string | null, saved: boolean} | null>} */
  const posted = (saved ? Promise.resolve({ text: saved, file: null, saved: true }) : fetch("./example.txt").then((r) => r.text()).then((text) => ({ text, file: "example.txt", saved: false })))
    .then((opening) => {
      worker.postMessage({ id: 2, method: "analyzeForPage", args: [opening.text] });
      return opening;
    })
    .catch(() => null);
  return { worker, module, posted, early };
})();
