// The page's engine, taking over what start.js started from the HTML's head (the worker,
// the compiled wasm module, the catalogue and the opening text's analysis under way).
// app.js imports it first, so that in the page's bundle (app.bundle.js) the engine
// listens to the worker before the rest of the page's code runs. app.js takes it from here.
import { Engine } from "./engine.js";

/** @typedef {import("./pkg/fazhi_lens.js").Catalogue} Catalogue */
/** @typedef {import("./engine.js").PageReport} PageReport */
/** @typedef {import("./engine.js").Start} Start */
/**
 * The text the page opens with, where it came from, and its analysis under way.
 * @typedef {import("./engine.js").Opening & {analysis: Promise<PageReport>}} Opening
 */

performance.mark("fazhi-lens:boot");

/** Where the pasted text is autosaved (this browser only; start.js reads it too). */
export const STORAGE_KEY = "fazhi-lens:text";

/** What start.js started. */
const start = /** @type {Start} */ (/** @type {any} */ (globalThis).fazhiLensStart);

/** The page's one engine. */
export const engine = new Engine(start);

/** The names of indicators, tasks and parts, asked for before the first analysis. */
export const catalogue = /** @type {Promise<Catalogue>} */ (engine.opening.catalogue);

/** The opening text and its analysis (null if there is none: the example could not be read). */
export const opening = start.posted.then((first) => (first ? { ...first, analysis: engine.opening.analysis } : null));
