// The cited documents: 《title》, the normalized document number and the kind of
// document, all as the report (and Rust's reading of it) gives them; a long list is
// filled a slice at a time (slices.js).
import { el, zh } from "./dom.js";
import { Sliced, fillList } from "./slices.js";

/** @typedef {import("./pkg/fazhi_lens.js").Report} Report */

/** The list's work in slices. */
const job = new Sliced();

/**
 * Renders the citations.
 * @param {HTMLElement} list the list (`role="list"`), filled with groups of items
 * @param {Report} report
 * @returns {Promise<boolean>} true once every citation is in, false if a newer list came first
 */
export function renderCitations(list, report) {
  const group = () => el("ul", undefined, { role: "none" });
  return fillList(
    job,
    list,
    report.citations,
    (c) => {
      const label = [c.title != null ? `《${c.title}》` : "", c.docNumber ?? ""].filter(Boolean).join(" ");
      return zh(el("li", label + (c.kind != null ? ` · ${c.kind}` : "")));
    },
    group,
  );
}
