// The reference for the page's cold start, driven by bench/browser.mjs in fresh browser
// contexts: a page that does the least a jieba-wasm page can do to show a result. From
// navigation it loads the npm package jieba-wasm (its glue, its .wasm with the built-in
// dictionary), fetches the page's example report, cuts it (the first cut builds
// jieba-wasm's dictionary) and puts the words on screen, marking the same milestones the
// page marks: `jieba:first-cut` once the words are in the DOM and `jieba:first-cut-painted`
// once the frame showing them has been produced.
//
// Served from a folder where /app/ is www/ (the built page) and /jieba/ is
// node_modules/jieba-wasm/pkg/web/.
import init, { cut } from "/jieba/jieba_rs_wasm.js";

const [text] = await Promise.all([fetch("/app/example.txt").then((r) => r.text()), init({ module_or_path: "/jieba/jieba_rs_wasm_bg.wasm" })]);
const words = cut(text, false);
const shown = /** @type {HTMLElement} */ (document.getElementById("words"));
shown.textContent = words.join(" / ");
performance.mark("jieba:first-cut");
requestAnimationFrame(() => setTimeout(() => performance.mark("jieba:first-cut-painted")));
