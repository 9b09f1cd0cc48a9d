// The page's wiring: paste, open or drop a report; the worker analyzes it (engine.js);
// the views render it with DOM nodes and textContent only (the text is untrusted).
// What the page shows and exports is computed in Rust: the CSV and Markdown, section
// paths, the parts a year requires, the names of indicators, tasks and parts.
import { STORAGE_KEY, catalogue, engine, opening } from "./boot.js";
import { readPageReport } from "./engine.js";
import { byId, byIdAs, zhSpan } from "./dom.js";
import { STRINGS, applyLanguage, errorText, setCatalogue, t, tNodes, toggleLanguage } from "./i18n.js";
import { renderScorecard, renderSummary } from "./summary.js";
import { renderOutline } from "./outline.js";
import { renderChecks } from "./checks.js";
import { renderConcordance, renderFrequencies, renderKeywords } from "./words.js";
import { renderCitations } from "./citations.js";
import { AnnotatedView } from "./annotated.js";
import { Sliced, yieldToBrowser } from "./slices.js";
import { MetricsTable } from "./metrics-table.js";
import { Batch } from "./batch.js";
import { TrendChart, pngFile, svgFile } from "./chart.js";
import { download, entryName, stem, withoutBom } from "./exports.js";

/** @typedef {import("./pkg/fazhi_lens.js").Report} Report */
/** @typedef {import("./pkg/fazhi_lens.js").ReportEntry} ReportEntry */
/** @typedef {import("./pkg/fazhi_lens.js").Scorecard} Scorecard */
/** @typedef {import("./pkg/fazhi_lens.js").CitedDocument} CitedDocument */
/** @typedef {import("./pkg/fazhi_lens.js").Concordance} Concordance */
/** @typedef {import("./outline.js").Reveal} Reveal */
/** @typedef {import("./engine.js").PageReport} PageReport */
/** A status or notice, rebuilt in the current language when it changes. @typedef {() => (string | Node)[]} Message */
/**
 * The report on screen: its text, the file it came from, and what Rust derived from it
 * for the page (section paths, the scorecard, the cited documents).
 * @typedef {{report: Report, json: () => string, text: string, file: string | null, paths: Record<string, string>, scorecard: Scorecard, documents: CitedDocument[]}} Shown
 */

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
/** The latest rendering of the report on screen: true once complete. */
let rendering = Promise.resolve(true);
/** The concordance on screen, kept to redraw on a language switch. */
let concordance = /** @type {{word: string, result: {lines: Concordance[]} | {error: unknown}} | null} */ (null);
/** Whether the catalogue names have arrived from the worker. */
let catalogueLoaded = false;
/** The user cancelled the text box's analysis: the restarted worker does not start it again until the text changes. */
let cancelled = false;
/** The worker was restarted: when the new one is up, the text is analysed again (unless cancelled). */
let restarted = false;

performance.mark("fazhi-lens:app");
const area = byIdAs("text", HTMLTextAreaElement);
const annotated = new AnnotatedView(byId("annotated"));
/** Filling the JSON view, after the others. */
const jsonView = new Sliced();
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
  if (!marked(name)) performance.mark(name);
}

/**
 * Whether the page has recorded the mark `name`.
 * @param {string} name
 */
function marked(name) {
  return performance.getEntriesByName(name, "mark").length > 0;
}

/**
 * Records a performance mark, replacing the previous one of that name (the benchmark reads
 * when the latest report arrived and when it was completely rendered).
 * @param {string} name
 */
function markLatest(name) {
  performance.clearMarks(name);
  performance.mark(name);
}

/**
 * Marks `${name}-painted` (the first time only) once the frame showing what was just
 * rendered has been produced: a task queued from the next animation frame runs after
 * that frame's style, layout and paint.
 * @param {string} name
 * @returns {Promise<void>} resolves then (at once if it was marked before)
 */
function markPaintedOnce(name) {
  if (marked(`${name}-painted`)) return Promise.resolve();
  return new Promise((resolve) =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        markOnce(`${name}-painted`);
        resolve();
      }),
    ),
  );
}

// --- the report on screen ------------------------------------------------------------

/**
 * Selects a place of the text in the text box and marks it in the annotated view.
 * @type {Reveal}
 */
function reveal({ start, end, id }) {
  annotated.highlight(id, start);
  area.focus();
  area.setSelectionRange(start, end);
  let lines = 1;
  for (let at = area.value.indexOf("\n"); at >= 0 && at < start; at = area.value.indexOf("\n", at + 1)) lines++;
  const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 20;
  area.scrollTop = Math.max(0, (lines - 3) * lineHeight);
}

/**
 * Renders the report on screen, in the current language: the top of every view at once,
 * the rest of the long ones a slice at a time; marks `fazhi-lens:rendered` once all is in.
 * @returns {Promise<boolean>} true once every view is complete, false if a newer rendering came first
 */
function render() {
  rendering = renderViews();
  return rendering;
}

/**
 * Renders every view of the report on screen.
 * @returns {Promise<boolean>} true once every view is complete, false if a newer rendering came first
 */
function renderViews() {
  if (!shown) return Promise.resolve(true);
  const { report, text, paths, scorecard, documents } = shown;
  renderSummary(byId("summary"), report);
  renderScorecard(byId("scorecard"), report, scorecard);
  const views = [
    renderOutline(byId("outline"), report, reveal),
    renderChecks(byId("checks"), report, reveal),
    metricsTable.show(report, paths),
    annotated.show(report, text),
    renderCitations(byId("citations"), documents),
  ];
  renderKeywords(byId("keywords"), report, lookup);
  renderFrequencies(byId("frequencies"), report, lookup);
  // The JSON text (of a large report, megabytes) after the views, in a task of its own.
  const { json } = shown;
  byId("json").textContent = "";
  views.push(jsonView.start(() => ((byId("json").textContent = json()), false), true));
  return Promise.all(views).then((done) => {
    const complete = done.every(Boolean);
    if (complete) markLatest("fazhi-lens:rendered");
    return complete;
  });
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

/**
 * Analyzes the text box's text; a newer call supersedes an older one.
 * @param {Promise<PageReport>} [started] the analysis of this text, if already asked for
 */
async function analyze(started) {
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
    const answer = await (started ?? engine.analyzeForPage(text));
    // Reading the report (a slice at a time) and rendering it take tasks of their own:
    // for a report with 20,000 metrics, none of it is short.
    await yieldToBrowser();
    if (mine !== generation) return;
    const { report, json } = await readPageReport(answer, yieldToBrowser);
    const { paths, scorecard, documents } = answer;
    await yieldToBrowser();
    if (mine !== generation) return;
    markOnce("fazhi-lens:first-data");
    markLatest("fazhi-lens:data");
    shown = { report, json, text, file, paths, scorecard, documents };
    render();
    markOnce("fazhi-lens:first-report");
    // The dictionary is built once this report is on screen (start() lets it be when there is none).
    markPaintedOnce("fazhi-lens:first-report").then(() => engine.allowLexicon());
    if (document.body.dataset.lexicon === "loaded") {
      markOnce("fazhi-lens:full-report");
      markPaintedOnce("fazhi-lens:full-report");
    }
    // Done once the long views are complete too (they fill in a slice at a time; a
    // language switch meanwhile renders them again).
    for (let latest = rendering; !(await latest) && latest !== rendering; latest = rendering);
    if (mine !== generation) return;
    const ms = Math.round(performance.now() - t0);
    setStatus("done", () => [t("done", { h: report.stats.headings, m: report.stats.metrics, ms })]);
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

/**
 * Takes the names of indicators, tasks and parts, then redraws with them.
 * @param {Promise<import("./pkg/fazhi_lens.js").Catalogue>} names
 */
async function loadCatalogue(names) {
  try {
    setCatalogue(await names);
    catalogueLoaded = true;
    render();
    batch.render();
  } catch {
    // The worker was restarted before it answered; the next "ready" asks again.
  }
}

// --- wiring --------------------------------------------------------------------------

/**
 * Follows the engine: the dictionary has arrived (analyze again; the body's
 * `data-lexicon`, then `data-decoder` once the decoding module is there too), the worker was
 * restarted (say so), a restarted worker is up (ask for the catalogue if it never came,
 * analyze; after a cancel, the kept text waits for the user). The first worker's first
 * analysis was asked for by boot.js.
 * @param {import("./engine.js").EngineEvent} event
 */
function onEngineEvent(event) {
  if (event.type === "restarted") {
    restarted = true;
    const code = event.error.code;
    setNotice(() => [code === "cancelled" ? t("cancelled") : t("crashed")]);
    return;
  }
  if (event.type === "ready" && restarted) {
    restarted = false;
    if (!catalogueLoaded) loadCatalogue(engine.catalogue());
    if (!cancelled) analyze();
  }
  if (event.type === "lexicon" && event.ok && !cancelled) analyze();
  if (event.type === "lexicon") document.body.dataset.lexicon = event.ok ? "loaded" : "failed";
  if (event.type === "decoder") document.body.dataset.decoder = event.ok ? "loaded" : "failed";
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
// Printing shows the whole annotated text, also the part not yet filled in.
addEventListener("beforeprint", () => annotated.fillAll());
byIdAs("show-removed", HTMLInputElement).addEventListener("change", (event) => {
  byId("annotated").classList.toggle("hide-removed", !(/** @type {HTMLInputElement} */ (event.target).checked));
});
byId("kwic-form").addEventListener("submit", (event) => {
  event.preventDefault();
  lookup(kwicInput.value.trim());
});

byId("export-json").addEventListener("click", () => {
  const entry = currentEntry();
  if (entry && shown) download(`${stem(entry.file)}.json`, shown.json(), "application/json");
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
loadCatalogue(catalogue);
// The engine's events (the dictionary has arrived, the worker was restarted) wait until
// the opening report is on screen: the worker may well be that far before this module is.
// The dictionary may be built once the first report has been painted (analyze lets it
// then), or from now if there is none yet or a hidden page paints nothing: start() can
// end before that paint's mark, and the build would then start beside it.
start().finally(() => {
  if (document.hidden || !marked("fazhi-lens:first-report")) engine.allowLexicon();
  engine.listen(onEngineEvent);
});

/**
 * Shows the text the page opens with (start.js has read it, the autosaved text or else the
 * example, and asked for its analysis), or a text the browser restored into the text box.
 */
async function start() {
  const first = await opening;
  if (generation > 0) return; // the user was quicker
  if (first && (first.saved || !area.value.trim())) {
    area.value = first.text;
    file = first.file;
    if (!first.saved) autosave();
    await analyze(first.analysis);
  } else {
    await analyze();
  }
}
