// Saving files from the page. The contents come from Rust (the CSV and the Markdown are
// the CLI's, byte for byte) or from the chart (SVG, PNG); a file is handed to the
// browser as a blob URL, so nothing leaves the machine.

/** @typedef {import("./pkg/fazhi_lens.js").Report} Report */

/** The byte-order mark Rust puts before a CSV so that Excel reads it as UTF-8. */
const BOM = "\uFEFF";

/**
 * Saves a file from the page.
 * @param {string} name
 * @param {string | Blob} content
 * @param {string} type the MIME type (for a string)
 */
export function download(name, content, type) {
  const blob = typeof content === "string" ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The name a text goes by in exports (the `file` column of the CSV): the file it was
 * read from, else one made from the report's title (`report.txt` without a title).
 * @param {string | null} file
 * @param {Report} report
 * @returns {string}
 */
export function entryName(file, report) {
  if (file) return file;
  return `${(report.meta.title ?? "report").replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 60)}.txt`;
}

/**
 * The stem for downloaded files: the entry name without its extension.
 * @param {string} name
 * @returns {string}
 */
export function stem(name) {
  return name.replace(/\.[^.]*$/, "") || "report";
}

/**
 * A CSV table for the clipboard: the same table without the BOM.
 * @param {string} csv
 * @returns {string}
 */
export function withoutBom(csv) {
  return csv.startsWith(BOM) ? csv.slice(BOM.length) : csv;
}
