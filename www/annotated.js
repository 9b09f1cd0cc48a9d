// The annotated text: the whole input, with its headings, metrics, citations and removed
// boilerplate marked. Every boundary of every span cuts the text into runs; a run
// carries the classes of the spans covering it, and the metric it belongs to explains
// itself on hover and focus (in the page's language; indicator names from Rust).
//
// A long text (a report of a megabyte has some 350,000 characters and thousands of
// marks) is cut into chunks of a few thousand characters at line ends, one block each:
// one sweep over the marks finds them, and a chunk's runs are built when it is filled, so
// that showing a report of 20,000 metrics takes a task of tens of milliseconds, not hundreds.
// Every chunk is in the view at once as a placeholder of about its height, and they are
// filled a slice at a time (slices.js), the top first; a chunk off screen is neither laid
// out nor painted (`content-visibility: auto`). A chunk scrolled to, or holding a place
// revealed, is filled at once, so any part of the text shows before the rest is in. The whole text is still in
// the view as text nodes: find in page, selection, printing and `textContent` see it all.
import { el } from "./dom.js";
import { nameOf, t } from "./i18n.js";
import { Sliced } from "./slices.js";

/** @typedef {import("./pkg/fazhi_lens.js").Report} Report */
/** @typedef {import("./pkg/fazhi_lens.js").Metric} Metric */
/**
 * A marked span: its classes, what explains it (a metric, or a label), and the section
 * or metric id it stands for.
 * @typedef {{start: number, end: number, cls: string, label?: string, metric?: Metric, id?: string}} Mark
 */
/** A stretch of text covered by the same marks. @typedef {{start: number, end: number, covering: Mark[]}} Run */
/** A chunk of the view: its marks, its element, whether it has been filled. @typedef {{start: number, end: number, marks: Mark[], node: HTMLElement, filled: boolean}} Chunk */

/** Characters per chunk, about: each is built in a millisecond or two. */
const CHUNK_CHARS = 3000;
/** A text without line ends is cut anyway, at a sentence end, after this many characters. */
const CHUNK_MAX = 4 * CHUNK_CHARS;

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
 * The marks of a report, sorted by start.
 * @param {Report} report
 * @returns {Mark[]}
 */
function marksOf(report) {
  /** @type {Mark[]} */
  const marks = [];
  for (const s of report.outline) marks.push({ start: s.start, end: s.end, cls: `a-heading a-level-${s.level}`, id: s.id });
  for (const r of report.removed) marks.push({ start: r.start, end: r.end, cls: "a-removed", label: t("removedLabel", { reason: nameOf("reason", r.reason) }) });
  for (const c of report.citations) marks.push({ start: c.start, end: c.end, cls: "a-citation", label: [c.kind != null ? nameOf("citationKind", c.kind) : null, c.docNumber].filter(Boolean).join(" · ") });
  for (const m of report.metrics) marks.push({ start: m.start, end: m.end, cls: "a-metric", metric: m, id: m.id });
  return marks.filter((x) => x.start < x.end).sort((a, b) => a.start - b.start);
}

/**
 * The positions where a run starts or ends: every boundary of every mark, and the text's
 * start and end, sorted (with repeats).
 * @param {Mark[]} marks
 * @param {number} from
 * @param {number} to
 * @returns {Int32Array}
 */
function cutsOf(marks, from, to) {
  const cuts = new Int32Array(marks.length * 2 + 2);
  cuts[0] = from;
  cuts[1] = to;
  marks.forEach((x, i) => {
    cuts[2 + 2 * i] = Math.min(x.start, to);
    cuts[3 + 2 * i] = Math.min(x.end, to);
  });
  return cuts.sort();
}

/**
 * Cuts a stretch of the text into runs at every boundary of every mark (one sweep: the
 * marks covering a run are those open at its start), and a long unmarked stretch at line
 * ends, so that chunks can end there. A chunk's runs, when it is filled: no mark crosses
 * a chunk's edges.
 * @param {string} text
 * @param {Mark[]} marks sorted by start, all inside [from, to]
 * @param {number} from
 * @param {number} to
 * @returns {Run[]}
 */
function runsOf(text, marks, from, to) {
  const cuts = cutsOf(marks, from, to);
  /** @type {Run[]} */
  const runs = [];
  // A run's marks never change once it has them: runs share one array until a mark ends
  // or begins, which makes a new one.
  /** @type {Mark[]} */
  let open = [];
  let next = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i];
    const b = cuts[i + 1];
    if (a === b) continue;
    if (open.some((x) => x.end <= a)) open = open.filter((x) => x.end > a);
    if (next < marks.length && marks[next].start <= a) {
      open = open.slice();
      for (; next < marks.length && marks[next].start <= a; next++) if (marks[next].end > a) open.push(marks[next]);
    }
    if (open.length) runs.push({ start: a, end: b, covering: open });
    else for (let at = a; at < b; ) {
      const end = plainBreak(text, at, b);
      runs.push({ start: at, end, covering: [] });
      at = end;
    }
  }
  return runs;
}

/**
 * Where an unmarked stretch from `at` to `end` is cut next: after the first line end
 * CHUNK_CHARS on, else after a sentence end, else (a text of one endless sentence) after
 * CHUNK_MAX characters, never inside a surrogate pair.
 * @param {string} text
 * @param {number} at
 * @param {number} end
 */
function plainBreak(text, at, end) {
  if (end - at <= CHUNK_CHARS) return end;
  const line = text.indexOf("\n", at + CHUNK_CHARS);
  if (line >= 0 && line < end && line < at + CHUNK_MAX) return line + 1;
  if (end - at <= CHUNK_MAX) return end;
  const sentence = text.indexOf("。", at + CHUNK_CHARS);
  if (sentence >= 0 && sentence < at + CHUNK_MAX) return sentence + 1;
  const cut = at + CHUNK_MAX;
  const code = text.charCodeAt(cut - 1);
  return code >= 0xd800 && code <= 0xdbff ? cut + 1 : cut;
}

/**
 * Cuts the text into chunks, without building its runs: a chunk ends after a run, where
 * no mark goes on past the cut, once it has CHUNK_CHARS characters and ends a line (or
 * CHUNK_MAX characters). One sweep over the runs' ends, with the furthest end of the marks
 * begun so far: a mark spans the cut at `e` if it began before and ends after it.
 * @param {string} text
 * @param {Mark[]} marks sorted by start
 * @returns {{start: number, end: number, marks: Mark[]}[]}
 */
function chunksOf(text, marks) {
  const cuts = cutsOf(marks, 0, text.length);
  /** @type {{start: number, end: number, marks: Mark[]}[]} */
  const chunks = [];
  let chunkStart = 0;
  let first = 0;
  let next = 0;
  let reach = 0;
  /**
   * Ends the current chunk at the end `e` of a run if it may end there. The marks begun so
   * far all begin before `e` (each run starts at or after the marks before it), so they
   * are the chunk's.
   */
  const runEnds = (/** @type {number} */ e) => {
    const size = e - chunkStart;
    const spanned = reach > e;
    if (e === text.length || (!spanned && ((size >= CHUNK_CHARS && text.charCodeAt(e - 1) === 10) || size >= CHUNK_MAX))) {
      chunks.push({ start: chunkStart, end: e, marks: marks.slice(first, next) });
      chunkStart = e;
      first = next;
    }
  };
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i];
    const b = cuts[i + 1];
    if (a === b) continue;
    for (; next < marks.length && marks[next].start <= a; next++) reach = Math.max(reach, marks[next].end);
    if (reach > a) runEnds(b);
    else for (let at = a; at < b; ) {
      at = plainBreak(text, at, b);
      runEnds(at);
    }
  }
  return chunks;
}

/**
 * A run's node: plain text, or an element with the classes of the marks covering it.
 * @param {string} text
 * @param {Run} run
 * @returns {Node}
 */
function runNode(text, { start, end, covering }) {
  const piece = text.slice(start, end);
  if (!covering.length) return document.createTextNode(piece);
  const metric = covering.find((x) => x.metric);
  const node = el(metric ? "mark" : "span", piece, { class: covering.map((x) => x.cls).join(" ") });
  if (metric?.metric) {
    const label = metricLabel(metric.metric);
    node.title = label;
    node.tabIndex = 0;
    node.setAttribute("aria-label", `${piece}：${label}`);
    node.dataset.id = metric.id ?? "";
  } else {
    const labelled = covering.find((x) => x.label);
    if (labelled?.label) node.title = labelled.label;
  }
  const heading = covering.find((x) => x.cls.startsWith("a-heading"));
  if (heading) node.dataset.section = heading.id ?? "";
  return node;
}

/** The annotated view of one text. */
export class AnnotatedView {
  /** @type {HTMLElement} */
  #view;
  /** @type {string} */
  #text = "";
  /** @type {Chunk[]} */
  #chunks = [];
  #job = new Sliced();
  /** The width of the view's text, kept by a ResizeObserver (reading it would force a layout). */
  #width = 0;
  /** @type {{fontSize: number, lineHeight: number} | null} */
  #font = null;
  /** The chunks still empty, by placeholder. @type {Map<Element, Chunk>} */
  #empty = new Map();
  /** Fills an empty chunk as soon as it comes near the visible part of the view. */
  #scrolledTo;

  /** @param {HTMLElement} view the view's element (marked lang="zh" in index.html) */
  constructor(view) {
    this.#view = view;
    new ResizeObserver(([entry]) => (this.#width = entry.contentRect.width)).observe(view);
    this.#scrolledTo = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const chunk = entry.isIntersecting ? this.#empty.get(entry.target) : undefined;
          if (chunk) this.#fill(chunk);
        }
      },
      { root: view, rootMargin: "50% 0px" },
    );
  }

  /**
   * Shows a text with its spans marked: every chunk as a placeholder at once, filled from
   * the top a slice at a time.
   * @param {Report} report
   * @param {string} text
   * @returns {Promise<boolean>} true once the whole text is in, false if a newer text came first
   */
  show(report, text) {
    this.#text = text;
    const { charsPerLine, lineHeight } = this.#metrics();
    this.#chunks = chunksOf(text, marksOf(report)).map(({ start, end, marks }) => {
      const node = el("div", undefined, { class: "a-chunk" });
      const height = estimateLines(text, start, end, charsPerLine) * lineHeight;
      node.style.minHeight = `${height}px`;
      node.style.containIntrinsicSize = `auto ${height}px`;
      return { start, end, marks, node, filled: false };
    });
    this.#scrolledTo.disconnect();
    this.#empty = new Map(this.#chunks.map((c) => [c.node, c]));
    for (const node of this.#empty.keys()) this.#scrolledTo.observe(node);
    this.#view.replaceChildren(...this.#chunks.map((c) => c.node));
    let i = 0;
    return this.#job.start(() => {
      while (i < this.#chunks.length && this.#chunks[i].filled) i++;
      if (i >= this.#chunks.length) return false;
      this.#fill(this.#chunks[i]);
      return true;
    });
  }

  /** Fills every chunk still empty (before printing). */
  fillAll() {
    for (const chunk of this.#chunks) this.#fill(chunk);
  }

  /**
   * Marks the first node of a heading or metric as the current one and scrolls to it,
   * filling its chunk first if it is not in yet.
   * @param {string | undefined} id a section or metric id; nothing is marked without one
   * @param {number} [at] where it starts in the text (finds its chunk)
   */
  highlight(id, at) {
    for (const node of this.#view.querySelectorAll(".a-current")) node.classList.remove("a-current");
    if (id === undefined) return;
    // The chunk holding the place has its first node: fill it, and look only there.
    const chunk = at === undefined ? undefined : this.#chunks.find((c) => c.start <= at && at < c.end);
    if (chunk) this.#fill(chunk);
    const hit = (chunk?.node ?? this.#view).querySelector(`[data-id="${CSS.escape(id)}"], [data-section="${CSS.escape(id)}"]`);
    if (!hit) return;
    hit.classList.add("a-current");
    hit.scrollIntoView({ block: "center" });
  }

  /**
   * Builds a chunk's nodes, unless it has them.
   * @param {Chunk} chunk
   */
  #fill(chunk) {
    if (chunk.filled) return;
    chunk.filled = true;
    this.#empty.delete(chunk.node);
    this.#scrolledTo.unobserve(chunk.node);
    const nodes = document.createDocumentFragment();
    for (const run of runsOf(this.#text, chunk.marks, chunk.start, chunk.end)) nodes.append(runNode(this.#text, run));
    chunk.node.append(nodes);
    chunk.node.style.minHeight = "";
  }

  /**
   * How many characters fit on a line of the view, and its line height, for the
   * placeholders' heights: from the width last observed and the font (read once), without
   * forcing a layout.
   * @returns {{charsPerLine: number, lineHeight: number}}
   */
  #metrics() {
    if (!this.#font) {
      const style = getComputedStyle(this.#view);
      const fontSize = parseFloat(style.fontSize) || 16;
      this.#font = { fontSize, lineHeight: parseFloat(style.lineHeight) || fontSize * 1.8 };
    }
    const { fontSize, lineHeight } = this.#font;
    return { charsPerLine: Math.max(10, Math.floor((this.#width || 40 * fontSize) / fontSize)), lineHeight };
  }
}

/**
 * The lines a stretch of text takes at `charsPerLine` (Chinese characters are one em wide).
 * @param {string} text
 * @param {number} start
 * @param {number} end
 * @param {number} charsPerLine
 */
function estimateLines(text, start, end, charsPerLine) {
  let lines = 0;
  for (let at = start; at < end; ) {
    const nl = text.indexOf("\n", at);
    const lineEnd = nl < 0 || nl >= end ? end : nl;
    lines += Math.max(1, Math.ceil((lineEnd - at) / charsPerLine));
    at = lineEnd + 1;
  }
  return lines;
}
