// The many-reports view: files analysed one by one, their status, the indicators ×
// reports matrix, the mandated parts and 纲要 tasks heatmap (which parts a report requires
// comes from Rust's scorecard: by its year, none for a document that is not a report), the
// trend chart, and the batch exports, which are the
// CLI's CSV and Markdown over the same files.
import { el, zh } from "./dom.js";
import { errorText, nameOf, t, tNodes } from "./i18n.js";
import { download } from "./exports.js";

/** @typedef {import("./pkg/fazhi_lens.js").Report} Report */
/** @typedef {import("./pkg/fazhi_lens.js").ReportEntry} ReportEntry */
/** @typedef {import("./pkg/fazhi_lens.js").Part} Part */
/** @typedef {import("./pkg/fazhi_lens.js").Scorecard} Scorecard */
/** @typedef {import("./engine.js").Engine} Engine */
/** @typedef {import("./chart.js").TrendChart} TrendChart */
/** @typedef {"queued" | "decoding" | "analyzing" | "finished" | "failed"} Status */
/**
 * One file of the batch: its name, where it is, its text and report once analysed, with
 * its scorecard and indicator values, and why it failed.
 * @typedef {{name: string, status: Status, text: string, report: Report | null, scorecard: Scorecard | null, values: Record<string, number>, error: unknown, cancelled: boolean}} BatchItem
 */
/** A finished item. @typedef {BatchItem & {report: Report, scorecard: Scorecard}} Finished */

/**
 * Whether an item has its report.
 * @param {BatchItem} item
 * @returns {item is Finished}
 */
function finished(item) {
  return item.report !== null && item.scorecard !== null;
}

/** The batch: its items, the run that fills them, and its tables. */
export class Batch {
  /** @type {BatchItem[]} */
  #items = [];
  /** Bumped by a new batch or a cancel; a run that sees another number stops. */
  #run = 0;

  /**
   * @param {{engine: Engine, section: HTMLElement, progress: HTMLElement, cancel: HTMLElement, list: HTMLTableElement, matrix: HTMLTableElement, heatmap: HTMLTableElement, chart: TrendChart, open: (item: Finished) => void, fail: (err: unknown) => void}} parts
   */
  constructor(parts) {
    this.parts = parts;
  }

  /** The finished items, in list order. */
  get done() {
    return this.#items.filter(finished);
  }

  /**
   * The finished reports as export entries, named by their files.
   * @returns {ReportEntry[]}
   */
  entries() {
    return this.done.map((b) => ({ file: b.name, report: b.report }));
  }

  /**
   * Analyses files one by one (decoded in Rust), then opens the first report.
   * @param {File[]} files
   */
  async analyse(files) {
    const run = ++this.#run;
    const { engine } = this.parts;
    this.#items = files.map((f) => ({ name: f.name, status: "queued", text: "", report: null, scorecard: null, values: {}, error: null, cancelled: false }));
    this.parts.section.hidden = false;
    this.render();
    for (let i = 0; i < files.length; i++) {
      if (run !== this.#run) return;
      const item = this.#items[i];
      try {
        item.status = "decoding";
        this.render();
        const decoded = await engine.decode(await files[i].arrayBuffer());
        item.text = decoded.text;
        item.status = "analyzing";
        this.render();
        const { report, scorecard, values } = await engine.analyzeForBatch(decoded.text);
        item.report = report;
        item.scorecard = scorecard;
        item.values = values;
        item.status = "finished";
      } catch (err) {
        item.status = "failed";
        item.error = err;
      }
      if (run !== this.#run) return;
      this.render();
    }
    const first = this.done[0];
    if (first) this.parts.open(first);
  }

  /** Stops the running batch (the worker is restarted by the caller). */
  cancel() {
    this.#run++;
    for (const b of this.#items) {
      if (b.status !== "finished") {
        b.status = "failed";
        b.cancelled = true;
      }
    }
    this.render();
  }

  /** Renders the status list, the matrix, the heatmap and the chart. */
  render() {
    const settled = this.#items.filter((b) => b.status === "finished" || b.status === "failed").length;
    this.parts.progress.textContent = t("progress", { n: settled, total: this.#items.length });
    this.parts.cancel.hidden = settled === this.#items.length;
    this.#renderList();
    this.#renderMatrix();
    this.#renderHeatmap();
    this.parts.chart.update(this.done);
  }

  /** The status list: a file per row; clicking a file opens it in the single view. */
  #renderList() {
    const tbody = this.parts.list.tBodies[0];
    tbody.replaceChildren();
    for (const b of this.#items) {
      const tr = el("tr", undefined, { "data-status": b.status });
      const name = zh(el("button", b.name, { type: "button", class: "link" }));
      name.addEventListener("click", () => {
        if (finished(b)) this.parts.open(b);
      });
      const file = el("td");
      file.append(name);
      const status = el("td");
      if (b.status !== "failed") status.textContent = t(b.status);
      else if (b.cancelled) status.textContent = t("cancelledItem");
      else status.append(...tNodes("failedStatus", { error: errorText(b.error) }));
      const count = (/** @type {number | undefined} */ n) => el("td", n === undefined ? "" : String(n));
      tr.append(file, status, count(b.report?.stats.headings), count(b.report?.metrics.length), count(b.report?.checks.length));
      tbody.append(tr);
    }
  }

  /**
   * A header row: an empty corner (or a label), then one column per finished report.
   * @param {string} corner
   * @returns {HTMLTableRowElement}
   */
  #headRow(corner) {
    const head = el("tr");
    head.append(el("th", corner, { scope: "col" }), ...this.done.map((b) => zh(el("th", b.name, { scope: "col" }))));
    return head;
  }

  /** Indicators × reports: the stated values of each indicator, per report. */
  #renderMatrix() {
    const matrix = this.parts.matrix;
    matrix.replaceChildren(this.#headRow(t("indicator")));
    const done = this.done;
    /** @type {Set<string>} */
    const ids = new Set();
    for (const b of done) for (const m of b.report.metrics) if (m.indicator != null) ids.add(m.indicator);
    const indicators = [...ids].sort((a, b) => nameOf("indicator", a).localeCompare(nameOf("indicator", b), "zh"));
    for (const id of indicators) {
      const tr = el("tr", undefined, { "data-indicator": id });
      tr.append(el("th", nameOf("indicator", id), { scope: "row" }));
      for (const b of done) {
        const values = b.report.metrics.filter((m) => m.indicator === id).map((m) => `${m.value}${m.unit}`);
        tr.append(zh(el("td", values.join("；"))));
      }
      matrix.append(tr);
    }
  }

  /** Mandated parts and 纲要 tasks × reports: present, missing, or not required that year. */
  #renderHeatmap() {
    const heat = this.parts.heatmap;
    heat.replaceChildren(this.#headRow(""));
    const done = this.done;
    // Every part some report requires, in Rust's order (the longest list holds them all).
    const parts = done.map((b) => b.scorecard.partsRequired).reduce((a, b) => (b.length > a.length ? b : a), /** @type {Part[]} */ ([]));
    /** @type {Set<string>} */
    const taskSet = new Set();
    for (const b of done) for (const s of b.report.outline) if (s.task != null) taskSet.add(s.task);
    const tasks = [...taskSet].sort((a, b) => nameOf("task", a).localeCompare(nameOf("task", b), "zh"));
    /** @type {{label: string, attrs: Record<string, string>, has: (r: Report) => boolean, required: (b: Finished) => boolean}[]} */
    const rows = [
      ...parts.map((p) => ({ label: nameOf("part", p), attrs: { "data-part": p }, has: (/** @type {Report} */ r) => r.outline.some((s) => s.parts.includes(p)), required: (/** @type {Finished} */ b) => b.scorecard.partsRequired.includes(p) })),
      ...tasks.map((task) => ({ label: nameOf("task", task), attrs: { "data-task": task }, has: (/** @type {Report} */ r) => r.outline.some((s) => s.task === task), required: () => true })),
    ];
    for (const row of rows) {
      const tr = el("tr", undefined, row.attrs);
      tr.append(el("th", row.label, { scope: "row" }));
      for (const b of done) {
        const yes = row.has(b.report);
        const cell = yes ? el("td", "●", { class: "hit", "aria-label": t("yes") }) : row.required(b) ? el("td", "○", { class: "miss", "aria-label": t("no") }) : el("td", "–", { class: "na", "aria-label": t("notRequired"), title: t("notRequired") });
        tr.append(cell);
      }
      heat.append(tr);
    }
  }

  /** Downloads every finished report's metrics as the CLI's CSV. */
  async exportCsv() {
    const entries = this.entries();
    if (!entries.length) return;
    try {
      download("fazhi-lens-批量指标.csv", await this.parts.engine.metricsCsv(entries), "text/csv;charset=utf-8");
    } catch (err) {
      this.parts.fail(err);
    }
  }

  /** Downloads every finished report's outline as the CLI's Markdown. */
  async exportMarkdown() {
    const entries = this.entries();
    if (!entries.length) return;
    try {
      download("fazhi-lens-批量提纲.md", await this.parts.engine.outlineMarkdown(entries), "text/markdown;charset=utf-8");
    } catch (err) {
      this.parts.fail(err);
    }
  }

  /** Downloads every finished report as JSON lines, each with its file. */
  exportJson() {
    const entries = this.entries();
    if (entries.length) download("fazhi-lens-批量.jsonl", entries.map((e) => JSON.stringify({ file: e.file, ...e.report })).join("\n") + "\n", "application/x-ndjson");
  }
}
