// End-to-end test of the page in headless Debian Chromium (playwright-core), served by
// python's http.server under a sub-path, as on a GitHub Pages project site.
//
// It checks that the page analyzes the built-in example on load and gives exactly the
// Report the native CLI gives; that its CSV and Markdown exports, single and batch, are
// the CLI's byte for byte; that replacing the text updates the result; that clicking an
// outline entry selects that heading in the text; that markup in the text is shown as
// text and never runs; that the English page shows no Chinese outside the report's own
// text; the trend chart across years (tests/e2e/fixtures/: three reports of one issuer);
// that a report of a megabyte is shown whole, right where scrolled to, with reveal and
// keyboard working at its end (functional checks only: the timing of long texts is
// `make bench`'s); and that no request leaves the page's own files. Screenshots go to tests/e2e/out/
// (`make screenshots` copies them into docs/).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { serve, launchChromium } from "./harness.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const out = path.join(root, "tests/e2e/out");
const site = path.join(out, "site");
const SUBPATH = "/fazhi-lens/";
const CLI = path.join(root, "target/release/fazhi-lens");

/** @type {{base: string, stop: () => void}} */
let server;
/** @type {import("playwright-core").Browser} */
let browser;
let base = "";

/**
 * The native CLI's report for a file, in UTF-16 offsets like the page.
 * @param {string} file
 */
function nativeReport(file) {
  return JSON.parse(execFileSync(CLI, ["analyze", "--offsets", "utf16", file], { encoding: "utf8" }));
}

/**
 * The CLI's standard output, run in `cwd` so that the file names it prints are the ones
 * the page sees.
 * @param {string[]} args
 * @param {string} cwd
 * @returns {Buffer}
 */
function cli(args, cwd) {
  return execFileSync(CLI, args, { cwd });
}

/**
 * Clicks a download button and returns the downloaded file's bytes.
 * @param {import("playwright-core").Page} page
 * @param {string} selector
 * @returns {Promise<Buffer>}
 */
async function downloaded(page, selector) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  return fs.readFileSync(/** @type {string} */ (await download.path()));
}

/**
 * A report without what legitimately differs between runs (timings) and the CLI's
 * input-file note (encoding).
 * @param {any} report
 */
function comparable(report) {
  const copy = structuredClone(report);
  delete copy.stats.timings;
  delete copy.encoding; // the CLI's note on how it read the file, not part of the analysis
  return copy;
}

before(async () => {
  fs.rmSync(site, { recursive: true, force: true });
  fs.mkdirSync(site, { recursive: true });
  fs.symlinkSync(path.join(root, "www"), path.join(site, SUBPATH.replaceAll("/", "")));
  server = await serve(site, SUBPATH);
  base = server.base;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

/**
 * Opens the page and records every request it makes.
 * @returns {Promise<{page: import("playwright-core").Page, requests: string[], errors: string[]}>}
 */
async function openPage() {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  /** @type {string[]} */
  const requests = [];
  /** @type {string[]} */
  const errors = [];
  context.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(base + SUBPATH);
  // Ready when the full dictionary has arrived and the re-analysis with it is on screen,
  // and the decoding module is there (after the page has loaded, nothing makes a request).
  await page.waitForSelector('body[data-lexicon="loaded"]', { timeout: 30000 });
  await page.waitForSelector('body[data-decoder="loaded"]', { timeout: 30000 });
  await page.waitForSelector('#status[data-state="done"]', { timeout: 30000 });
  return { page, requests, errors };
}

/**
 * The Report the page rendered (its JSON view).
 * @param {import("playwright-core").Page} page
 */
async function pageReport(page) {
  return JSON.parse(await page.textContent("#json"));
}

/**
 * Replaces the text as a user would and waits for the result to show `expectTitle`.
 * @param {import("playwright-core").Page} page
 * @param {string} text
 */
async function replaceText(page, text) {
  const before = await page.textContent("#json");
  await page.fill("#text", text);
  await page.waitForFunction((old) => document.querySelector("#json")?.textContent !== old && document.querySelector("#status")?.getAttribute("data-state") === "done", before, { timeout: 30000 });
}

test("the example report is analyzed on load exactly as the CLI does", async () => {
  const { page, errors } = await openPage();
  const report = await pageReport(page);
  const native = nativeReport(path.join(root, "www/example.txt"));
  assert.deepEqual(comparable(report), comparable(native));
  assert.ok(report.stats.timings && report.stats.timings.segment >= 0, "per-stage timings from performance.now()");
  // The milestones `make bench` reads: a first report before the dictionary, then one with it.
  const marks = await page.evaluate(() => ["first-report", "full-report"].map((m) => performance.getEntriesByName(`fazhi-lens:${m}`, "mark").length));
  assert.deepEqual(marks, [1, 1]);
  // The dictionary is built once the first report has been painted, not beside it (on two
  // cores its build and compiles held that report back): the worker's build starts after
  // the page's mark, on one clock (1 ms for the clocks' coarsening; it started 100 ms and
  // more before the mark when the worker began it on posting the report).
  const painted = await page.evaluate(() => performance.timeOrigin + performance.getEntriesByName("fazhi-lens:first-report-painted", "mark")[0].startTime);
  const [worker] = page.workers();
  const built = await worker.evaluate(() => performance.timeOrigin + performance.getEntriesByName("worker:lexicon", "measure")[0].startTime);
  assert.ok(built > painted - 1, `the dictionary's build started ${(painted - built).toFixed(1)} ms before the first report was painted`);
  assert.equal(await page.locator("#outline li").count(), native.outline.length);
  assert.equal(await page.locator("#metrics tbody tr").count(), native.metrics.length);
  assert.deepEqual(errors, []);
  await page.evaluate(() => localStorage.clear());
  fs.mkdirSync(out, { recursive: true });
  await page.screenshot({ path: path.join(out, "page.png"), fullPage: false });
});

test("Chinese text is drawn in a font the style sheet names, not one looked up per character", async () => {
  // A character no font of the list has is looked up among the system's fonts, character
  // by character: on the first layouts that search was 100–150 ms of the page's thread
  // (docs/performance.md). Every font the text is drawn in must be one the list names.
  const { page } = await openPage();
  const named = (await page.evaluate(() => getComputedStyle(document.body).fontFamily))
    .split(",")
    .map((f) => f.trim().replace(/^["']|["']$/g, ""));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root: doc } = await cdp.send("DOM.getDocument", { depth: -1 });
  /** @type {Map<string, number>} */
  const used = new Map();
  for (const selector of [".tagline", "#input-h", "#outline li", "#checks li span", "#summary dd", "#annotated span"]) {
    const { nodeIds } = await cdp.send("DOM.querySelectorAll", { nodeId: doc.nodeId, selector });
    assert.ok(nodeIds.length > 0, `${selector} is on the page`);
    for (const nodeId of nodeIds.slice(0, 20)) {
      const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
      for (const f of fonts) used.set(f.familyName, (used.get(f.familyName) ?? 0) + f.glyphCount);
    }
  }
  assert.ok(used.size > 0, "the text's fonts were read");
  for (const [family, glyphs] of used) assert.ok(named.includes(family), `${glyphs} glyphs drawn in ${family}, which ${named.join(", ")} does not name`);
});

test("replacing the text updates the result; clicking a heading selects it", async () => {
  const { page } = await openPage();
  const seed = fs.readFileSync(path.join(root, "tests/fixtures/003_2c9c4544be17b5e5.txt"), "utf8");
  await replaceText(page, seed);
  const report = await pageReport(page);
  const native = nativeReport(path.join(root, "tests/fixtures/003_2c9c4544be17b5e5.txt"));
  assert.equal(report.meta.title, "南城街道2018年度法治政府建设情况报告");
  assert.deepEqual(comparable(report), comparable(native));
  assert.equal(await page.locator("#outline li").count(), native.outline.length);

  const target = report.outline.find((/** @type {any} */ s) => s.title === "加强政务服务体系创新");
  await page.click(`#outline li[data-id="${target.id}"] button`);
  const selection = await page.evaluate(() => {
    const area = /** @type {HTMLTextAreaElement} */ (document.querySelector("#text"));
    return area.value.slice(area.selectionStart, area.selectionEnd);
  });
  assert.equal(selection, seed.slice(target.start, target.end));
  assert.ok(selection.endsWith("加强政务服务体系创新"));
});

test("markup in the text is shown as text and never runs", async () => {
  const { page } = await openPage();
  const payload = '一、<img src=x onerror="window.__xss=1">加强领导\n受理<b onmouseover="window.__xss=3">申请</b>16件。<script>window.__xss=2</script>\n二、javascript:alert(1)&lt;审查&gt;\u202E倒序\n';
  await replaceText(page, payload);
  assert.equal(await page.evaluate(() => /** @type {any} */ (window).__xss), undefined);
  assert.equal(await page.locator("#outline img, #outline script, #metrics img, #checks img").count(), 0);
  const first = await page.textContent("#outline li:first-child button");
  assert.ok(first?.includes('<img src=x onerror="window.__xss=1">'), first ?? "");
});

test("no request leaves the page's own files", async () => {
  const { page, requests } = await openPage();
  await replaceText(page, "一、主要举措\n受理行政复议申请16件。");
  const foreign = requests.filter((u) => !u.startsWith(base + SUBPATH));
  assert.deepEqual(foreign, []);
  assert.ok(requests.some((u) => u.endsWith(".wasm")) && requests.some((u) => u.endsWith("lexicon.columns.txt")));
});

test("empty text shows a Chinese hint and keeps the page usable", async () => {
  const { page } = await openPage();
  await page.fill("#text", "   ");
  await page.waitForSelector('#status[data-state="idle"]');
  assert.match(await page.textContent("#status"), /请粘贴/);
});

test("clicking a keyword shows its concordance, as many lines as the CLI finds", async () => {
  const { page } = await openPage();
  const report = await pageReport(page);
  const word = report.keywords[0].word;
  await page.click(`#keywords button[data-word="${word}"]`);
  await page.waitForFunction((w) => document.querySelector("#kwic-count")?.textContent?.includes(w), word);
  const cli = execFileSync(CLI, ["kwic", word, path.join(root, "www/example.txt")], { encoding: "utf8" });
  const expected = cli.split("\n").filter((l) => l.includes(`【${word}】`)).length;
  assert.ok(expected > 0);
  assert.equal(await page.locator("#kwic li").count(), expected);
  assert.equal(await page.locator("#frequencies li").count(), Math.min(30, report.frequencies.length));
  await page.click("#kwic li:first-child");
  const selected = await page.evaluate(() => {
    const area = /** @type {HTMLTextAreaElement} */ (document.querySelector("#text"));
    return area.value.slice(area.selectionStart, area.selectionEnd);
  });
  assert.equal(selected, word);
});

test("the text is autosaved and restored on reload", async () => {
  const { page } = await openPage();
  await replaceText(page, "一、主要举措\n受理行政复议申请16件。");
  await page.waitForFunction(() => localStorage.getItem("fazhi-lens:text")?.includes("16件"));
  await page.reload();
  await page.waitForSelector('#status[data-state="done"]');
  assert.equal(await page.inputValue("#text"), "一、主要举措\n受理行政复议申请16件。");
  await page.click("#clear");
  assert.equal(await page.evaluate(() => localStorage.getItem("fazhi-lens:text")), null);
});

test("a crashed worker is restarted, the user is told, and the text is kept", async () => {
  const { page } = await openPage();
  const text = await page.inputValue("#text");
  const [worker] = page.workers();
  await worker.evaluate(() => setTimeout(() => { throw new Error("boom"); }));
  await page.waitForSelector("#notice:not([hidden])");
  assert.match(await page.textContent("#notice"), /重新启动/);
  // The restarted worker re-analyzes the kept text by itself; then it takes new input.
  await page.fill("#text", text + "\n受理行政复议申请16件。");
  await page.waitForFunction(() => document.querySelector("#json")?.textContent?.includes('"raw": "16件"'), undefined, { timeout: 30000 });
  assert.equal(await page.inputValue("#text"), text + "\n受理行政复议申请16件。");
});

test("a cancelled analysis stays cancelled: the restarted worker does not start it again", async () => {
  const { page } = await openPage();
  const seed = fs.readFileSync(path.join(root, "tests/fixtures/000_5df1c9718f90d00c.txt"), "utf8");
  const long = seed.repeat(Math.ceil(3_000_000 / seed.length));
  await page.evaluate((text) => {
    const area = /** @type {HTMLTextAreaElement} */ (document.querySelector("#text"));
    area.value = text;
    area.dispatchEvent(new Event("input"));
  }, long);
  await page.waitForSelector('#status[data-state="analyzing"]');
  await page.evaluate(() => (document.body.dataset.lexicon = "before-cancel"));
  await page.click("#cancel");
  await page.waitForSelector('#status[data-state="idle"]');
  assert.match(await page.textContent("#status"), /已取消/);
  assert.match(await page.textContent("#notice"), /已取消/);
  // The new worker is up and has its dictionary; nothing has started the analysis again.
  await page.waitForFunction(() => document.body.dataset.lexicon === "loaded");
  await page.waitForTimeout(1000);
  assert.equal(await page.getAttribute("#status", "data-state"), "idle");
  assert.equal(await page.evaluate(() => document.querySelector("#text")?.value.length), long.length);
  // Editing the text analyses it again.
  await replaceText(page, "一、主要举措\n受理行政复议申请16件。");
});

test("a text above the limit is refused with a Chinese message and kept", async () => {
  const { page } = await openPage();
  await page.evaluate(() => {
    const area = /** @type {HTMLTextAreaElement} */ (document.querySelector("#text"));
    area.value = "法".repeat(8_000_001);
    area.dispatchEvent(new Event("input"));
  });
  await page.waitForSelector('#status[data-state="error"]');
  assert.match(await page.textContent("#status"), /上限/);
  assert.equal(await page.evaluate(() => document.querySelector("#text").value.length), 8_000_001);
});

test("opening a .docx and a GBK file decodes them in Rust", async () => {
  const { page } = await openPage();
  fs.mkdirSync(out, { recursive: true });
  const docx = path.join(out, "report.docx");
  const gbk = path.join(out, "report-gbk.txt");
  execFileSync("python3", ["-c", `
import sys, zipfile
body = "<w:p><w:r><w:t>一、主要举措和成效</w:t></w:r></w:p><w:p><w:r><w:t>全年受理行政复议申请16件。</w:t></w:r></w:p>"
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="w"><w:body>' + body + "</w:body></w:document>")
open(sys.argv[2], "wb").write("二、存在的不足和原因\\n办结率为100%。".encode("gb18030"))
`, docx, gbk]);
  const before = await page.textContent("#json");
  await page.setInputFiles("#file", docx);
  await page.waitForFunction((old) => document.querySelector("#json")?.textContent !== old && document.querySelector("#status")?.getAttribute("data-state") === "done", before);
  assert.equal(await page.inputValue("#text"), "一、主要举措和成效\n全年受理行政复议申请16件。\n");
  assert.deepEqual((await pageReport(page)).outline.map((/** @type {any} */ s) => s.title), ["主要举措和成效"]);
  assert.match(await page.textContent("#notice"), /report\.docx（docx）/);
  await page.setInputFiles("#file", gbk);
  await page.waitForFunction(() => document.querySelector("#notice")?.textContent?.includes("report-gbk.txt"));
  assert.match(await page.textContent("#notice"), /report-gbk\.txt（(GBK|gb18030)）/);
  await page.waitForFunction(() => document.querySelector("#json")?.textContent?.includes("存在的不足和原因"));
  assert.equal(await page.inputValue("#text"), "二、存在的不足和原因\n办结率为100%。");
});

test("a PDF gets a Chinese explanation of how to copy its text, and the text stays", async () => {
  const { page } = await openPage();
  const text = await page.inputValue("#text");
  fs.mkdirSync(out, { recursive: true });
  const pdf = path.join(out, "report.pdf");
  fs.writeFileSync(pdf, "%PDF-1.7\n%binary\n");
  await page.setInputFiles("#file", pdf);
  await page.waitForSelector('#status[data-state="error"]');
  assert.match(await page.textContent("#status"), /PDF.*复制/);
  assert.equal(await page.inputValue("#text"), text);
});

test("the single report's CSV, clipboard copy and Markdown are the CLI's, byte for byte", async () => {
  const { page } = await openPage();
  const report = await pageReport(page);
  // The page calls the example "example.txt"; the CLI, run where that name is the file, says the same.
  const csv = await downloaded(page, "#export-csv");
  const cliCsv = cli(["analyze", "--format", "csv", "--offsets", "utf16", "example.txt"], path.join(root, "www"));
  assert.equal(csv.toString("utf8"), cliCsv.toString("utf8"));
  assert.ok(csv.equals(cliCsv), "the same bytes");
  assert.ok(csv.toString("utf8").startsWith("\uFEFFfile,id,section,"), "Excel needs the BOM; the header names the offset unit");
  assert.equal(csv.toString("utf8").trim().split("\n").length - 1, report.metrics.length);
  const md = await downloaded(page, "#export-md");
  assert.ok(md.equals(cli(["analyze", "--format", "md", "--offsets", "utf16", "example.txt"], path.join(root, "www"))), md.toString("utf8"));
  // The clipboard gets the same table without the BOM.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.click("#copy-csv");
  await page.waitForFunction(() => /clipboard|剪贴板/.test(document.querySelector("#status")?.textContent ?? ""));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), cliCsv.toString("utf8").slice(1));
  // Filtering and sorting the table.
  await page.fill("#metric-filter", report.metrics[0].raw);
  assert.ok((await page.locator("#metrics tbody tr").count()) >= 1);
  await page.selectOption("#metric-kind", "target");
  assert.equal(await page.locator("#metrics tbody tr").count(), report.metrics.filter((/** @type {any} */ m) => m.target && [m.raw, m.subject, m.indicator, m.unit].some((f) => f?.includes(report.metrics[0].raw))).length);
  // Indicators are shown by name, with their id kept as data.
  await page.fill("#metric-filter", "");
  await page.selectOption("#metric-kind", "all");
  const named = report.metrics.find((/** @type {any} */ m) => m.indicator);
  const cell = page.locator(`#metrics tr[data-id="${named.id}"] td[data-indicator]`);
  assert.equal(await cell.getAttribute("data-indicator"), named.indicator);
  assert.notEqual(await cell.textContent(), named.indicator, "a name, not the id");
});

test("the annotated text marks every metric and heading; clicking a heading finds it there", async () => {
  const { page } = await openPage();
  const seed = fs.readFileSync(path.join(root, "tests/fixtures/001_446f1514762c12b7.txt"), "utf8");
  await replaceText(page, seed);
  const report = await pageReport(page);
  // The annotated view is the whole text, marked: its text equals the input.
  assert.equal(await page.evaluate(() => document.querySelector("#annotated")?.textContent), seed);
  const marked = await page.$$eval("#annotated mark.a-metric", (nodes) => [...new Set(nodes.map((n) => n.getAttribute("data-id")))]);
  assert.equal(marked.length, report.metrics.length);
  const title = await page.getAttribute(`#annotated mark[data-id="${report.metrics[0].id}"]`, "title");
  assert.ok(title?.includes(report.metrics[0].unit) && title.includes(report.metrics[0].subject), title ?? "");
  assert.equal(await page.locator("#annotated .a-removed").count() > 0, true, "the template-site line is shown greyed");
  const s = report.outline[1];
  await page.click(`#outline li[data-id="${s.id}"] button`);
  assert.equal(await page.getAttribute("#annotated .a-current", "data-section"), s.id);
  // A 2010 report: three parts are mandated (第一责任人 only from 2019); it has one.
  assert.equal(await page.textContent('#scorecard [data-field="parts"]'), "1 / 3");
});

test("what the text is, whether it is whole, and each cited document once, as Rust reads them", async () => {
  const { page } = await openPage();
  // A government work report: no mandated parts apply; the evidence is shown.
  await replaceText(page, "2024年政府工作报告\n各位代表：\n一、2023年工作回顾\n全年地区生产总值增长5.6%。\n二、2024年工作安排\n着力扩大有效需求。\n");
  let report = await pageReport(page);
  assert.equal(report.meta.kind, "other");
  assert.equal(await page.textContent('#summary [data-field="kind"]'), "其他文件");
  assert.equal(await page.textContent('#scorecard [data-field="parts"]'), "—");
  // An excerpt cut off mid-sentence, with a law cited in full, by a short form and again.
  const excerpt = "某县2021年度法治政府建设情况报告\n一、2021年法治政府建设主要举措和成效\n依据《中华人民共和国行政复议法》（以下简称《复议法》）办理案件16件，《复议法》规定的期限内全部办结。《中华人民共和国行政复议法》实施以来，全年共收到行政复议申请";
  await replaceText(page, excerpt);
  report = await pageReport(page);
  assert.equal(report.meta.kind, "report");
  assert.equal(report.meta.incomplete, true);
  assert.equal(await page.textContent('#summary [data-field="kind"]'), "法治建设年度报告");
  assert.match(await page.textContent('#summary [data-field="incomplete"]'), /正文止于句中/);
  const listed = await page.$$eval("#citations li", (lis) => lis.map((li) => [li.querySelector("span")?.textContent, li.getAttribute("data-mentions")]));
  assert.deepEqual(listed, [["《中华人民共和国行政复议法》", "4"]], "one document, four mentions");
  assert.equal(report.stats.citations, 1);
  assert.equal(await page.textContent("#citations li .kind"), "法律");
  // A removed line is labelled by the name of its reason, not its key.
  await replaceText(page, fs.readFileSync(path.join(root, "tests/fixtures/001_446f1514762c12b7.txt"), "utf8"));
  report = await pageReport(page);
  const reason = report.removed[0].reason;
  const label = await page.getAttribute("#annotated .a-removed", "title");
  assert.ok(label && !label.includes(reason) && /^已排除：\p{Script=Han}+/u.test(label), `${label} (${reason})`);
});

test("after the page has loaded, nothing the user does makes a request", async () => {
  const { page, requests } = await openPage();
  const loaded = requests.length;
  await replaceText(page, fs.readFileSync(path.join(root, "tests/fixtures/004_225241193e25156f.txt"), "utf8"));
  const report = await pageReport(page);
  await page.click(`#keywords button[data-word="${report.keywords[0].word}"]`);
  await page.waitForSelector("#kwic li");
  await page.click("#kwic li:first-child");
  await page.click('#metrics th[data-sort="value"]');
  await page.fill("#metric-filter", "件");
  await page.selectOption("#metric-kind", "target");
  await page.click(`#outline li[data-id="${report.outline[0].id}"] button`);
  await Promise.all([page.waitForEvent("download"), page.click("#export-json")]);
  await Promise.all([page.waitForEvent("download"), page.click("#export-md")]);
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, "again.txt");
  fs.writeFileSync(file, "一、主要举措\n受理行政复议申请16件。");
  await page.setInputFiles("#file", file);
  await page.waitForFunction(() => document.querySelector("#json")?.textContent?.includes('"raw": "16件"'));
  const after = requests.slice(loaded).filter((u) => !u.startsWith("blob:"));
  assert.deepEqual(after, [], "no request after load");
});

test("the English switch changes the labels and is remembered", async () => {
  const { page } = await openPage();
  assert.equal(await page.textContent("#outline-h"), "提纲");
  await page.click("#lang");
  assert.equal(await page.textContent("#outline-h"), "Outline");
  assert.equal(await page.textContent("#metrics-h"), "Metrics");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.ok((await page.textContent("#summary")).includes("Headings"));
  await page.reload();
  await page.waitForSelector('#status[data-state="done"]');
  assert.equal(await page.textContent("#outline-h"), "Outline");
  await page.click("#lang");
  assert.equal(await page.textContent("#outline-h"), "提纲");
});

test("several files are analysed one by one and compared", async () => {
  const { page } = await openPage();
  const files = ["001_446f1514762c12b7.txt", "003_2c9c4544be17b5e5.txt", "004_225241193e25156f.txt"].map((f) => path.join(root, "tests/fixtures", f));
  await page.setInputFiles("#file", files);
  await page.waitForFunction(() => [...document.querySelectorAll("#batch-list tbody tr")].filter((r) => r.getAttribute("data-status") === "finished").length === 3, undefined, { timeout: 30000 });
  const native = files.map((f) => nativeReport(f));
  const rows = await page.$$eval("#batch-list tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
  assert.deepEqual(rows.map((r) => Number(r[3])), native.map((r) => r.metrics.length), "metric counts as the CLI's");
  // The matrix has a column per report and a row per indicator any of them states.
  assert.equal(await page.locator("#batch-matrix tr:first-child th").count(), 4);
  const indicators = new Set(native.flatMap((r) => r.metrics.map((/** @type {any} */ m) => m.indicator).filter(Boolean)));
  assert.equal(await page.locator("#batch-matrix tr[data-indicator]").count(), indicators.size);
  // Indicators by name: no catalogue id is shown.
  const rowHeads = await page.$$eval("#batch-matrix tr[data-indicator] th", (ths) => ths.map((th) => [th.parentElement?.getAttribute("data-indicator"), th.textContent]));
  assert.ok(rowHeads.every(([id, name]) => name !== id), JSON.stringify(rowHeads));
  // Heatmap: seed 004 has all four parts, seed 001 only measures; a 2010 report is not
  // required to have the 第一责任人 part (Rust's rule), so its cell says so.
  const heat = await page.$$eval("#batch-heatmap tr[data-part]", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.className)));
  assert.deepEqual(heat.map((r) => r[2]), ["hit", "hit", "hit", "hit"]);
  assert.deepEqual(heat.map((r) => r[0]), ["hit", "miss", "na", "miss"]);
  // The batch exports are the CLI's over the same files, byte for byte.
  const names = files.map((f) => path.basename(f));
  const fixtures = path.join(root, "tests/fixtures");
  const csv = await downloaded(page, "#batch-csv");
  const cliCsv = cli(["analyze", "--format", "csv", "--offsets", "utf16", ...names], fixtures);
  assert.equal(csv.toString("utf8"), cliCsv.toString("utf8"));
  assert.ok(csv.equals(cliCsv));
  assert.equal(csv.toString("utf8").trim().split("\n").length - 1, native.reduce((n, r) => n + r.metrics.length, 0));
  const md = await downloaded(page, "#batch-md");
  assert.ok(md.equals(cli(["analyze", "--format", "md", "--offsets", "utf16", ...names], fixtures)), md.toString("utf8"));
  assert.equal((md.toString("utf8").match(/^# /gm) ?? []).length, 3);
  const lines = (await downloaded(page, "#batch-json")).toString("utf8").trim().split("\n").map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((r) => r.file), names);
  await page.locator("#batch").screenshot({ path: path.join(out, "batch.png") });
});

/**
 * Visible text and placeholders outside the report's own text (elements marked
 * `lang="zh"`) that contain a Chinese character.
 * @param {import("playwright-core").Page} page
 * @returns {Promise<string[]>}
 */
function chineseOutsideReportText(page) {
  return page.evaluate(() => {
    const han = /\p{Script=Han}/u;
    /** @type {string[]} */
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !han.test(node.textContent ?? "") || parent.closest('[lang="zh"]')) continue;
      if (!parent.checkVisibility({ visibilityProperty: true })) continue;
      found.push(`${parent.tagName.toLowerCase()}#${parent.id || parent.closest("[id]")?.id}: ${node.textContent}`);
    }
    for (const field of document.querySelectorAll("[placeholder]")) {
      if (!field.closest('[lang="zh"]') && han.test(field.getAttribute("placeholder") ?? "")) found.push(`placeholder of #${field.id}`);
    }
    return found;
  });
}

test("in English, no Chinese is shown outside the report's own text", async () => {
  const { page } = await openPage();
  await page.click("#lang");
  await replaceText(page, fs.readFileSync(path.join(root, "tests/fixtures/004_225241193e25156f.txt"), "utf8"));
  const report = await pageReport(page);
  await page.click(`#keywords button[data-word="${report.keywords[0].word}"]`);
  await page.waitForSelector("#kwic li");
  assert.deepEqual(await chineseOutsideReportText(page), []);
  // Indicator, task and part names come from the catalogue, in English, and so do the kinds
  // of cited documents and the reasons of removed lines.
  assert.equal(await page.textContent('#outline .badge[data-part="measures"]'), "Main measures and results");
  assert.equal(await page.textContent('#summary [data-field="kind"]'), "rule-of-law annual report");
  const kinds = await page.$$eval("#citations li .kind", (ks) => ks.map((k) => k.textContent));
  assert.ok(kinds.length > 0 && kinds.every((k) => /^[A-Za-z ]+$/.test(k ?? "")), kinds.join(", "));
  const files = ["001_446f1514762c12b7.txt", "003_2c9c4544be17b5e5.txt", "004_225241193e25156f.txt"].map((f) => path.join(root, "tests/fixtures", f));
  await page.setInputFiles("#file", files);
  await page.waitForFunction(() => [...document.querySelectorAll("#batch-list tbody tr")].filter((r) => r.getAttribute("data-status") === "finished").length === 3, undefined, { timeout: 30000 });
  await page.waitForSelector('#status[data-state="done"]');
  assert.deepEqual(await chineseOutsideReportText(page), []);
  // A failed file's message is English too (Rust gives both languages).
  const pdf = path.join(out, "report.pdf");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(pdf, "%PDF-1.7\n%binary\n");
  await page.setInputFiles("#file", [pdf, files[0]]);
  await page.waitForSelector('#batch-list tr[data-status="failed"]');
  await page.waitForFunction(() => document.querySelector("#batch-list tr:nth-child(2)")?.getAttribute("data-status") === "finished");
  assert.deepEqual(await chineseOutsideReportText(page), []);
  await page.click("#lang");
  assert.match(await page.textContent('#batch-list tr[data-status="failed"]'), /PDF/);
});

test("the trend chart: one issuer's three years as one line, keyboard reachable, exported as SVG and PNG", async () => {
  const { page } = await openPage();
  const fixtures = path.join(root, "tests/e2e/fixtures");
  const files = ["mingyuan-2019.txt", "mingyuan-2020.txt", "mingyuan-2021.txt"].map((f) => path.join(fixtures, f));
  await page.setInputFiles("#file", files);
  await page.waitForFunction(() => document.querySelectorAll('#batch-list tr[data-status="finished"]').length === 3, undefined, { timeout: 30000 });
  await page.selectOption("#chart-measure", "indicator:admin_review_cases");
  assert.equal(await page.locator("#chart-measure option:checked").textContent(), "行政复议受理数");
  assert.equal(await page.locator("#chart g.series").count(), 1, "one line: one issuer");
  assert.equal(await page.getAttribute("#chart g.series", "data-issuer"), "明远县人民政府");
  const points = await page.$$eval("#chart g.point", (gs) =>
    gs.map((g) => ({ year: Number(g.getAttribute("data-year")), value: Number(g.getAttribute("data-value")), cx: Number(g.querySelector(".dot")?.getAttribute("cx")), cy: Number(g.querySelector(".dot")?.getAttribute("cy")), label: g.getAttribute("aria-label") })),
  );
  assert.deepEqual(points.map((p) => [p.year, p.value]), [[2019, 16], [2020, 23], [2021, 41]]);
  // Positions follow years and values: equal steps across, higher values higher up.
  assert.ok(Math.abs(points[1].cx - points[0].cx - (points[2].cx - points[1].cx)) < 0.01);
  assert.ok(points[0].cy > points[1].cy && points[1].cy > points[2].cy);
  const cyOf = (/** @type {number} */ v) => points[0].cy + ((points[2].cy - points[0].cy) * (v - 16)) / (41 - 16);
  assert.ok(Math.abs(points[1].cy - cyOf(23)) < 0.01, "linear in the value");
  assert.match(points[0].label ?? "", /明远县人民政府.*2019.*16/);
  const ticks = await page.$$eval("#chart text.tick", (ts) => ts.map((x) => x.textContent));
  assert.ok(["2019", "2020", "2021"].every((y) => ticks.includes(y)), ticks.join(" "));
  assert.deepEqual(await page.$$eval("#chart text.axis-title", (ts) => ts.map((x) => x.textContent)), ["年度", "行政复议受理数"]);
  // The select and the points are reachable by keyboard; a focused point shows its value.
  await page.focus("#chart-measure");
  for (let i = 0; i < 3 && !(await page.evaluate(() => document.activeElement?.classList.contains("point"))); i++) await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-year")), "2019");
  assert.equal(await page.isVisible("#chart g.point:focus text.value"), true);
  assert.equal(await page.textContent("#chart g.point:focus text.value"), "16");
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-year")), "2020");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-year")), "2021");
  assert.equal(await page.isVisible('#chart g.point[data-year="2019"] text.value'), false, "values of other points stay hidden");
  await page.hover('#chart g.point[data-year="2019"] .dot');
  assert.equal(await page.isVisible('#chart g.point[data-year="2019"] text.value'), true, "hover shows the value");
  await page.locator("#batch").evaluate((n) => n.scrollIntoView());
  await page.locator('#chart g.point[data-year="2021"]').focus();
  await page.locator("#chart svg").screenshot({ path: path.join(out, "chart.png") });
  // Exports: the SVG as a file, the PNG drawn from it.
  const svgFile = (await downloaded(page, "#chart-svg")).toString("utf8");
  assert.match(svgFile, /^<\?xml[^>]*>\n<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.ok(svgFile.includes('data-year="2021"') && svgFile.includes(">行政复议受理数</text>"));
  const png = await downloaded(page, "#chart-png");
  assert.ok(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), "a PNG");
  assert.equal(png.readUInt32BE(16), 1280, "twice the SVG's width");
  assert.ok(png.length > 5000, `${png.length} bytes`);
  // The other measures; then a second report for 2020 from the same issuer replaces the first.
  await page.selectOption("#chart-measure", "parts");
  assert.deepEqual(await page.$$eval("#chart g.point", (gs) => gs.map((g) => g.getAttribute("data-value"))), ["4", "4", "4"]);
  await page.selectOption("#chart-measure", "per1000");
  assert.equal(await page.locator("#chart g.point").count(), 3);
  const revised = path.join(out, "mingyuan-2020-revised.txt");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(revised, fs.readFileSync(files[1], "utf8").replace("23件", "25件"));
  await page.setInputFiles("#file", [...files, revised]);
  await page.waitForFunction(() => document.querySelectorAll('#batch-list tr[data-status="finished"]').length === 4, undefined, { timeout: 30000 });
  await page.selectOption("#chart-measure", "indicator:admin_review_cases");
  assert.deepEqual(await page.$$eval("#chart g.point", (gs) => gs.map((g) => g.getAttribute("data-value"))), ["16", "25", "41"]);
  assert.match(await page.textContent("#chart-note .replaced"), /mingyuan-2020\.txt/);
});

test("usable at 360 px, prints cleanly, and every view has a screenshot", async () => {
  const { page } = await openPage();
  await page.locator("#annotated").screenshot({ path: path.join(out, "annotated.png") });
  await page.locator("#metrics").screenshot({ path: path.join(out, "metrics.png") });
  await page.click("#lang");
  await page.screenshot({ path: path.join(out, "english.png") });
  await page.click("#lang");
  await page.setViewportSize({ width: 360, height: 780 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `no horizontal scrolling at 360 px (overflow ${overflow}px)`);
  await page.screenshot({ path: path.join(out, "mobile.png") });
  await page.setViewportSize({ width: 1100, height: 1000 });
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.isVisible("#text"), false, "the input is not printed");
  assert.equal(await page.isVisible("#outline"), true, "the outline is printed");
  await page.pdf?.({ path: path.join(out, "print.pdf") }).catch(() => {});
  await page.emulateMedia({ media: "screen" });
});

/**
 * Puts a text into the text box as a paste would and waits until its report is on screen
 * (every view complete).
 * @param {import("playwright-core").Page} page
 * @param {string} text
 */
async function pasteText(page, text) {
  const before = await page.textContent("#json");
  await page.evaluate((value) => {
    const area = /** @type {HTMLTextAreaElement} */ (document.querySelector("#text"));
    area.value = value;
    area.dispatchEvent(new Event("input"));
  }, text);
  await page.waitForFunction((old) => document.querySelector("#json")?.textContent !== old && document.querySelector("#status")?.getAttribute("data-state") === "done", before, { timeout: 120000, polling: 200 });
}

/**
 * Runs a function in the page after the next two frames (so that it sees what a scroll
 * has brought into view).
 * @template T
 * @param {import("playwright-core").Page} page
 * @param {() => T} fn
 * @returns {Promise<T>}
 */
function afterFrames(page, fn) {
  return page.evaluate(`new Promise((resolve, reject) => requestAnimationFrame(() => requestAnimationFrame(() => { try { resolve((${fn})()); } catch (e) { reject(e); } })))`);
}

/**
 * The offset into the annotated view's text of the character under the middle of its
 * visible part.
 * @param {import("playwright-core").Page} page
 * @returns {Promise<number>}
 */
function annotatedOffsetInView(page) {
  return afterFrames(page, () => {
    const view = /** @type {HTMLElement} */ (document.querySelector("#annotated"));
    const box = view.getBoundingClientRect();
    const range = document.caretRangeFromPoint(box.left + 40, box.top + box.height / 2);
    if (!range) throw new Error("no text under the middle of the annotated view");
    let offset = 0;
    const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node && node !== range.startContainer; node = walker.nextNode()) offset += node.textContent?.length ?? 0;
    return offset + range.startOffset;
  });
}

test("a report of a megabyte: shown whole and right where scrolled to; reveal and the keyboard work at its end", async () => {
  const { page, errors } = await openPage();
  const seeds = fs.readdirSync(path.join(root, "tests/fixtures")).filter((f) => f.endsWith(".txt")).sort().map((f) => fs.readFileSync(path.join(root, "tests/fixtures", f), "utf8").trim());
  let text = "";
  for (let i = 0; Buffer.byteLength(text) < 1_000_000; i++) text += seeds[i % seeds.length] + "\n\n";
  await pasteText(page, text);
  const report = await pageReport(page);
  assert.ok(report.metrics.length > 1000, `${report.metrics.length} metrics`);

  // The annotated view holds the whole text, in order; scrolled to three quarters of its
  // height, it shows the text from about there.
  assert.equal(await page.evaluate(() => document.querySelector("#annotated")?.textContent), text);
  // Every metric and heading is marked in it with exactly its text, in whichever of the
  // view's many chunks it falls (each chunk builds its runs from its own marks).
  const marked = await page.evaluate(() => {
    /** The text of the nodes `selector` finds, joined by the value of their attribute `key`. */
    const textsBy = (/** @type {string} */ selector, /** @type {string} */ key) => {
      /** @type {Record<string, string>} */
      const texts = {};
      for (const node of document.querySelectorAll(selector)) {
        const id = node.getAttribute(key) ?? "";
        texts[id] = (texts[id] ?? "") + node.textContent;
      }
      return texts;
    };
    return {
      metrics: textsBy("#annotated .a-chunk mark.a-metric[data-id]", "data-id"),
      sections: textsBy("#annotated .a-chunk [data-section]", "data-section"),
      chunks: document.querySelectorAll("#annotated .a-chunk").length,
    };
  });
  assert.ok(marked.chunks > 50, `${marked.chunks} chunks`);
  for (const m of report.metrics) assert.equal(marked.metrics[m.id], text.slice(m.start, m.end), m.id);
  for (const s of report.outline) assert.equal(marked.sections[s.id], text.slice(s.start, s.end), s.id);
  await page.evaluate(() => {
    const view = /** @type {HTMLElement} */ (document.querySelector("#annotated"));
    view.scrollIntoView({ block: "center" });
    view.scrollTop = (view.scrollHeight - view.clientHeight) * 0.75;
  });
  const at = await annotatedOffsetInView(page);
  assert.ok(at > text.length * 0.65 && at < text.length * 0.85, `offset ${at} of ${text.length}`);

  // The table of so many metrics holds only the rows in view, and says how many there are.
  const rows = await page.locator("#metrics tbody tr[data-id]").count();
  assert.ok(rows > 10 && rows < 300, `${rows} rows in the DOM`);
  assert.equal(await page.getAttribute("#metrics", "aria-rowcount"), String(report.metrics.length + 1));
  assert.equal(await page.textContent("#metric-count"), `显示 ${report.metrics.length} / ${report.metrics.length} 项`);
  /** The row under the middle of the table's scroller: its index and what it shows. */
  const middleRow = () =>
    afterFrames(page, () => {
      const wrap = /** @type {HTMLElement} */ (document.querySelector("#metrics")?.parentElement);
      const box = wrap.getBoundingClientRect();
      const row = document.elementFromPoint(box.left + 30, box.top + box.height / 2)?.closest("tr");
      return { index: Number(row?.getAttribute("aria-rowindex")) - 2, id: row?.getAttribute("data-id"), raw: row?.querySelector("button")?.textContent };
    });
  /**
   * Scrolls the table to a fraction of its height; resolves once the window has followed.
   * @param {number} fraction
   */
  const scrollTable = async (fraction) => {
    await page.evaluate((f) => {
      const wrap = /** @type {HTMLElement} */ (document.querySelector("#metrics")?.parentElement);
      wrap.scrollIntoView({ block: "center" });
      wrap.scrollTop = (wrap.scrollHeight - wrap.clientHeight) * f;
    }, fraction);
    await afterFrames(page, () => null);
  };
  for (const fraction of [0.5, 1]) {
    await scrollTable(fraction);
    const row = await middleRow();
    assert.equal(row.id, report.metrics[row.index].id, `row ${row.index} at ${fraction}`);
    assert.equal(row.raw, report.metrics[row.index].raw);
    const expected = fraction * report.metrics.length;
    assert.ok(Math.abs(row.index - expected) < 40, `row ${row.index} in the middle at ${fraction}`);
  }

  // Reveal: the last metric, clicked in the table, is selected in the text box and marked
  // and in view in the annotated text.
  const last = report.metrics[report.metrics.length - 1];
  await page.click(`#metrics tr[data-id="${last.id}"] button`);
  const selected = await page.evaluate(() => {
    const area = /** @type {HTMLTextAreaElement} */ (document.querySelector("#text"));
    return [area.selectionStart, area.selectionEnd];
  });
  assert.deepEqual(selected, [last.start, last.end]);
  assert.equal(await page.getAttribute("#annotated .a-current", "data-id"), last.id);
  const inView = await page.evaluate(() => {
    const view = /** @type {HTMLElement} */ (document.querySelector("#annotated")).getBoundingClientRect();
    const mark = /** @type {HTMLElement} */ (document.querySelector("#annotated .a-current")).getBoundingClientRect();
    return mark.top >= view.top && mark.bottom <= view.bottom;
  });
  assert.ok(inView, "the revealed metric is in the annotated view's visible part");
  // So is the last heading, clicked in the outline.
  const heading = report.outline[report.outline.length - 1];
  await page.locator(`#outline li[data-id="${heading.id}"] button`).click();
  assert.equal(await page.getAttribute("#annotated .a-current", "data-section"), heading.id);

  // The keyboard: Tab from the table's last row in the DOM reaches the next row, which the
  // window then holds.
  await scrollTable(0);
  const edge = await page.evaluate(() => {
    const buttons = [...document.querySelectorAll("#metrics tbody tr[data-id] button")];
    const button = /** @type {HTMLElement} */ (buttons[buttons.length - 1]);
    button.focus();
    return Number(button.closest("tr")?.getAttribute("aria-rowindex"));
  });
  for (let i = 1; i <= 3; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => Number(document.activeElement?.closest("tr")?.getAttribute("aria-rowindex")));
    assert.equal(focused, edge + i, "Tab goes on to the next row");
  }

  // Printing shows every row; afterwards the window is back.
  await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
  assert.equal(await page.locator("#metrics tbody tr[data-id]").count(), report.metrics.length);
  await page.evaluate(() => dispatchEvent(new Event("afterprint")));
  assert.ok((await page.locator("#metrics tbody tr[data-id]").count()) < 300);
  assert.deepEqual(errors, []);
});
