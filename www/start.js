// The page's first steps, run by the HTML's head as a classic script, before the page is
// first laid out (which loads the CJK font, 100–200 ms here) and before any module has
// loaded: it starts the analysis worker and sends it its first two requests, the
// catalogue names and the analysis of the text the page opens with (the autosaved one,
// else the example, downloaded now). engine.js takes the worker and the requests over
// from `fazhiLensStart` (ids 1 and 2; the protocol is worker.js's).
//
// The worker does not wait for the page: Chromium delivers a message to a worker only
// once the page's thread has seen the worker start, after the page's first layout (here
// 100–250 ms after the worker is up). So the worker, named "opening", downloads and
// compiles the wasm module itself from its first line (the HTML's preload has the bytes
// on the way), and sends the compiled module back for the workers the engine may start
// later; named "opening example.txt", it also fetches and analyses the example in
// advance, which is what it is asked for when nothing was autosaved.
"use strict";

/** @type {any} */ (globalThis).fazhiLensStart = (() => {
  performance.mark("fazhi-lens:start");
  /** @type {string | null} */
  let saved = null;
  try {
    saved = localStorage.getItem("fazhi-lens:text");
  } catch {
    saved = null;
  }
  const worker = new Worker("./worker.js", { type: "module", name: saved ? "opening" : "opening example.txt" });
  // What the worker says before engine.js listens would be lost: keep it for the engine.
  /** @type {({data: unknown} | {error: string})[]} */
  const early = [];
  worker.onmessage = (event) => early.push({ data: event.data });
  worker.onerror = (event) => {
    event.preventDefault();
    early.push({ error: event.message || "worker error" });
  };
  /** @type {Promise<WebAssembly.Module | null>} the module the worker compiled, with its "ready" */
  const module = new Promise((resolve) => {
    worker.addEventListener("message", function ready(event) {
      if (event.data?.type !== "ready") return;
      worker.removeEventListener("message", ready);
      resolve(event.data.module instanceof WebAssembly.Module ? event.data.module : null);
    });
    // A worker that fails before it is up is restarted by the engine: it compiles anew.
    worker.addEventListener("error", () => resolve(null));
  });
  worker.postMessage({ id: 1, method: "catalogue", args: [] });
  /** @type {Promise<{text: string, file: string | null, saved: boolean} | null>} */
  const posted = (saved ? Promise.resolve({ text: saved, file: null, saved: true }) : fetch("./example.txt").then((r) => r.text()).then((text) => ({ text, file: "example.txt", saved: false })))
    .then((opening) => {
      worker.postMessage({ id: 2, method: "analyzeForPage", args: [opening.text] });
      return opening;
    })
    .catch(() => null);
  return { worker, module, posted, early };
})();
