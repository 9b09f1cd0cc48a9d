// Static checks of the page's own sources: untrusted text must only ever be rendered as
// text, so no HTML-string sink may appear, and no script may come from elsewhere.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";

const www = path.resolve(import.meta.dirname, "../../www");
const sources = fs.readdirSync(www).filter((f) => f.endsWith(".js") || f.endsWith(".html"));

test("no HTML-string sinks in the page's scripts", () => {
  for (const file of sources.filter((f) => f.endsWith(".js"))) {
    const code = fs.readFileSync(path.join(www, file), "utf8");
    for (const sink of ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"]) {
      assert.ok(!code.includes(sink), `${file} uses ${sink}`);
    }
  }
});

test("the page loads nothing from other origins and allows no inline script", () => {
  const html = fs.readFileSync(path.join(www, "index.html"), "utf8");
  assert.doesNotMatch(html, /(src|href)=["']?(https?:)?\/\//, "every URL is relative");
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, "no inline script");
  const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
  assert.match(csp, /connect-src 'self'/);
});

test("the page's modules arrive as one bundle of app.js and everything it imports, as built now", async () => {
  const html = fs.readFileSync(path.join(www, "index.html"), "utf8");
  const entries = [...html.matchAll(/<script type="module" src="\.\/([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(entries, ["app.bundle.js"], "one module script, the bundle");
  assert.doesNotMatch(html, /modulepreload/, "nothing else to preload");
  // The modules app.js imports, directly or not, each once.
  /** @type {Set<string>} */
  const imported = new Set(["app.js"]);
  const pending = ["app.js"];
  while (pending.length) {
    const file = /** @type {string} */ (pending.pop());
    for (const [, dep] of fs.readFileSync(path.join(www, file), "utf8").matchAll(/^import .* from "\.\/([^"]+)";$/gm)) {
      if (!imported.has(dep)) {
        imported.add(dep);
        pending.push(dep);
      }
    }
  }
  const { bundle } = await import("../../scripts/bundle-page.mjs");
  const fresh = await bundle(false);
  assert.deepEqual([...fresh.inputs].sort(), [...imported].sort(), "the bundle holds every module app.js imports");
  assert.equal(fs.readFileSync(path.join(www, "app.bundle.js"), "utf8"), fresh.text, "www/app.bundle.js is the bundle of the sources as they are (make build-web)");
});
