// The cited documents: 《title》, the normalized document number and the kind of
// document, all as the report (and Rust's reading of it) gives them.
import { el, zh } from "./dom.js";

/** @typedef {import("./pkg/fazhi_lens.js").Report} Report */

/**
 * Renders the citations.
 * @param {HTMLElement} list a <ul>
 * @param {Report} report
 */
export function renderCitations(list, report) {
  list.replaceChildren();
  for (const c of report.citations) {
    const label = [c.title != null ? `《${c.title}》` : "", c.docNumber ?? ""].filter(Boolean).join(" ");
    list.append(zh(el("li", label + (c.kind != null ? ` · ${c.kind}` : ""))));
  }
}
