// DOM helpers. Every node the page builds, from its own labels or from a report's
// (untrusted) text, is made here: text goes in as textContent and attributes as
// attributes, never as HTML.

/** The SVG namespace, for createElementNS. */
export const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * The element with this id; the page's markup guarantees it exists.
 * @param {string} id
 * @returns {HTMLElement}
 */
export function byId(id) {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from index.html`);
  return node;
}

/**
 * The element with this id, checked to be of a given type.
 * @template {HTMLElement} T
 * @param {string} id
 * @param {{new (): T, prototype: T}} type e.g. HTMLInputElement
 * @returns {T}
 */
export function byIdAs(id, type) {
  const node = byId(id);
  if (!(node instanceof type)) throw new Error(`#${id} is not a ${type.name}`);
  return node;
}

/**
 * Creates an element with text content and attributes.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string} [text]
 * @param {Record<string, string>} [attrs]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, text, attrs = {}) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

/**
 * Marks a node as showing the report's own (Chinese) text: screen readers read it as
 * Chinese, fonts pick Chinese glyphs, and the English page's test knows it is not a label.
 * @template {Element} T
 * @param {T} node
 * @returns {T}
 */
export function zh(node) {
  node.setAttribute("lang", "zh");
  return node;
}

/**
 * A span of report text (marked `lang="zh"`).
 * @param {string} text
 * @param {Record<string, string>} [attrs]
 */
export function zhSpan(text, attrs) {
  return zh(el("span", text, attrs));
}

/**
 * Creates an SVG element with attributes and, optionally, text.
 * @template {keyof SVGElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | number>} [attrs]
 * @param {string} [text]
 * @returns {SVGElementTagNameMap[K]}
 */
export function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}
