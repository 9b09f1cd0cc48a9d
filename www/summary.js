// The report at a glance: its facts (title, year, issuer, what the document is, whether it
// is complete, counts) and the scorecard of what evaluators score (mandated parts present,
// 纲要 tasks covered, length, metric density, checks by severity), as Rust computes them.
import { el, zh } from "./dom.js";
import { nameOf, t } from "./i18n.js";

/** @typedef {import("./pkg/fazhi_lens.js").Report} Report */
/** @typedef {import("./pkg/fazhi_lens.js").Scorecard} Scorecard */
/** @typedef {import("./i18n.js").Key} Key */

/**
 * One fact of a description list: a field key (for tests and styling), its label and
 * value, whether the value is the report's own text (or Rust's Chinese reading of it), and
 * an optional note, which may be Chinese too.
 * @typedef {{field: string, label: Key, value: string, fromReport?: boolean, note?: string, noteZh?: boolean}} Fact
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
    if (fact.note) {
      const note = el("dd", fact.note, { class: "note" });
      div.append(fact.noteZh ? zh(note) : note);
    }
    list.append(div);
  }
}

/**
 * The summary line: title, year, issuer, what the document is, and counts.
 * @param {HTMLElement} list
 * @param {Report} report
 */
export function renderSummary(list, report) {
  const { meta, stats } = report;
  fillFacts(list, [
    meta.title != null ? { field: "title", label: "title", value: meta.title, fromReport: true } : { field: "title", label: "title", value: t("unknown") },
    { field: "year", label: "year", value: meta.year != null ? String(meta.year) : "—" },
    { field: "issuer", label: "issuer", value: meta.issuer ?? "—", fromReport: meta.issuer != null },
    { field: "kind", label: "docKind", value: nameOf("documentKind", meta.kind), note: meta.kindEvidence.join("；"), noteZh: true },
    ...(meta.incomplete ? [{ field: "incomplete", label: /** @type {Key} */ ("incomplete"), value: meta.incompleteEvidence.join("；"), fromReport: true, note: t("incompleteNote") }] : []),
    { field: "headings", label: "headings", value: String(stats.headings) },
    { field: "metrics", label: "metricsCount", value: String(stats.metrics) },
    { field: "checks", label: "checksCount", value: String(report.checks.length) },
    { field: "chars", label: "chars", value: String(stats.contentChars) },
  ]);
}

/**
 * The scorecard (computed by Rust: the parts the document must have, has and misses, the
 * 纲要 tasks its measures cover, its checks by severity).
 * @param {HTMLElement} list
 * @param {Report} report
 * @param {Scorecard} card
 */
export function renderScorecard(list, report, card) {
  const partNames = card.partsMissing.map((p) => nameOf("part", p)).join(t("listSep"));
  const parts = card.partsRequired.length
    ? { field: "parts", label: /** @type {Key} */ ("parts"), value: `${card.partsPresent.length} / ${card.partsRequired.length}`, note: card.partsMissing.length ? t("partsMissing", { parts: partNames }) : t("partsComplete") }
    : { field: "parts", label: /** @type {Key} */ ("parts"), value: "—", note: t("partsNotReport") };
  const { error, warning, info } = card.checks;
  fillFacts(list, [
    parts,
    { field: "tasks", label: "tasks", value: String(card.tasks.length), note: card.tasks.map((k) => nameOf("task", k)).join(t("listSep")) },
    { field: "contentChars", label: "contentChars", value: String(report.stats.contentChars) },
    { field: "per1000", label: "per1000", value: String(report.stats.metricsPer1000) },
    { field: "shortcomingsChars", label: "shortcomingsChars", value: String(report.stats.shortcomingsChars) },
    { field: "checks", label: "checksCount", value: `${error} ${t("error")} · ${warning} ${t("warning")} · ${info} ${t("info")}` },
  ]);
}
