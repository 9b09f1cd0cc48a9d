// The page's first steps, run as soon as the HTML has been parsed while the page's other
// modules are still loading (index.html lists them all as modulepreload, so they load in
// parallel): the engine starts (the wasm module compiles while the worker starts), the
// catalogue names are asked for, and the text the page opens with (the autosaved one,
// else the example) is read and sent for analysis. app.js takes it from here.
import { Engine } from "./engine.js";

/** @typedef {import("./pkg/fazhi_lens.js").Catalogue} Catalogue */
/** @typedef {import("./engine.js").PageReport} PageReport */
/**
 * The text the page opens with, where it came from, and its analysis under way.
 * @typedef {{text: string, file: string | null, saved: boolean, analysis: Promise<PageReport>}} Opening
 */

performance.mark("fazhi-lens:boot");

/** Where the pasted text is autosaved (this browser only). */
export const STORAGE_KEY = "fazhi-lens:text";

/** The page's one engine. */
export const engine = new Engine();

/** The names of indicators, tasks and parts, asked for before the first analysis. */
export const catalogue = engine.catalogue();
// A rejection (the worker restarted first) is handled where it is used.
catalogue.catch(() => {});

/**
 * The autosaved text, if any.
 * @returns {string | null}
 */
function savedText() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * Reads the text the page opens with and starts its analysis.
 * @returns {Promise<Opening>}
 */
async function open() {
  const saved = savedText();
  const text = saved || (await (await fetch(new URL("./example.txt", import.meta.url))).text());
  const analysis = engine.analyzeForPage(text);
  // A rejection is handled by app.js, which awaits it (or drops it for a newer text).
  analysis.catch(() => {});
  return { text, file: saved ? null : "example.txt", saved: Boolean(saved), analysis };
}

/** The opening text and its analysis (null if the example could not be read). */
export const opening = open().catch(() => null);
