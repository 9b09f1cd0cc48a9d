// The annotated text: the whole input, with its headings, metrics, citations and removed
// boilerplate marked. Every boundary of every span cuts the text into runs; a run
// carries the classes of the spans covering it, and the metric it belongs to explains
// itself on hover and focus (in the page's language; indicator names from Rust).
import { el } from "./dom.js";
import { nameOf, t } from "./i18n.js";

/** @typedef {import("./pkg/fazhi_lens.js").Report} Report */
/** @typedef {import("./pkg/fazhi_lens.js").Metric} Metric */
/** @typedef {{start: number, end: number, cls: string, label?: string, id?: string}} Mark */

/**
 * What a metric's mark says on hover and focus.
 * @param {Metric} m
 * @returns {string}
 */
export function metricLabel(m) {
  const value = m.valueMax != null ? `${m.value}–${m.valueMax}` : String(m.value);
  return [
    `${value} ${m.unit}`,
    m.qualifier != null ? t(m.qualifier) : "",
    m.subject != null ? t("metricSubject", { s: m.subject }) : "",
    m.indicator != null ? t("metricIndicator", { s: nameOf("indicator", m.indicator) }) : "",
    m.target ? t("target") : "",
  ]
    .filter(Boolean)
    .join(t("noteSep"));
}

/**
 * Renders the text with its spans marked (the view is marked lang="zh" in index.html).
 * @param {HTMLElement} view
 * @param {Report} report
 * @param {string} text
 */
export function renderAnnotated(view, report, text) {
  /** @type {Mark[]} */
  const marks = [];
  for (const s of report.outline) marks.push({ start: s.start, end: s.end, cls: `a-heading a-level-${s.level}`, id: s.id });
  for (const r of report.removed) marks.push({ start: r.start, end: r.end, cls: "a-removed", label: t("removedLabel", { reason: r.reason }) });
  for (const c of report.citations) marks.push({ start: c.start, end: c.end, cls: "a-citation", label: [c.kind, c.docNumber].filter(Boolean).join(" · ") });
  for (const m of report.metrics) marks.push({ start: m.start, end: m.end, cls: "a-metric", label: metricLabel(m), id: m.id });
  const cuts = [...new Set([0, text.length, ...marks.flatMap((x) => [x.start, x.end])])].sort((a, b) => a - b);
  view.replaceChildren();
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const covering = marks.filter((x) => x.start <= a && b <= x.end);
    const piece = text.slice(a, b);
    if (!covering.length) {
      view.append(document.createTextNode(piece));
      continue;
    }
    const metric = covering.find((x) => x.cls === "a-metric");
    const node = el(metric ? "mark" : "span", piece, { class: covering.map((x) => x.cls).join(" ") });
    const labelled = metric ?? covering.find((x) => x.label);
    if (labelled?.label) {
      node.title = labelled.label;
      if (metric) {
        node.tabIndex = 0;
        node.setAttribute("aria-label", `${piece}：${metric.label}`);
        node.dataset.id = metric.id ?? "";
      }
    }
    const heading = covering.find((x) => x.cls.startsWith("a-heading"));
    if (heading) node.dataset.section = heading.id ?? "";
    view.append(node);
  }
}

/**
 * Marks the first node of a heading or metric as the current one and scrolls to it.
 * @param {HTMLElement} view
 * @param {string | undefined} id a section or metric id; nothing is marked without one
 */
export function highlight(view, id) {
  for (const node of view.querySelectorAll(".a-current")) node.classList.remove("a-current");
  if (id === undefined) return;
  const hit = view.querySelector(`[data-id="${CSS.escape(id)}"], [data-section="${CSS.escape(id)}"]`);
  if (!hit) return;
  hit.classList.add("a-current");
  hit.scrollIntoView({ block: "center" });
}
