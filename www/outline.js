// The outline tree: one entry per heading, indented by level, with the mandated parts
// and the 纲要 task its section reports (names from the Rust catalogue); clicking an
// entry selects the heading in the text.
import { el, zh } from "./dom.js";
import { nameOf } from "./i18n.js";

/** @typedef {import("./pkg/fazhi_lens.js").Report} Report */
/**
 * Shows a place of the text: selects it in the text box and marks the annotated node
 * with this id, if any.
 * @typedef {(place: {start: number, end: number, id?: string}) => void} Reveal
 */

/**
 * Renders the outline.
 * @param {HTMLElement} list an <ol>
 * @param {Report} report
 * @param {Reveal} reveal
 */
export function renderOutline(list, report, reveal) {
  list.replaceChildren();
  for (const s of report.outline) {
    const li = el("li", undefined, { class: `level-${s.level}`, "data-id": s.id });
    const button = zh(el("button", `${s.marker}${s.title}`, { type: "button", class: "link" }));
    button.addEventListener("click", () => reveal({ start: s.start, end: s.end, id: s.id }));
    li.append(button);
    for (const p of s.parts) li.append(el("span", nameOf("part", p), { class: `badge part-${p}`, "data-part": p }));
    if (s.task != null) li.append(el("span", nameOf("task", s.task), { class: "badge task", "data-task": s.task }));
    list.append(li);
  }
}
