// The metrics table: one row per metric with its section path (from Rust), filtered by
// text and by result/target, sorted by a clicked column; clicking a metric's raw text
// selects it in the text.
import { el, zh } from "./dom.js";
import { nameOf, t } from "./i18n.js";

/** @typedef {import("./pkg/fazhi_lens.js").Report} Report */
/** @typedef {import("./pkg/fazhi_lens.js").Metric} Metric */
/** @typedef {import("./outline.js").Reveal} Reveal */
/** @typedef {"raw" | "value" | "unit" | "subject" | "indicator" | "section"} SortKey */
/** A metric with what the table shows of it beside the report's fields. @typedef {{metric: Metric, path: string, indicator: string}} Row */

/** The sortable columns: what each sorts by. */
const SORT_KEYS = /** @type {Record<SortKey, (row: Row) => string | number>} */ ({
  raw: (r) => r.metric.raw,
  value: (r) => r.metric.value,
  unit: (r) => r.metric.unit,
  subject: (r) => r.metric.subject ?? "",
  indicator: (r) => r.indicator,
  section: (r) => r.path,
});

/**
 * Whether a string names a sortable column.
 * @param {string | undefined} key
 * @returns {key is SortKey}
 */
function isSortKey(key) {
  return key !== undefined && Object.hasOwn(SORT_KEYS, key);
}

/** The table, its filter controls and its order. */
export class MetricsTable {
  /** @type {{report: Report, paths: Record<string, string>} | null} */
  #shown = null;
  /** @type {{key: SortKey | null, dir: 1 | -1}} */
  #sort = { key: null, dir: 1 };

  /**
   * @param {{table: HTMLTableElement, filter: HTMLInputElement, kind: HTMLSelectElement, count: HTMLElement, reveal: Reveal}} parts
   */
  constructor(parts) {
    this.parts = parts;
    parts.filter.addEventListener("input", () => this.render());
    parts.kind.addEventListener("change", () => this.render());
    for (const th of parts.table.querySelectorAll("th")) {
      const key = th.dataset.sort;
      if (!isSortKey(key)) continue;
      th.tabIndex = 0;
      const activate = () => {
        this.#sort = { key, dir: this.#sort.key === key ? /** @type {1 | -1} */ (-this.#sort.dir) : 1 };
        for (const other of parts.table.querySelectorAll("th")) other.removeAttribute("aria-sort");
        th.setAttribute("aria-sort", this.#sort.dir === 1 ? "ascending" : "descending");
        this.render();
      };
      th.addEventListener("click", activate);
      th.addEventListener("keydown", (event) => {
        if (event.key === "Enter") activate();
      });
    }
  }

  /**
   * Shows a report's metrics.
   * @param {Report} report
   * @param {Record<string, string>} paths section paths by section id (from Rust)
   */
  show(report, paths) {
    this.#shown = { report, paths };
    this.render();
  }

  /** Renders the rows with the current filter and order. */
  render() {
    if (!this.#shown) return;
    const { report, paths } = this.#shown;
    const query = this.parts.filter.value.trim();
    const kind = this.parts.kind.value;
    /** @type {Row[]} */
    const rows = report.metrics
      .map((metric) => ({ metric, path: metric.section != null ? (paths[metric.section] ?? "") : "", indicator: metric.indicator != null ? nameOf("indicator", metric.indicator) : "" }))
      .filter((r) => kind === "all" || (kind === "target") === r.metric.target)
      .filter((r) => !query || [r.metric.raw, r.metric.subject, r.metric.indicator, r.indicator, r.path, r.metric.unit].some((f) => f?.includes(query)));
    const { key, dir } = this.#sort;
    if (key) {
      const by = SORT_KEYS[key];
      rows.sort((a, b) => (by(a) > by(b) ? dir : by(a) < by(b) ? -dir : 0));
    }
    const tbody = this.parts.table.tBodies[0];
    tbody.replaceChildren();
    for (const { metric: m, path, indicator } of rows) {
      const tr = el("tr", undefined, { "data-id": m.id });
      const raw = zh(el("button", m.raw, { type: "button", class: "link" }));
      raw.addEventListener("click", () => this.parts.reveal({ start: m.start, end: m.end, id: m.id }));
      const td = el("td");
      td.append(raw);
      const value = m.valueMax != null ? `${m.value}–${m.valueMax}` : String(m.value);
      tr.append(
        td,
        el("td", value),
        zh(el("td", m.unit)),
        el("td", m.qualifier != null ? t(m.qualifier) : ""),
        zh(el("td", m.subject ?? "")),
        el("td", indicator, m.indicator != null ? { "data-indicator": m.indicator } : {}),
        zh(el("td", path, { class: "path" })),
        el("td", m.target ? t("target") : ""),
      );
      tbody.append(tr);
    }
    this.parts.count.textContent = t("shown", { n: rows.length, total: report.metrics.length });
  }
}
