// The page: paste, open or drop a report; the worker analyzes it; the result is rendered
// with DOM nodes and textContent only (the text is untrusted).
import { applyLanguage, t, toggleLanguage } from "./i18n.js";

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** Where the pasted text is autosaved (this browser only). */
const STORAGE_KEY = "fazhi-lens:text";
/** The largest text analyzed, in UTF-16 code units (about 16 MB of Chinese text). */
const MAX_LENGTH = 8_000_000;

/** A module worker with request ids; every request resolves or rejects. */
class Engine {
  constructor() {
    /** @type {Map<number, {resolve: Function, reject: Function}>} */
    this.pending = new Map();
    this.nextId = 1;
    /** @type {(msg: any) => void} */
    this.onEvent = () => {};
    this.start();
  }

  /** Starts (or restarts) the worker. */
  start() {
    this.worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    this.worker.onmessage = (event) => {
      const msg = event.data;
      if (msg.id === undefined) {
        this.onEvent(msg);
        return;
      }
      const waiting = this.pending.get(msg.id);
      if (!waiting) return;
      this.pending.delete(msg.id);
      if (msg.error) waiting.reject(Object.assign(new Error(msg.error.message), msg.error));
      else waiting.resolve(msg.ok);
      // A trap inside WebAssembly leaves the module unusable: start a fresh worker.
      if (msg.fatal) this.fail({ message: msg.error.message, messageZh: "分析引擎出错，已自动重新启动；您的文本没有丢失。", code: "worker_crashed" });
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.fail({ message: event.message || "worker error", messageZh: "分析引擎出错，已自动重新启动；您的文本没有丢失。", code: "worker_crashed" });
    };
  }

  /**
   * Rejects every pending request and restarts the worker.
   * @param {{message: string, messageZh: string, code: string}} error
   */
  fail(error) {
    for (const { reject } of this.pending.values()) reject(Object.assign(new Error(error.message), error));
    this.pending.clear();
    this.worker.terminate();
    this.onEvent({ type: "restarted", error });
    this.start();
  }

  /**
   * Calls a worker method.
   * @param {string} method
   * @param {any[]} args
   * @returns {Promise<any>}
   */
  call(method, ...args) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, method, args });
    });
  }
}

/**
 * Creates an element with text content and attributes.
 * @param {string} tag
 * @param {string} [text]
 * @param {Record<string, string>} [attrs]
 */
function el(tag, text, attrs = {}) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

/**
 * Selects a span of the textarea and scrolls it into view.
 * @param {number} start UTF-16 offset
 * @param {number} end UTF-16 offset
 */
function reveal(start, end) {
  for (const node of document.querySelectorAll("#annotated .a-current")) node.classList.remove("a-current");
  const hit = [...document.querySelectorAll("#annotated [data-id], #annotated [data-section]")].find((n) => {
    const id = /** @type {HTMLElement} */ (n).dataset.id || /** @type {HTMLElement} */ (n).dataset.section;
    const item = current.report && [...current.report.metrics, ...current.report.outline].find((/** @type {any} */ x) => x.id === id);
    return item && item.start === start;
  });
  if (hit) {
    hit.classList.add("a-current");
    hit.scrollIntoView({ block: "center" });
  }
  const area = /** @type {HTMLTextAreaElement} */ ($("text"));
  area.focus();
  area.setSelectionRange(start, end);
  const before = area.value.slice(0, start);
  const lines = before.split("\n").length;
  const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 20;
  area.scrollTop = Math.max(0, (lines - 3) * lineHeight);
}

/**
 * Renders a Report.
 * @param {any} report
 * @param {string} text
 */
function render(report, text) {
  const summary = $("summary");
  summary.replaceChildren();
  const facts = [
    ["标题", t("title"), report.meta.title ?? t("unknown")],
    ["年度", t("year"), report.meta.year ?? "—"],
    ["发文机关", t("issuer"), report.meta.issuer ?? "—"],
    ["标题数", t("headings"), report.stats.headings],
    ["指标数", t("metricsCount"), report.stats.metrics],
    ["核查", t("checksCount"), report.checks.length],
    ["字数", t("chars"), report.stats.contentChars],
  ];
  for (const [field, label, v] of facts) {
    const div = el("div");
    div.append(el("dt", String(label)), el("dd", String(v), { "data-field": String(field) }));
    summary.append(div);
  }

  const outline = $("outline");
  outline.replaceChildren();
  for (const s of report.outline) {
    const li = el("li", undefined, { class: `level-${s.level}`, "data-id": s.id });
    const button = el("button", `${s.marker}${s.title}`, { type: "button", class: "link" });
    button.addEventListener("click", () => reveal(s.start, s.end));
    li.append(button);
    for (const p of s.parts) li.append(el("span", t(p), { class: `badge part-${p}` }));
    if (s.task) li.append(el("span", s.task, { class: "badge task" }));
    outline.append(li);
  }

  const checks = $("checks");
  checks.replaceChildren();
  for (const c of report.checks) {
    const li = el("li", undefined, { class: `severity-${c.severity}` });
    li.append(el("span", t(c.severity), { class: "severity" }), el("span", c.message));
    if (c.start !== null) {
      li.classList.add("clickable");
      li.tabIndex = 0;
      li.addEventListener("click", () => reveal(c.start, c.end));
    }
    checks.append(li);
  }

  current = { report, text };
  renderMetrics();
  renderAnnotated(report, text);
  renderScorecard(report);

  const keywords = $("keywords");
  keywords.replaceChildren();
  for (const k of report.keywords) {
    const li = el("li");
    const button = el("button", `${k.word}（${k.count}）`, { type: "button", class: "link", "data-word": k.word });
    button.addEventListener("click", () => concordance(k.word));
    li.append(button);
    keywords.append(li);
  }

  const frequencies = $("frequencies");
  frequencies.replaceChildren();
  const top = report.frequencies.slice(0, 30);
  const max = top.length ? top[0].count : 1;
  for (const f of top) {
    const li = el("li");
    const button = el("button", f.word, { type: "button", class: "link", "data-word": f.word });
    button.addEventListener("click", () => concordance(f.word));
    const bar = el("span", String(f.count), { class: "bar" });
    bar.style.width = `${Math.max(8, (f.count / max) * 100)}%`;
    li.append(button, bar);
    frequencies.append(li);
  }

  const citations = $("citations");
  citations.replaceChildren();
  for (const c of report.citations) {
    const label = [c.title ? `《${c.title}》` : "", c.docNumber ?? ""].filter(Boolean).join(" ");
    citations.append(el("li", label + (c.kind ? ` · ${c.kind}` : "")));
  }

  $("json").textContent = JSON.stringify(report, null, 2);
  void text;
}

/**
 * Shows every occurrence of a word with its context (computed in the worker).
 * @param {string} word
 */
async function concordance(word) {
  const input = /** @type {HTMLInputElement} */ ($("kwic-word"));
  input.value = word;
  const list = $("kwic");
  list.replaceChildren();
  if (!word.trim()) {
    $("kwic-count").textContent = "";
    return;
  }
  try {
    const lines = await engine.call("kwic", area.value, word, 24);
    $("kwic-count").textContent = t("occurrences", { w: word, n: lines.length });
    for (const c of lines) {
      const li = el("li", undefined, { tabindex: "0" });
      li.append(el("span", c.left, { class: "left" }), el("mark", c.word), el("span", c.right, { class: "right" }));
      const go = () => reveal(c.start, c.end);
      li.addEventListener("click", go);
      li.addEventListener("keydown", (event) => {
        if (event.key === "Enter") go();
      });
      list.append(li);
    }
  } catch (err) {
    $("kwic-count").textContent = /** @type {any} */ (err).messageZh ?? String(err);
  }
}

/** The report on screen, with its text. */
let current = { report: /** @type {any} */ (null), text: "" };
/** Metrics table order: column and direction. */
let sort = { key: "", dir: 1 };

/**
 * The section path of a metric: the titles from the top level down.
 * @param {any} report
 * @param {string | null} id
 */
function sectionPath(report, id) {
  const path = [];
  for (let s = report.outline.find((/** @type {any} */ o) => o.id === id); s; s = report.outline.find((/** @type {any} */ o) => o.id === s.parent)) {
    path.unshift(`${s.marker}${s.title}`);
  }
  return path.join(" > ");
}

/**
 * Renders the text with its headings, metrics, citations and removed boilerplate marked.
 * Every boundary of every span cuts the text into runs; a run carries the classes of the
 * spans covering it, and the metric it belongs to explains itself on hover and focus.
 * @param {any} report
 * @param {string} text
 */
function renderAnnotated(report, text) {
  /** @type {{start: number, end: number, cls: string, label?: string, id?: string}[]} */
  const spans = [];
  for (const s of report.outline) spans.push({ start: s.start, end: s.end, cls: `a-heading a-level-${s.level}`, id: s.id });
  for (const r of report.removed) spans.push({ start: r.start, end: r.end, cls: "a-removed", label: `已排除：${r.reason}` });
  for (const c of report.citations) spans.push({ start: c.start, end: c.end, cls: "a-citation", label: [c.kind, c.docNumber].filter(Boolean).join(" · ") });
  for (const m of report.metrics) {
    const value = m.valueMax !== null ? `${m.value}–${m.valueMax}` : m.value;
    const label = [`${value} ${m.unit}`, m.qualifier ? t(m.qualifier) : "", m.subject ? `对象：${m.subject}` : "", m.indicator ? `指标：${m.indicator}` : "", m.target ? "目标" : ""].filter(Boolean).join("；");
    spans.push({ start: m.start, end: m.end, cls: "a-metric", label, id: m.id });
  }
  const cuts = [...new Set([0, text.length, ...spans.flatMap((x) => [x.start, x.end])])].sort((a, b) => a - b);
  const view = $("annotated");
  view.replaceChildren();
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const covering = spans.filter((x) => x.start <= a && b <= x.end);
    const piece = text.slice(a, b);
    if (!covering.length) {
      view.append(document.createTextNode(piece));
      continue;
    }
    const node = el(covering.some((x) => x.cls === "a-metric") ? "mark" : "span", piece, { class: covering.map((x) => x.cls).join(" ") });
    const metric = covering.find((x) => x.cls === "a-metric");
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
 * What evaluators score: mandated parts present, 纲要 task coverage, length, metric
 * density and checks by severity.
 * @param {any} report
 */
function renderScorecard(report) {
  const parts = new Set(report.outline.flatMap((/** @type {any} */ s) => s.parts));
  // As in the checks: the 第一责任人 part is mandatory from report year 2019 on.
  const year = report.meta.year;
  const mandated = ["measures", "shortcomings", ...(year === null || year >= 2019 ? ["responsible_person"] : []), "next_year"];
  const tasks = new Set(report.outline.filter((/** @type {any} */ s) => s.task && s.parts.includes("measures")).map((/** @type {any} */ s) => s.task));
  const bySeverity = { error: 0, warning: 0, info: 0 };
  for (const c of report.checks) bySeverity[/** @type {"error"|"warning"|"info"} */ (c.severity)]++;
  const facts = [
    ["法定部分", t("parts"), `${mandated.filter((p) => parts.has(p)).length} / ${mandated.length}`, mandated.filter((p) => !parts.has(p)).map((p) => `缺：${t(p)}`).join("；") || "齐全"],
    ["纲要任务覆盖", t("tasks"), String(tasks.size), [...tasks].join("、")],
    ["正文字数", t("contentChars"), String(report.stats.contentChars), ""],
    ["每千字指标", t("per1000"), String(report.stats.metricsPer1000), ""],
    ["问题部分字数", t("shortcomingsChars"), String(report.stats.shortcomingsChars), ""],
    ["核查", t("checksCount"), `${bySeverity.error} ${t("error")} · ${bySeverity.warning} ${t("warning")} · ${bySeverity.info} ${t("info")}`, ""],
  ];
  const card = $("scorecard");
  card.replaceChildren();
  for (const [field, label, v, note] of facts) {
    const div = el("div");
    div.append(el("dt", label), el("dd", v, { "data-field": field }));
    if (note) div.append(el("dd", note, { class: "note" }));
    card.append(div);
  }
}

/** Renders the metrics table with the current filter and order. */
function renderMetrics() {
  const { report } = current;
  if (!report) return;
  const query = /** @type {HTMLInputElement} */ ($("metric-filter")).value.trim();
  const kind = /** @type {HTMLSelectElement} */ ($("metric-kind")).value;
  const rows = report.metrics
    .map((/** @type {any} */ m) => ({ ...m, sectionPath: sectionPath(report, m.section) }))
    .filter((/** @type {any} */ m) => kind === "all" || (kind === "target") === m.target)
    .filter((/** @type {any} */ m) => !query || [m.raw, m.subject, m.indicator, m.sectionPath, m.unit].some((f) => f?.includes(query)));
  if (sort.key) {
    const key = sort.key === "section" ? "sectionPath" : sort.key;
    rows.sort((/** @type {any} */ a, /** @type {any} */ b) => (a[key] ?? "") > (b[key] ?? "") ? sort.dir : (a[key] ?? "") < (b[key] ?? "") ? -sort.dir : 0);
  }
  const tbody = $("metrics").querySelector("tbody");
  tbody.replaceChildren();
  for (const m of rows) {
    const tr = el("tr", undefined, { "data-id": m.id });
    const raw = el("button", m.raw, { type: "button", class: "link" });
    raw.addEventListener("click", () => reveal(m.start, m.end));
    const td = el("td");
    td.append(raw);
    const value = m.valueMax !== null ? `${m.value}–${m.valueMax}` : String(m.value);
    tr.append(td, el("td", value), el("td", m.unit), el("td", m.qualifier ? t(m.qualifier) : ""), el("td", m.subject ?? ""), el("td", m.indicator ?? ""), el("td", m.sectionPath, { class: "path" }), el("td", m.target ? t("target") : ""));
    tbody.append(tr);
  }
  $("metric-count").textContent = t("shown", { n: rows.length, total: report.metrics.length });
}

/**
 * CSV of the metrics (UTF-8 with BOM so that Excel reads Chinese), one row per metric.
 * @param {any} report
 * @param {string} file
 */
function metricsCsv(report, file) {
  const quote = (/** @type {unknown} */ v) => {
    const t = v === null || v === undefined ? "" : String(v);
    return /[",\n\r]/.test(t) ? `"${t.replaceAll('"', '""')}"` : t;
  };
  const header = ["file", "section", "subject", "value", "valueMax", "unit", "qualifier", "indicator", "target", "raw", "start", "end"];
  const lines = [header.join(",")];
  for (const m of report.metrics) {
    lines.push([file, sectionPath(report, m.section), m.subject, m.value, m.valueMax, m.unit, m.qualifier, m.indicator, m.target, m.raw, m.start, m.end].map(quote).join(","));
  }
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

/**
 * The outline as a Markdown list.
 * @param {any} report
 */
function outlineMarkdown(report) {
  const lines = [`# ${report.meta.title ?? "报告提纲"}`, ""];
  for (const s of report.outline) {
    const parts = s.parts.map((/** @type {string} */ p) => t(p)).join("、");
    lines.push(`${"  ".repeat(s.level - 1)}- ${s.marker}${s.title}${parts ? `（${parts}）` : ""}${s.task ? ` — ${s.task}` : ""}`);
  }
  return lines.join("\n") + "\n";
}

/**
 * Saves a file from the page (a blob URL: nothing leaves the browser).
 * @param {string} name
 * @param {string} content
 * @param {string} type
 */
function download(name, content, type) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = el("a", undefined, { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name from the report title. */
function baseName() {
  return (current.report?.meta.title ?? "report").replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 60);
}

const engine = new Engine();
const area = /** @type {HTMLTextAreaElement} */ ($("text"));
const status = $("status");
let generation = 0;

/**
 * Shows a status line.
 * @param {string} state loading | analyzing | done | error
 * @param {string} message
 */
function setStatus(state, message) {
  status.dataset.state = state;
  status.textContent = message;
}

/**
 * Records a performance mark the first time a milestone is reached (the benchmark reads
 * them: time from navigation to the first report on screen, and to the one with the
 * dictionary).
 * @param {string} name
 */
function markOnce(name) {
  if (performance.getEntriesByName(name, "mark").length === 0) performance.mark(name);
}

/** Analyzes the textarea's text; a newer call supersedes an older one. */
async function analyze() {
  const mine = ++generation;
  const text = area.value;
  if (!text.trim()) {
    setStatus("idle", t("idle"));
    return;
  }
  if (text.length > MAX_LENGTH) {
    setStatus("error", `文本过长（${Math.round(text.length / 10000)} 万字），超过 ${MAX_LENGTH / 10000} 万字的上限：请分成几份分别分析。文本仍保留在输入框中。`);
    return;
  }
  setStatus("analyzing", t("analyzing"));
  const cancel = $("cancel");
  cancel.hidden = false;
  const t0 = performance.now();
  try {
    const report = await engine.call("analyze", text);
    if (mine !== generation) return;
    render(report, text);
    setStatus("done", t("done", { h: report.stats.headings, m: report.stats.metrics, ms: Math.round(performance.now() - t0) }));
    markOnce("fazhi-lens:first-report");
    if (document.body.dataset.lexicon === "loaded") markOnce("fazhi-lens:full-report");
  } catch (err) {
    if (mine !== generation) return;
    setStatus("error", /** @type {any} */ (err).messageZh ?? String(err));
  } finally {
    if (mine === generation) cancel.hidden = true;
  }
}

/** Saves the text in this browser so that a reload restores it. */
function autosave() {
  try {
    if (area.value) localStorage.setItem(STORAGE_KEY, area.value);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage full or disabled: the text stays in the page, only the autosave is lost.
  }
}

let timer = 0;
area.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    autosave();
    analyze();
  }, 300);
});

engine.onEvent = (msg) => {
  if (msg.type === "restarted") {
    const notice = $("notice");
    notice.textContent = msg.error.code === "cancelled" ? "已取消分析。" : msg.error.messageZh;
    notice.hidden = false;
    return;
  }
  if (msg.type === "ready" || (msg.type === "lexicon" && msg.ok)) analyze();
  if (msg.type === "lexicon") document.body.dataset.lexicon = msg.ok ? "loaded" : "failed";
};

/** Loads the built-in example report. */
async function loadExample() {
  const response = await fetch(new URL("./example.txt", import.meta.url));
  area.value = await response.text();
  analyze();
}

/** The reports of the last batch: file name, status, text and report. */
let batch = /** @type {{name: string, status: string, text: string, report: any, error: string}[]} */ ([]);
let batchRun = 0;

/**
 * Reads dropped or opened files (decoded in Rust: UTF-8, UTF-16, GB18030, .docx). One file
 * goes into the text box; several are analysed one by one and compared.
 * @param {FileList | File[]} files
 */
async function openFiles(files) {
  const list = [...files];
  if (list.length === 1) {
    const file = list[0];
    try {
      const decoded = await engine.call("decode", await file.arrayBuffer());
      area.value = decoded.text;
      autosave();
      const notice = $("notice");
      notice.textContent = `已读取：${file.name}（${decoded.encoding}）`;
      notice.hidden = false;
      analyze();
    } catch (err) {
      setStatus("error", `${file.name}：${/** @type {any} */ (err).messageZh ?? err}`);
    }
    return;
  }
  const run = ++batchRun;
  batch = list.map((f) => ({ name: f.name, status: "queued", text: "", report: null, error: "" }));
  $("batch").hidden = false;
  renderBatch();
  for (let i = 0; i < list.length; i++) {
    if (run !== batchRun) return;
    const item = batch[i];
    try {
      item.status = "decoding";
      renderBatch();
      const decoded = await engine.call("decode", await list[i].arrayBuffer());
      item.text = decoded.text;
      item.status = "analyzing";
      renderBatch();
      item.report = await engine.call("analyze", decoded.text);
      item.status = "finished";
    } catch (err) {
      item.status = "failed";
      item.error = /** @type {any} */ (err).messageZh ?? String(err);
    }
    if (run !== batchRun) return;
    renderBatch();
  }
  const first = batch.find((b) => b.report);
  if (first) {
    area.value = first.text;
    autosave();
    analyze();
  }
}

/** Renders the batch: status list, indicator matrix, parts and tasks heatmap. */
function renderBatch() {
  const done = batch.filter((b) => b.status === "finished" || b.status === "failed").length;
  $("batch-progress").textContent = t("progress", { n: done, total: batch.length });
  $("batch-cancel").hidden = done === batch.length;
  const tbody = $("batch-list").querySelector("tbody");
  tbody.replaceChildren();
  for (const b of batch) {
    const tr = el("tr", undefined, { "data-status": b.status });
    const name = el("button", b.name, { type: "button", class: "link" });
    name.addEventListener("click", () => {
      if (!b.text) return;
      area.value = b.text;
      autosave();
      analyze();
    });
    const td = el("td");
    td.append(name);
    const status = b.status === "failed" ? `${t("failed")}：${b.error}` : t(b.status);
    tr.append(td, el("td", status), el("td", b.report ? String(b.report.stats.headings) : ""), el("td", b.report ? String(b.report.metrics.length) : ""), el("td", b.report ? String(b.report.checks.length) : ""));
    tbody.append(tr);
  }
  const done_ = batch.filter((b) => b.report);
  // Indicators × reports: the stated values of each indicator, per report.
  const matrix = $("batch-matrix");
  matrix.replaceChildren();
  const indicators = [...new Set(done_.flatMap((b) => b.report.metrics.map((/** @type {any} */ m) => m.indicator).filter(Boolean)))].sort();
  const head = el("tr");
  head.append(el("th", t("indicator"), { scope: "col" }), ...done_.map((b) => el("th", b.name, { scope: "col" })));
  matrix.append(head);
  for (const ind of indicators) {
    const tr = el("tr", undefined, { "data-indicator": ind });
    tr.append(el("th", ind, { scope: "row" }));
    for (const b of done_) {
      const ms = b.report.metrics.filter((/** @type {any} */ m) => m.indicator === ind);
      tr.append(el("td", ms.map((/** @type {any} */ m) => `${m.value}${m.unit}`).join("；")));
    }
    matrix.append(tr);
  }
  // Parts and tasks × reports.
  const heat = $("batch-heatmap");
  heat.replaceChildren();
  const hh = el("tr");
  hh.append(el("th", "", { scope: "col" }), ...done_.map((b) => el("th", b.name, { scope: "col" })));
  heat.append(hh);
  const rows = [
    ...["measures", "shortcomings", "responsible_person", "next_year"].map((p) => [t(p), (/** @type {any} */ r) => r.outline.some((/** @type {any} */ s) => s.parts.includes(p))]),
    ...[...new Set(done_.flatMap((b) => b.report.outline.map((/** @type {any} */ s) => s.task).filter(Boolean)))].sort().map((task) => [task, (/** @type {any} */ r) => r.outline.some((/** @type {any} */ s) => s.task === task)]),
  ];
  for (const [label, has] of rows) {
    const tr = el("tr");
    tr.append(el("th", String(label), { scope: "row" }));
    for (const b of done_) {
      const yes = /** @type {Function} */ (has)(b.report);
      tr.append(el("td", yes ? "●" : "○", { class: yes ? "hit" : "miss", "aria-label": yes ? "有" : "无" }));
    }
    heat.append(tr);
  }
}

$("example").addEventListener("click", loadExample);
$("batch-cancel").addEventListener("click", () => {
  batchRun++;
  engine.fail({ message: "cancelled", messageZh: "已取消分析。", code: "cancelled" });
  for (const b of batch) if (b.status !== "finished") b.status = "failed", (b.error = "已取消");
  renderBatch();
});
$("batch-json").addEventListener("click", () => {
  const done = batch.filter((b) => b.report).map((b) => ({ file: b.name, ...b.report }));
  if (done.length) download("fazhi-lens-批量.jsonl", done.map((r) => JSON.stringify(r)).join("\n") + "\n", "application/x-ndjson");
});
$("batch-md").addEventListener("click", () => {
  const done = batch.filter((b) => b.report);
  if (done.length) download("fazhi-lens-批量提纲.md", done.map((b) => `<!-- ${b.name} -->\n${outlineMarkdown(b.report)}`).join("\n"), "text/markdown;charset=utf-8");
});
$("batch-csv").addEventListener("click", () => {
  const done = batch.filter((b) => b.report);
  if (!done.length) return;
  const csv = done.map((b, i) => {
    const rows = metricsCsv(b.report, b.name).slice(1).split("\r\n");
    return (i === 0 ? rows : rows.slice(1)).join("\r\n");
  });
  download("fazhi-lens-批量指标.csv", "\uFEFF" + csv.join("").replace(/(\r\n)?$/, "\r\n"), "text/csv;charset=utf-8");
});
applyLanguage();
$("lang").addEventListener("click", () => {
  toggleLanguage();
  if (current.report) render(current.report, current.text);
});
$("metric-filter").addEventListener("input", renderMetrics);
$("show-removed").addEventListener("change", (event) => {
  $("annotated").classList.toggle("hide-removed", !(/** @type {HTMLInputElement} */ (event.target).checked));
});
$("metric-kind").addEventListener("change", renderMetrics);
for (const th of document.querySelectorAll("#metrics th[data-sort]")) {
  th.tabIndex = 0;
  const activate = () => {
    const key = /** @type {HTMLElement} */ (th).dataset.sort ?? "";
    sort = { key, dir: sort.key === key ? -sort.dir : 1 };
    for (const other of document.querySelectorAll("#metrics th[data-sort]")) other.removeAttribute("aria-sort");
    th.setAttribute("aria-sort", sort.dir === 1 ? "ascending" : "descending");
    renderMetrics();
  };
  th.addEventListener("click", activate);
  th.addEventListener("keydown", (event) => {
    if (/** @type {KeyboardEvent} */ (event).key === "Enter") activate();
  });
}
$("export-json").addEventListener("click", () => current.report && download(`${baseName()}.json`, JSON.stringify(current.report, null, 2), "application/json"));
$("export-csv").addEventListener("click", () => current.report && download(`${baseName()}-指标.csv`, metricsCsv(current.report, baseName()), "text/csv;charset=utf-8"));
$("export-md").addEventListener("click", () => current.report && download(`${baseName()}-提纲.md`, outlineMarkdown(current.report), "text/markdown;charset=utf-8"));
$("copy-csv").addEventListener("click", async () => {
  if (!current.report) return;
  try {
    await navigator.clipboard.writeText(metricsCsv(current.report, baseName()).slice(1));
    setStatus("done", "指标表已复制到剪贴板。");
  } catch {
    setStatus("error", "浏览器不允许写入剪贴板：请改用“导出指标 CSV”。");
  }
});
$("kwic-form").addEventListener("submit", (event) => {
  event.preventDefault();
  concordance(/** @type {HTMLInputElement} */ ($("kwic-word")).value.trim());
});
$("clear").addEventListener("click", () => {
  area.value = "";
  autosave();
  analyze();
});
$("cancel").addEventListener("click", () => {
  generation++;
  engine.fail({ message: "cancelled", messageZh: "已取消分析。", code: "cancelled" });
  setStatus("idle", "已取消分析。文本仍保留在输入框中。");
  $("cancel").hidden = true;
});
$("file").addEventListener("change", (event) => openFiles(/** @type {HTMLInputElement} */ (event.target).files ?? []));
area.addEventListener("dragover", (event) => event.preventDefault());
area.addEventListener("drop", (event) => {
  event.preventDefault();
  if (event.dataTransfer?.files.length) openFiles(event.dataTransfer.files);
});

let saved = null;
try {
  saved = localStorage.getItem(STORAGE_KEY);
} catch {
  saved = null;
}
if (saved) area.value = saved;
else if (!area.value.trim()) loadExample();
