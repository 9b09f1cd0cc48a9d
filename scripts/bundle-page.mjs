// The page's modules as one file: www/app.js and every module it imports, bundled by
// esbuild (pinned in package.json) into www/app.bundle.js, which index.html loads.
//
// Loaded as 16 modules, the page's scripts waited for one another's requests: a browser
// opens at most 6 connections to a server over HTTP/1.1 and gives preloads of low
// priority one at a time while the page is loading, and the wasm module and the
// dictionary take two of them for 100–200 ms; the last module arrived up to 480 ms after
// navigation, after the worker had its report ready (docs/performance.md). The sources
// stay as they are (each a module, type-checked by `make lint`); the bundle is built by
// `make build-web` and is not committed. Not minified: the page's code reads in the
// browser as written.
//
// Usage: node scripts/bundle-page.mjs  (writes www/app.bundle.js)
import * as esbuild from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The bundle's options: one ES module from www/app.js, the wasm glue left out (the worker loads it). */
export const OPTIONS = /** @type {const} */ ({
  absWorkingDir: root,
  entryPoints: [path.join(root, "www/app.js")],
  outfile: path.join(root, "www/app.bundle.js"),
  bundle: true,
  format: "esm",
  target: "es2022",
  charset: "utf8",
  legalComments: "none",
  logLevel: "warning",
  banner: { js: "// Built by scripts/bundle-page.mjs from www/app.js and its imports: edit those, not this file." },
});

/**
 * Bundles the page's modules.
 * @param {boolean} write whether to write www/app.bundle.js (else only return it)
 * @returns {Promise<{text: string, inputs: string[]}>} the bundle and the files it was built from (relative to www/)
 */
export async function bundle(write) {
  const result = await esbuild.build({ ...OPTIONS, write, metafile: true });
  const inputs = Object.keys(result.metafile.inputs).map((f) => path.relative(path.join(root, "www"), path.resolve(root, f)));
  const text = write ? "" : new TextDecoder().decode(result.outputFiles[0].contents);
  return { text, inputs };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundle(true);
