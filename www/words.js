// Keywords, word frequencies and the concordance (KWIC): clicking a word lists every
// occurrence with its context (computed in the worker); clicking a line selects it in
// the text.
import { el, zh, zhSpan } from "./dom.js";
import { errorText, tNodes } from "./i18n.js";

/** @typedef {import("./pkg/fazhi_lens.js").Report} Report */
/** @typedef {import("./pkg/fazhi_lens.js").Concordance} Concordance */
/** @typedef {import("./outline.js").Reveal} Reveal */
/** @typedef {(word: string) => void} Lookup */

/** How many of the most frequent words are listed. */
const TOP_WORDS = 30;

/**
 * Renders the keywords; clicking one looks it up.
 * @param {HTMLElement} list an <ol>
 * @param {Report} report
 * @param {Lookup} lookup
 */
export function renderKeywords(list, report, lookup) {
  list.replaceChildren();
  for (const k of report.keywords) {
    const button = zh(el("button", `${k.word}（${k.count}）`, { type: "button", class: "link", "data-word": k.word }));
    button.addEventListener("click", () => lookup(k.word));
    const li = el("li");
    li.append(button);
    list.append(li);
  }
}

/**
 * Renders the most frequent words as bars; clicking one looks it up.
 * @param {HTMLElement} list an <ol>
 * @param {Report} report
 * @param {Lookup} lookup
 */
export function renderFrequencies(list, report, lookup) {
  list.replaceChildren();
  const top = report.frequencies.slice(0, TOP_WORDS);
  const max = top.length ? top[0].count : 1;
  for (const f of top) {
    const button = zh(el("button", f.word, { type: "button", class: "link", "data-word": f.word }));
    button.addEventListener("click", () => lookup(f.word));
    const bar = el("span", String(f.count), { class: "bar" });
    bar.style.width = `${Math.max(8, (f.count / max) * 100)}%`;
    const li = el("li");
    li.append(button, bar);
    list.append(li);
  }
}

/**
 * Shows a word's concordance lines, or why there are none.
 * @param {{count: HTMLElement, list: HTMLElement}} where
 * @param {string} word
 * @param {{lines: Concordance[]} | {error: unknown}} result the lines, or why the lookup failed
 * @param {Reveal} reveal
 */
export function renderConcordance(where, word, result, reveal) {
  where.list.replaceChildren();
  if ("error" in result) {
    where.count.textContent = errorText(result.error);
    return;
  }
  const { lines } = result;
  where.count.replaceChildren(...tNodes("occurrences", { w: zhSpan(word), n: lines.length }));
  for (const c of lines) {
    const li = zh(el("li", undefined, { tabindex: "0" }));
    li.append(el("span", c.left, { class: "left" }), el("mark", c.word), el("span", c.right, { class: "right" }));
    const go = () => reveal({ start: c.start, end: c.end });
    li.addEventListener("click", go);
    li.addEventListener("keydown", (event) => {
      if (event.key === "Enter") go();
    });
    where.list.append(li);
  }
}
