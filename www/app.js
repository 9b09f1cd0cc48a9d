// The page's wiring: paste, open or drop a report; the worker analyzes it (engine.js);
// the views render it with DOM nodes and textContent only (the text is untrusted).
// What the page shows and exports is computed in Rust: the CSV and Markdown, section
// paths, the parts a year requires, the names of indicators, tasks and parts.
import { byId, byIdAs, zhSpan } from "./dom.js";
import { Engine } from "./engine.js";
import { STRINGS, applyLanguage, errorText, setCatalogue, t, tNodes, toggleLanguage } from "./i18n.js";
import { renderScorecard, renderSummary } from "./summary.js";
import { renderOutline } from "./outline.js";
import { renderChecks } from "./checks.js";
import { renderConcordance, renderFrequencies, renderKeywords } from "./words.js";
import { renderCitations } from "./citations.js";
import { highlight, renderAnnotated } from "./annotated.js";
import { MetricsTable } from "./metrics-table.js";
import { Batch } from "./batch.js";
import { TrendChart, pngFile, svgFile } from "./chart.js";
import { download, entryName, stem, withoutBom } from "./exports.js";

/** @typedef {import("./pkg/fazhi_lens.js").Report} Report */
/** @typedef {import("./pkg/fazhi_lens.js").ReportEntry} ReportEntry */
/** @typedef {import("./pkg/fazhi_lens.js").Part} Part */
/** @typedef {import("./pkg/fazhi_lens.js").Concordance} Concordance */
/** @typedef {import("./outline.js").Reveal} Reveal */
/** A status or notice, rebuilt in the current language when it changes. @typedef {() => (string | Node)[]} Message */
/**
 * The report on screen: its text, the file it came from, and what Rust derived from it
 * for the page (section paths, the parts its year requires).
 * @typedef {{report: Report, text: string, file: string | null, paths: Record<string, string>, mandated: Part[]}} Shown
 */

/** Where the pasted text is autosaved (this browser only). */
const STORAGE_KEY = "fazhi-lens:text";
/** The largest text analyzed, in UTF-16 code units (about 16 MB of Chinese text). */
const MAX_LENGTH = 8_000_000;
/** Characters of context each side of a concordance line. */
const KWIC_WIDTH = 24;
/** Milliseconds of quiet typing before the text is analysed. */
const TYPING_DELAY = 300;
/** What requests still waiting are rejected with when the user cancels. */
const CANCELLED = { message: STRINGS.en.cancelled, messageZh: STRINGS.zh.cancelled, code: "cancelled" };

// --- state ---------------------------------------------------------------------------

/** @type {Shown | null} */
let shown = null;
/** The file the text box's text was read from; null for typed or pasted text. */
let file = /** @type {string | null} */ (null);
/** Bumped by every analysis: an older one that answers late is dropped. */
let generation = 0;
/** The pending analysis after typing. */
let typing = 0;
/** The status line and the notice, kept to redraw on a language switch. */
let status = /** @type {{state: string, message: Message}} */ ({ state: "loading", message: () => [t("loading")] });
/** @type {Message | null} */
let notice = null;
/** The concordance on screen, kept to redraw on a language switch. */
let concordance = /** @type {{word: string, result: {lines: Concordance[]} | {error: unknown}} | null} */ (null);
/** Whether the catalogue names have arrived from the worker. */
let catalogueLoaded = false;
/** The user cancelled the text box's analysis: the restarted worker does not start it again until the text changes. */
let cancelled = false;

const engine = new Engine(onEngineEvent);
const area = byIdAs("text", HTMLTextAreaElement);
const annotated = byId("annotated");
const kwicInput = byIdAs("kwic-word", HTMLInputElement);
const kwic = { count: byId("kwic-count"), list: byId("kwic") };
const metricsTable = new MetricsTable({
  table: byIdAs("metrics", HTMLTableElement),
  filter: byIdAs("metric-filter", HTMLInputElement),
  kind: byIdAs("metric-kind", HTMLSelectElement),
  count: byId("metric-count"),
  reveal,
});
const chart = new TrendChart({
  controls: byId("chart-controls"),
  select: byIdAs("chart-measure", HTMLSelectElement),
  figure: byId("chart"),
  note: byId("chart-note"),
});
const batch = new Batch({
  engine,
  section: byId("batch"),
  progress: byId("batch-progress"),
  cancel: byId("batch-cancel"),
  list: byIdAs("batch-list", HTMLTableElement),
  matrix: byIdAs("batch-matrix", HTMLTableElement),
  heatmap: byIdAs("batch-heatmap", HTMLTableElement),
  chart,
  open: (item) => loadText(item.text, item.name),
  fail: (err) => setStatus("error", () => [errorText(err)]),
});

// --- messages ------------------------------------------------------------------------

/**
 * Shows a status line (loading | analyzing | done | idle | error).
 * @param {string} state
 * @param {Message} message
 */
function setStatus(state, message) {
  status = { state, message };
  const line = byId("status");
  line.dataset.state = state;
  line.replaceChildren(...message());
}

/**
 * Shows a notice above the results (a file read, the engine restarted).
 * @param {Message} message
 */
function setNotice(message) {
  notice = message;
  const box = byId("notice");
  box.replaceChildren(...message());
  box.hidden = false;
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

// --- the report on screen ------------------------------------------------------------

/**
 * Selects a place of the text in the text box and marks it in the annotated view.
 * @type {Reveal}
 */
function reveal({ start, end, id }) {
  highlight(annotated, id);
  area.focus();
  area.setSelectionRange(start, end);
  const lines = area.value.slice(0, start).split("\n").length;
  const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 20;
  area.scrollTop = Math.max(0, (lines - 3) * lineHeight);
}

/** Renders the report on screen, in the current language. */
function render() {
  if (!shown) return;
  const { report, text, paths, mandated } = shown;
  renderSummary(byId("summary"), report);
  renderScorecard(byId("scorecard"), report, mandated);
  renderOutline(byId("outline"), report, reveal);
  renderChecks(byId("checks"), report, reveal);
  metricsTable.show(report, paths);
  renderAnnotated(annotated, report, text);
  renderKeywords(byId("keywords"), report, lookup);
  renderFrequencies(byId("frequencies"), report, lookup);
  renderCitations(byId("citations"), report);
  byId("json").textContent = JSON.stringify(report, null, 2);
}

/**
 * Shows every occurrence of a word with its context (computed in the worker).
 * @param {string} word
 */
async function lookup(word) {
  kwicInput.value = word;
  if (!word.trim()) {
    concordance = null;
    kwic.count.textContent = "";
    kwic.list.replaceChildren();
    return;
  }
  try {
    concordance = { word, result: { lines: await engine.kwic(area.value, word, KWIC_WIDTH) } };
  } catch (err) {
    concordance = { word, result: { error: err } };
  }
  renderConcordance(kwic, concordance.word, concordance.result, reveal);
}

/** Analyzes the text box's text; a newer call supersedes an older one. */
async function analyze() {
  const mine = ++generation;
  const text = area.value;
  if (!text.trim()) {
    setStatus("idle", () => [t("idle")]);
    return;
  }
  if (text.length > MAX_LENGTH) {
    setStatus("error", () => [t("tooLong", { n: Math.round(text.length / 10000), max: MAX_LENGTH / 10000 })]);
    return;
  }
  setStatus("analyzing", () => [t("analyzing")]);
  const cancel = byId("cancel");
  cancel.hidden = false;
  const t0 = performance.now();
  try {
    const report = await engine.analyze(text);
    const [paths, mandated] = await Promise.all([engine.sectionPaths(report), engine.mandatedParts(report.meta.year ?? null)]);
    if (mine !== generation) return;
    shown = { report, text, file, paths, mandated };
    render();
    const ms = Math.round(performance.now() - t0);
    setStatus("done", () => [t("done", { h: report.stats.headings, m: report.stats.metrics, ms })]);
    markOnce("fazhi-lens:first-report");
    if (document.body.dataset.lexicon === "loaded") markOnce("fazhi-lens:full-report");
  } catch (err) {
    if (mine !== generation) return;
    setStatus("error", () => [errorText(err)]);
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

/**
 * Puts a text into the text box and analyzes it.
 * @param {string} text
 * @param {string | null} name the file it came from
 */
function loadText(text, name) {
  cancelled = false;
  area.value = text;
  file = name;
  autosave();
  analyze();
}

/** Loads the built-in example report. */
async function loadExample() {
  const response = await fetch(new URL("./example.txt", import.meta.url));
  loadText(await response.text(), "example.txt");
}

/**
 * Reads dropped or opened files (decoded in Rust: UTF-8, UTF-16, GB18030, .docx). One file
 * goes into the text box; several are analysed one by one and compared.
 * @param {File[]} files
 */
async function openFiles(files) {
  if (files.length !== 1) {
    if (files.length) await batch.analyse(files);
    return;
  }
  const [one] = files;
  try {
    const decoded = await engine.decode(await one.arrayBuffer());
    loadText(decoded.text, one.name);
    setNotice(() => tNodes("fileRead", { file: zhSpan(one.name), encoding: decoded.encoding }));
  } catch (err) {
    setStatus("error", () => tNodes("fileFailed", { file: zhSpan(one.name), error: errorText(err) }));
  }
}

/**
 * The report on screen as an export entry, named by its file (or its title).
 * @returns {ReportEntry | null}
 */
function currentEntry() {
  return shown && { file: entryName(shown.file, shown.report), report: shown.report };
}

/** Loads the names of indicators, tasks and parts, then redraws with them. */
async function loadCatalogue() {
  try {
    setCatalogue(await engine.catalogue());
    catalogueLoaded = true;
    render();
    batch.render();
  } catch {
    // The worker was restarted before it answered; the next "ready" asks again.
  }
}

// --- wiring --------------------------------------------------------------------------

/**
 * Follows the engine: the module is up (ask for the catalogue, analyze), the dictionary
 * has arrived (analyze again), the worker was restarted (say so; after a cancel, the
 * kept text waits for the user).
 * @param {import("./engine.js").EngineEvent} event
 */
function onEngineEvent(event) {
  if (event.type === "restarted") {
    const code = event.error.code;
    setNotice(() => [code === "cancelled" ? t("cancelled") : t("crashed")]);
    return;
  }
  if (event.type === "ready" && !catalogueLoaded) loadCatalogue();
  if ((event.type === "ready" || (event.type === "lexicon" && event.ok)) && !cancelled) analyze();
  if (event.type === "lexicon") document.body.dataset.lexicon = event.ok ? "loaded" : "failed";
}

area.addEventListener("input", () => {
  cancelled = false;
  clearTimeout(typing);
  typing = setTimeout(() => {
    autosave();
    analyze();
  }, TYPING_DELAY);
});
area.addEventListener("dragover", (event) => event.preventDefault());
area.addEventListener("drop", (event) => {
  event.preventDefault();
  if (event.dataTransfer?.files.length) openFiles([...event.dataTransfer.files]);
});
byIdAs("file", HTMLInputElement).addEventListener("change", (event) => {
  const input = /** @type {HTMLInputElement} */ (event.target);
  openFiles([...(input.files ?? [])]);
});
byId("example").addEventListener("click", loadExample);
byId("clear").addEventListener("click", () => loadText("", null));
byId("cancel").addEventListener("click", () => {
  generation++;
  cancelled = true;
  engine.restart(CANCELLED);
  setStatus("idle", () => [t("cancelledKept")]);
  byId("cancel").hidden = true;
});

byId("lang").addEventListener("click", () => {
  toggleLanguage();
  const { state, message } = status;
  setStatus(state, message);
  if (notice) setNotice(notice);
  render();
  if (concordance) renderConcordance(kwic, concordance.word, concordance.result, reveal);
  batch.render();
});
byIdAs("show-removed", HTMLInputElement).addEventListener("change", (event) => {
  annotated.classList.toggle("hide-removed", !(/** @type {HTMLInputElement} */ (event.target).checked));
});
byId("kwic-form").addEventListener("submit", (event) => {
  event.preventDefault();
  lookup(kwicInput.value.trim());
});

byId("export-json").addEventListener("click", () => {
  const entry = currentEntry();
  if (entry) download(`${stem(entry.file)}.json`, JSON.stringify(entry.report, null, 2), "application/json");
});
byId("export-csv").addEventListener("click", async () => {
  const entry = currentEntry();
  if (!entry) return;
  try {
    download(`${stem(entry.file)}-指标.csv`, await engine.metricsCsv([entry]), "text/csv;charset=utf-8");
  } catch (err) {
    setStatus("error", () => [errorText(err)]);
  }
});
byId("export-md").addEventListener("click", async () => {
  const entry = currentEntry();
  if (!entry) return;
  try {
    download(`${stem(entry.file)}-提纲.md`, await engine.outlineMarkdown([entry]), "text/markdown;charset=utf-8");
  } catch (err) {
    setStatus("error", () => [errorText(err)]);
  }
});
byId("copy-csv").addEventListener("click", async () => {
  const entry = currentEntry();
  if (!entry) return;
  try {
    await navigator.clipboard.writeText(withoutBom(await engine.metricsCsv([entry])));
    setStatus("done", () => [t("copied")]);
  } catch {
    setStatus("error", () => [t("copyFailed")]);
  }
});

byId("batch-cancel").addEventListener("click", () => {
  batch.cancel();
  engine.restart(CANCELLED);
});
byId("batch-csv").addEventListener("click", () => batch.exportCsv());
byId("batch-md").addEventListener("click", () => batch.exportMarkdown());
byId("batch-json").addEventListener("click", () => batch.exportJson());
byId("chart-svg").addEventListener("click", () => {
  if (chart.drawn) download(`fazhi-lens-${chart.measure.replace(/\W+/g, "-")}.svg`, svgFile(chart.drawn), "image/svg+xml");
});
byId("chart-png").addEventListener("click", async () => {
  if (!chart.drawn) return;
  try {
    download(`fazhi-lens-${chart.measure.replace(/\W+/g, "-")}.png`, await pngFile(chart.drawn), "image/png");
  } catch (err) {
    setStatus("error", () => [errorText(err)]);
  }
});

// --- start ---------------------------------------------------------------------------

applyLanguage();
setStatus(status.state, status.message);
let saved = null;
try {
  saved = localStorage.getItem(STORAGE_KEY);
} catch {
  saved = null;
}
if (saved) area.value = saved;
else if (!area.value.trim()) loadExample();
