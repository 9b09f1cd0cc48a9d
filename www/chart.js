// The trend chart of the many-reports view: one measure (an indicator, the metrics per
// 1,000 characters, or the number of mandated parts covered) by report year, one line per
// issuer. Hand-written inline SVG built node by node with createElementNS (no library):
// axes with tick values and titles, a legend, and points that are focusable, show their
// value on focus and hover, carry an accessible label and move focus with the arrow
// keys. Exported as SVG (the node serialized) and PNG (the SVG drawn into a canvas
// through an Image from a blob URL: the page's CSP allows img-src blob:).
//
// What is plotted: each report gives the value Rust reads for the indicator (its first
// figure that is not a target: `indicatorValues`) and the mandated parts its scorecard
// finds; an issuer is `meta.issuer`, else the file name; when one issuer has several
// reports for one year, the later one in the list is plotted and the others are named
// under the chart.
import { el, svg, zh, zhSpan } from "./dom.js";
import { lang, nameOf, t, tNodes } from "./i18n.js";

/** @typedef {import("./pkg/fazhi_lens.js").Report} Report */
/** @typedef {import("./pkg/fazhi_lens.js").Scorecard} Scorecard */
/** A finished report of the batch. @typedef {{name: string, report: Report, scorecard: Scorecard, values: Record<string, number>}} ChartReport */
/** A measure that can be plotted (`indicator:<id>`, `per1000` or `parts`) and how many reports give it. @typedef {{key: string, label: string, reports: number}} Measure */
/** @typedef {{year: number, value: number, file: string}} Point */
/** @typedef {{issuer: string, points: Point[]}} Line */

/** Width of the drawing, in SVG units (it scales to the page's width). */
const WIDTH = 640;
/** Height of the plot area and its axes, without the legend. */
const HEIGHT = 320;
const MARGIN = { top: 24, right: 24, bottom: 52, left: 72 };
/** Space between the y axis (and the right edge) and the first (and last) year. */
const INSET = 24;
/** Height of one legend row. */
const LEGEND_ROW = 20;
/** Line colours, distinguishable in colour-blind vision (Okabe–Ito). */
const COLOURS = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#f0e442"];
/** Dash patterns for the lines beyond the colours. */
const DASHES = ["", "6 3", "2 3"];
const FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/**
 * The value a report gives for a measure, or null.
 * @param {ChartReport} entry
 * @param {string} key
 * @returns {number | null}
 */
export function valueOf(entry, key) {
  if (key === "per1000") return entry.report.stats.metricsPer1000;
  if (key === "parts") return entry.scorecard.partsPresent.length;
  return entry.values[key.replace(/^indicator:/, "")] ?? null;
}

/**
 * The measures the reports allow: every indicator a dated report states (the one most
 * reports state first), then metrics per 1,000 characters and mandated parts covered.
 * @param {ChartReport[]} dated reports with a year
 * @returns {Measure[]}
 */
export function measuresOf(dated) {
  /** @type {Map<string, number>} */
  const reportsStating = new Map();
  for (const entry of dated) {
    for (const id of Object.keys(entry.values)) reportsStating.set(id, (reportsStating.get(id) ?? 0) + 1);
  }
  // Most reports first; a tie in the order of the indicator ids.
  const indicators = [...reportsStating].sort((a, b) => b[1] - a[1]);
  return [
    ...indicators.map(([id, reports]) => ({ key: `indicator:${id}`, label: nameOf("indicator", id), reports })),
    { key: "per1000", label: t("chartPer1000"), reports: dated.length },
    { key: "parts", label: t("chartParts"), reports: dated.length },
  ];
}

/**
 * The lines of the chart: per issuer, the points of its reports by year (the later
 * report of a year replaces an earlier one; the replaced are listed).
 * @param {ChartReport[]} dated reports with a year, in list order
 * @param {string} key the measure
 * @returns {{lines: Line[], replaced: string[]}}
 */
export function linesOf(dated, key) {
  /** @type {Map<string, Map<number, ChartReport>>} */
  const byIssuer = new Map();
  /** @type {string[]} */
  const replaced = [];
  for (const entry of dated) {
    const issuer = entry.report.meta.issuer ?? entry.name;
    const year = Number(entry.report.meta.year);
    const years = byIssuer.get(issuer) ?? new Map();
    const earlier = years.get(year);
    if (earlier) replaced.push(earlier.name);
    years.set(year, entry);
    byIssuer.set(issuer, years);
  }
  /** @type {Line[]} */
  const lines = [];
  for (const [issuer, years] of byIssuer) {
    /** @type {Point[]} */
    const points = [];
    for (const [year, entry] of years) {
      const value = valueOf(entry, key);
      if (value !== null) points.push({ year, value, file: entry.name });
    }
    points.sort((a, b) => a.year - b.year);
    if (points.length) lines.push({ issuer, points });
  }
  lines.sort((a, b) => a.issuer.localeCompare(b.issuer, "zh"));
  return { lines, replaced };
}

/**
 * A number as the page writes it (at most two decimals, grouped digits).
 * @param {number} value
 * @returns {string}
 */
export function formatNumber(value) {
  return new Intl.NumberFormat(lang === "en" ? "en" : "zh-CN", { maximumFractionDigits: 2 }).format(value);
}

/**
 * A round step for about `count` ticks up to `max` (1, 2 or 5 times a power of ten).
 * @param {number} max
 * @param {number} count
 * @returns {number}
 */
function niceStep(max, count) {
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

/**
 * Draws the chart.
 * @param {Line[]} lines
 * @param {string} measure the measure's label (the y axis title)
 * @returns {SVGSVGElement}
 */
export function drawChart(lines, measure) {
  const legendRows = lines.length;
  const height = HEIGHT + legendRows * LEGEND_ROW + 8;
  const root = svg("svg", { width: WIDTH, height, viewBox: `0 0 ${WIDTH} ${height}`, "font-family": FONT, "font-size": 12, role: "group", "aria-label": t("chartAria", { measure }) });
  root.append(svg("rect", { x: 0, y: 0, width: WIDTH, height, fill: "#ffffff" }));
  const plot = { left: MARGIN.left, right: WIDTH - MARGIN.right, top: MARGIN.top, bottom: HEIGHT - MARGIN.bottom };

  const points = lines.flatMap((l) => l.points);
  const years = points.map((p) => p.year);
  let [minYear, maxYear] = [Math.min(...years), Math.max(...years)];
  if (minYear === maxYear) [minYear, maxYear] = [minYear - 1, maxYear + 1];
  const maxValue = Math.max(0, ...points.map((p) => p.value));
  const step = maxValue > 0 ? niceStep(maxValue, 5) : 1;
  const top = Math.max(step, Math.ceil(maxValue / step) * step);
  const x = (/** @type {number} */ year) => plot.left + INSET + ((year - minYear) / (maxYear - minYear)) * (plot.right - plot.left - 2 * INSET);
  const y = (/** @type {number} */ value) => plot.bottom - (value / top) * (plot.bottom - plot.top);

  // Axes, grid and tick values.
  const axes = svg("g", { class: "axes", fill: "#1b1f24" });
  for (let v = 0; v <= top + step / 1e6; v += step) {
    axes.append(
      svg("line", { x1: plot.left, x2: plot.right, y1: y(v), y2: y(v), stroke: v === 0 ? "#5a6270" : "#e3e7ec" }),
      svg("text", { x: plot.left - 6, y: y(v) + 4, "text-anchor": "end", class: "tick" }, formatNumber(v)),
    );
  }
  const yearStep = Math.max(1, Math.ceil((maxYear - minYear) / 10));
  for (let year = minYear; year <= maxYear; year += yearStep) {
    axes.append(
      svg("line", { x1: x(year), x2: x(year), y1: plot.bottom, y2: plot.bottom + 5, stroke: "#5a6270" }),
      svg("text", { x: x(year), y: plot.bottom + 18, "text-anchor": "middle", class: "tick" }, String(year)),
    );
  }
  axes.append(
    svg("line", { x1: plot.left, x2: plot.left, y1: plot.top, y2: plot.bottom, stroke: "#5a6270" }),
    svg("text", { x: (plot.left + plot.right) / 2, y: plot.bottom + 40, "text-anchor": "middle", "font-weight": "bold", class: "axis-title" }, t("chartYear")),
    svg("text", { x: 0, y: 0, transform: `translate(16 ${(plot.top + plot.bottom) / 2}) rotate(-90)`, "text-anchor": "middle", "font-weight": "bold", class: "axis-title" }, measure),
  );
  root.append(axes);

  // One line per issuer, its points focusable.
  lines.forEach((line, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const dash = DASHES[Math.floor(i / COLOURS.length) % DASHES.length];
    const series = svg("g", { class: "series", "data-issuer": line.issuer });
    series.append(svg("polyline", { points: line.points.map((p) => `${x(p.year)},${y(p.value)}`).join(" "), fill: "none", stroke: colour, "stroke-width": 2, "stroke-dasharray": dash }));
    for (const p of line.points) {
      const value = formatNumber(p.value);
      const point = svg("g", { class: "point", tabindex: 0, role: "img", "aria-label": t("chartPoint", { issuer: line.issuer, year: p.year, value }), "data-year": p.year, "data-value": p.value, "data-file": p.file });
      point.append(
        svg("circle", { cx: x(p.year), cy: y(p.value), r: 11, fill: "transparent", class: "hit" }),
        svg("circle", { cx: x(p.year), cy: y(p.value), r: 4, fill: colour, stroke: "#ffffff", "stroke-width": 1.5, class: "dot" }),
        svg("text", { x: x(p.year), y: y(p.value) - 10, "text-anchor": "middle", "font-weight": "bold", visibility: "hidden", class: "value", "paint-order": "stroke", stroke: "#ffffff", "stroke-width": 3 }, value),
      );
      series.append(point);
    }
    root.append(series);
    // The legend row: a stroke of the line and the issuer's name.
    const rowY = HEIGHT + i * LEGEND_ROW + 4;
    const legend = svg("g", { class: "legend" });
    legend.append(
      svg("line", { x1: plot.left, x2: plot.left + 28, y1: rowY, y2: rowY, stroke: colour, "stroke-width": 2, "stroke-dasharray": dash }),
      zh(svg("text", { x: plot.left + 36, y: rowY + 4 }, line.issuer)),
    );
    root.append(legend);
  });

  // Arrow keys move between points, in the order of the lines and years.
  root.addEventListener("keydown", (event) => {
    const all = [...root.querySelectorAll("g.point")];
    const at = all.indexOf(/** @type {Element} */ (event.target));
    if (at < 0) return;
    const next = event.key === "ArrowRight" || event.key === "ArrowDown" ? at + 1 : event.key === "ArrowLeft" || event.key === "ArrowUp" ? at - 1 : -1;
    const target = all[next];
    if (next < 0 || !(target instanceof SVGGElement)) return;
    event.preventDefault();
    target.focus();
  });
  return root;
}

/**
 * The chart as an SVG file.
 * @param {SVGSVGElement} chart
 * @returns {string}
 */
export function svgFile(chart) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(chart)}\n`;
}

/**
 * The chart as a PNG, at twice its size: the SVG file drawn into a canvas.
 * @param {SVGSVGElement} chart
 * @returns {Promise<Blob>}
 */
export async function pngFile(chart) {
  const scale = 2;
  const width = chart.width.baseVal.value;
  const height = chart.height.baseVal.value;
  const url = URL.createObjectURL(new Blob([svgFile(chart)], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = width * scale;
    canvas.height = height * scale;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2d canvas");
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The chart's section of the batch view: the measure select, the drawing, the notes. */
export class TrendChart {
  /** @type {string | null} */
  #measure = null;
  /** @type {ChartReport[]} */
  #dated = [];
  /** @type {SVGSVGElement | null} */
  #drawn = null;

  /**
   * @param {{controls: HTMLElement, select: HTMLSelectElement, figure: HTMLElement, note: HTMLElement}} parts
   */
  constructor(parts) {
    this.parts = parts;
    parts.select.addEventListener("change", () => {
      this.#measure = parts.select.value;
      this.render();
    });
  }

  /** The chart on screen, if any. */
  get drawn() {
    return this.#drawn;
  }

  /** The measure plotted, for file names. */
  get measure() {
    return this.#measure ?? "chart";
  }

  /**
   * Takes the batch's finished reports and redraws.
   * @param {ChartReport[]} reports
   */
  update(reports) {
    this.#dated = reports.filter((r) => r.report.meta.year != null);
    this.render();
  }

  /** Draws the chart for the chosen measure (in the current language). */
  render() {
    const { controls, select, figure, note } = this.parts;
    figure.replaceChildren();
    note.replaceChildren();
    this.#drawn = null;
    controls.hidden = this.#dated.length === 0;
    if (!this.#dated.length) {
      note.append(el("p", t("chartNoYears")));
      return;
    }
    const measures = measuresOf(this.#dated);
    // Until the user chooses: the indicator most reports state, if two or more do (a line
    // needs two points), else the metrics per 1,000 characters, which every report has.
    if (!measures.some((m) => m.key === this.#measure)) this.#measure = (measures.find((m) => m.key.startsWith("indicator:") && m.reports >= 2) ?? measures.find((m) => m.key === "per1000") ?? measures[0]).key;
    select.replaceChildren(...measures.map((m) => el("option", m.label, { value: m.key })));
    select.value = String(this.#measure);
    const chosen = measures.find((m) => m.key === this.#measure) ?? measures[0];
    const { lines, replaced } = linesOf(this.#dated, chosen.key);
    if (lines.length) {
      this.#drawn = drawChart(lines, chosen.label);
      figure.append(this.#drawn);
    } else {
      note.append(el("p", t("chartEmpty")));
    }
    note.append(el("p", t("chartRule")));
    if (replaced.length) {
      const files = el("span");
      files.append(...replaced.flatMap((name, i) => (i ? [t("listSep"), zhSpan(name)] : [zhSpan(name)])));
      const p = el("p", undefined, { class: "replaced" });
      p.append(...tNodes("chartReplaced", { files }));
      note.append(p);
    }
  }
}
