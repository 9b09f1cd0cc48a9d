// The report at a glance: its facts (title, year, issuer, counts) and the scorecard of
// what evaluators score (mandated parts present, 纲要 tasks covered, length, metric
// density, checks by severity).
import { el, zh } from "./dom.js";
import { nameOf, t } from "./i18n.js";

/** @typedef {import("./pkg/fazhi_lens.js").Report} Report */
/** @typedef {import("./pkg/fazhi_lens.js").Part} Part */
/** @typedef {import("./pkg/fazhi_lens.js").Severity} Severity */
/** @typedef {import("./i18n.js").Key} Key */

/**
 * One fact of a description list: a field key (for tests and styling), its label and
 * value, whether the value is the report's own text, and an optional note.
 * @typedef {{field: string, label: Key, value: string, fromReport?: boolean, note?: string}} Fact
 */

/**
 * Fills a description list with facts.
 * @param {HTMLElement} list a <dl>
 * @param {Fact[]} facts
 */
function fillFacts(list, facts) {
  list.replaceChildren();
  for (const fact of facts) {
    const div = el("div");
    const value = el("dd", fact.value, { "data-field": fact.field });
    div.append(el("dt", t(fact.label)), fact.fromReport ? zh(value) : value);
    if (fact.note) div.append(el("dd", fact.note, { class: "note" }));
    list.append(div);
  }
}

/**
 * The summary line: title, year, issuer and counts.
 * @param {HTMLElement} list
 * @param {Report} report
 */
export function renderSummary(list, report) {
  const { meta, stats } = report;
  fillFacts(list, [
    meta.title != null ? { field: "title", label: "title", value: meta.title, fromReport: true } : { field: "title", label: "title", value: t("unknown") },
    { field: "year", label: "year", value: meta.year != null ? String(meta.year) : "—" },
    { field: "issuer", label: "issuer", value: meta.issuer ?? "—", fromReport: meta.issuer != null },
    { field: "headings", label: "headings", value: String(stats.headings) },
    { field: "metrics", label: "metricsCount", value: String(stats.metrics) },
    { field: "checks", label: "checksCount", value: String(report.checks.length) },
    { field: "chars", label: "chars", value: String(stats.contentChars) },
  ]);
}

/**
 * The mandated parts a report has, of those its year requires (`mandated`, from Rust).
 * @param {Report} report
 * @param {Part[]} mandated
 * @returns {{present: Part[], missing: Part[]}}
 */
export function partsCovered(report, mandated) {
  const parts = new Set(report.outline.flatMap((s) => s.parts));
  return { present: mandated.filter((p) => parts.has(p)), missing: mandated.filter((p) => !parts.has(p)) };
}

/**
 * The 纲要 tasks the report's measures sections cover, as task keys in outline order.
 * @param {Report} report
 * @returns {string[]}
 */
export function tasksCovered(report) {
  /** @type {Set<string>} */
  const tasks = new Set();
  for (const s of report.outline) if (s.task != null && s.parts.includes("measures")) tasks.add(s.task);
  return [...tasks];
}

/**
 * The scorecard.
 * @param {HTMLElement} list
 * @param {Report} report
 * @param {Part[]} mandated the parts the report's year requires (from Rust)
 */
export function renderScorecard(list, report, mandated) {
  const { present, missing } = partsCovered(report, mandated);
  const tasks = tasksCovered(report);
  /** @type {Record<Severity, number>} */
  const bySeverity = { error: 0, warning: 0, info: 0 };
  for (const c of report.checks) bySeverity[c.severity]++;
  const partNames = missing.map((p) => nameOf("part", p)).join(t("listSep"));
  fillFacts(list, [
    { field: "parts", label: "parts", value: `${present.length} / ${mandated.length}`, note: missing.length ? t("partsMissing", { parts: partNames }) : t("partsComplete") },
    { field: "tasks", label: "tasks", value: String(tasks.length), note: tasks.map((k) => nameOf("task", k)).join(t("listSep")) },
    { field: "contentChars", label: "contentChars", value: String(report.stats.contentChars) },
    { field: "per1000", label: "per1000", value: String(report.stats.metricsPer1000) },
    { field: "shortcomingsChars", label: "shortcomingsChars", value: String(report.stats.shortcomingsChars) },
    { field: "checks", label: "checksCount", value: `${bySeverity.error} ${t("error")} · ${bySeverity.warning} ${t("warning")} · ${bySeverity.info} ${t("info")}` },
  ]);
}
