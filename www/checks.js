// The checks: severity (a label in the page's language) and the message (Chinese, as
// Rust writes it); a check with a place selects it in the text when clicked. A long
// list is filled a slice at a time (slices.js).
import { el, zhSpan } from "./dom.js";
import { t } from "./i18n.js";
import { Sliced, fillList } from "./slices.js";

/** @typedef {import("./pkg/fazhi_lens.js").Report} Report */
/** @typedef {import("./outline.js").Reveal} Reveal */

/** The list's work in slices. */
const job = new Sliced();

/**
 * Renders the checks.
 * @param {HTMLElement} list the list (`role="list"`), filled with groups of items
 * @param {Report} report
 * @param {Reveal} reveal
 * @returns {Promise<boolean>} true once every check is in, false if a newer list came first
 */
export function renderChecks(list, report, reveal) {
  const group = () => el("ul", undefined, { role: "none" });
  return fillList(job, list, report.checks, (c) => {
    const li = el("li", undefined, { class: `severity-${c.severity}`, "data-kind": c.kind });
    li.append(el("span", t(c.severity), { class: "severity" }), zhSpan(c.message));
    const { start, end } = c;
    if (start != null && end != null) {
      li.classList.add("clickable");
      li.tabIndex = 0;
      li.addEventListener("click", () => reveal({ start, end }));
      li.addEventListener("keydown", (event) => {
        if (event.key === "Enter") reveal({ start, end });
      });
    }
    return li;
  }, group);
}
