// The checks: severity (a label in the page's language) and the message (Chinese, as
// Rust writes it); a check with a place selects it in the text when clicked.
import { el, zhSpan } from "./dom.js";
import { t } from "./i18n.js";

/** @typedef {import("./pkg/fazhi_lens.js").Report} Report */
/** @typedef {import("./outline.js").Reveal} Reveal */

/**
 * Renders the checks.
 * @param {HTMLElement} list a <ul>
 * @param {Report} report
 * @param {Reveal} reveal
 */
export function renderChecks(list, report, reveal) {
  list.replaceChildren();
  for (const c of report.checks) {
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
    list.append(li);
  }
}
