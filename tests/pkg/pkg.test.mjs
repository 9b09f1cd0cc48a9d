// The npm package as a user gets it (`make test-pkg`): the tarball of `make pkg` is
// installed offline into a fresh temporary npm project, then
//   - a Node program imports it by name and analyses a seed report: the same Report as the
//     native CLI, headings in the outline, every metric's span slicing the input to its
//     raw, the dictionary export loading and giving keywords, errors as real Errors;
//   - a plain HTML page loads it through an import map (no bundler) and analyses the same
//     seed, in headless Chromium and in headless Firefox ESR;
//   - TypeScript (pinned in package.json) type-checks a program against the package's
//     types as Node resolves them and as a bundler for the browser does.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { serve, launchChromium, launchFirefox } from "../e2e/harness.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const here = import.meta.dirname;
const SEED = path.join(root, "tests/fixtures/000_5df1c9718f90d00c.txt");
const CLI = path.join(root, "target/release/fazhi-lens");
const version = fs.readFileSync(path.join(root, "Cargo.toml"), "utf8").match(/^version = "(.*)"$/m)?.[1];
const tarball = process.env.PKG_TGZ ?? path.join(root, `target/pkg/fazhi-lens-${version}.tgz`);
const seed = fs.readFileSync(SEED, "utf8");

/** A temporary npm project with the tarball installed. */
let project = "";

before(() => {
  assert.ok(fs.existsSync(tarball), `${tarball} missing: run make pkg`);
  project = fs.mkdtempSync(path.join(os.tmpdir(), "fazhi-lens-pkg-"));
  fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "uses-fazhi-lens", private: true, type: "module" }));
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--loglevel=error", tarball], { cwd: project, stdio: "inherit" });
  for (const f of ["use.mjs", "index.html", "check.ts"]) fs.copyFileSync(path.join(here, f), path.join(project, f));
  fs.copyFileSync(SEED, path.join(project, "seed.txt"));
});

after(() => {
  if (project) fs.rmSync(project, { recursive: true, force: true });
});

/**
 * A Report without what legitimately differs between runs (timings) and the CLI's note
 * on how it read the file.
 * @param {any} report
 */
function comparable(report) {
  const copy = structuredClone(report);
  delete copy.stats.timings;
  delete copy.encoding;
  return copy;
}

/**
 * What every consumer must see in the seed's Report.
 * @param {any} report
 */
function assertSeedReport(report) {
  assert.equal(report.offsets, "utf16");
  assert.equal(report.meta.title, "连云港高新区2017年度推进依法行政建设法治政府工作情况报告");
  const level1 = report.outline.filter((/** @type {any} */ s) => s.level === 1).map((/** @type {any} */ s) => s.title);
  assert.ok(level1.includes("依法全面履行政府职能"), JSON.stringify(level1));
  assert.ok(level1.length >= 5, `five level-1 headings, got ${level1.length}`);
  assert.ok(report.metrics.length > 0, "the seed has metrics");
  assert.ok(report.keywords.length > 0, "keywords with the dictionary");
}

test("the package as installed: name, version, entry points and types present", () => {
  const dir = path.join(project, "node_modules/fazhi-lens");
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  assert.equal(pkg.name, "fazhi-lens");
  assert.equal(pkg.version, version);
  assert.equal(pkg.license, "MIT");
  assert.equal(pkg.type, "module");
  /** @type {string[]} */
  const targets = [];
  const walk = (/** @type {any} */ v) => (typeof v === "string" ? targets.push(v) : Object.values(v).forEach(walk));
  walk(pkg.exports);
  for (const t of targets) assert.ok(fs.existsSync(path.join(dir, t)), `exports names ${t}, which is not in the package`);
  assert.equal(pkg.exports["."].node.types, "./node.d.ts");
  assert.equal(pkg.exports["."].default.types, "./index.d.ts");
  const types = fs.readFileSync(path.join(dir, "fazhi_lens.d.ts"), "utf8");
  assert.match(types, /export class Analyzer/);
  assert.match(types, /analyze\(text: string\): Report;/);
  assert.match(types, /export interface Report/);
  for (const f of ["README.md", "LICENSE", "lexicon.txt", "lexicon.columns.txt"]) assert.ok(fs.existsSync(path.join(dir, f)), f);
});

test("Node: import by name, analyse a seed, load the dictionary export", () => {
  const out = JSON.parse(execFileSync("node", ["use.mjs", "seed.txt"], { cwd: project, encoding: "utf8", maxBuffer: 64 << 20 }));
  const { report, bareReport } = out;
  assertSeedReport(report);
  assert.deepEqual(out.decoded, { text: "一", encoding: "UTF-8" });
  for (const m of report.metrics) assert.equal(seed.slice(m.start, m.end), m.raw, JSON.stringify(m));
  for (const s of report.outline) assert.ok(seed.slice(s.start, s.end).endsWith(s.title), JSON.stringify(s));
  assert.deepEqual(out.hasLexicon, [false, true]);
  // The dictionary export changes the keywords (TF-IDF against jieba's general IDF).
  assert.notDeepEqual(report.keywords, bareReport.keywords);
  assert.equal(out.version, version);
  assert.equal(out.defaultOptions.offsets, "char");
  // Without the dictionary the outline and metrics are the same; keywords need it.
  assert.deepEqual(bareReport.outline, report.outline);
  assert.deepEqual(bareReport.metrics.map((/** @type {any} */ m) => m.raw), report.metrics.map((/** @type {any} */ m) => m.raw));
  assert.deepEqual(out.error, { isError: true, code: "empty_input", messageZh: out.error.messageZh });
  assert.ok(out.error.messageZh.length > 0);
  // The same Report as the native CLI.
  const native = JSON.parse(execFileSync(CLI, ["analyze", "--offsets", "utf16", SEED], { encoding: "utf8" }));
  assert.deepEqual(comparable(report), comparable(native));
  // The dictionary in columns gives the same Report, and is what packLexicon writes.
  assert.deepEqual(comparable(out.columnsReport), comparable(report));
  assert.equal(out.packedHere, true);
});

/**
 * The page's result, checked the same way in each browser.
 * @param {any} result
 */
function assertPageResult(result) {
  assert.equal(result.failed, undefined, result.failed);
  assertSeedReport(result.report);
  assert.equal(result.hasLexicon, true);
  assert.ok(result.metricSlices.every(Boolean), "every metric span slices to its raw in the browser");
  assert.ok(result.headingSlices.every(Boolean), "every heading span ends with its title in the browser");
  assert.deepEqual(result.error, { isError: true, code: "invalid_options", message: result.error.message });
  assert.deepEqual(result.decoded, { text: "一", encoding: "UTF-8" });
  const native = JSON.parse(execFileSync(CLI, ["analyze", "--offsets", "utf16", SEED], { encoding: "utf8" }));
  assert.deepEqual(comparable(result.report), comparable(native));
}

test("browser: a plain page with an import map, in Chromium and Firefox", async () => {
  const server = await serve(project, "/index.html");
  try {
    const chromium = await launchChromium();
    try {
      const page = await chromium.newPage();
      /** @type {string[]} */
      const errors = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(`${server.base}/index.html`);
      await page.waitForFunction(() => "result" in window, null, { timeout: 60000 });
      assertPageResult(await page.evaluate(() => /** @type {any} */ (window).result));
      assert.deepEqual(errors, []);
    } finally {
      await chromium.close();
    }
    const firefox = await launchFirefox();
    try {
      await firefox.goto(`${server.base}/index.html`);
      assertPageResult(await firefox.waitFor("return window.result ?? null", 60000));
    } finally {
      await firefox.close();
    }
  } finally {
    server.stop();
  }
});

test("TypeScript: the generated types of both entries resolve and type a Report", () => {
  const tsc = path.join(root, "node_modules/typescript/bin/tsc");
  // wasm-bindgen's classes declare [Symbol.dispose]: TypeScript needs esnext.disposable.
  const common = ["--noEmit", "--strict", "--target", "es2022", "--lib", "es2022,dom,esnext.disposable", "--listFiles", "check.ts"];
  const run = (/** @type {string[]} */ args) => {
    try {
      return execFileSync("node", [tsc, ...args, ...common], { cwd: project, encoding: "utf8" });
    } catch (e) {
      throw new Error(`tsc ${args.join(" ")}: ${/** @type {any} */ (e).stdout}`);
    }
  };
  const node = run(["--module", "nodenext", "--moduleResolution", "nodenext"]);
  assert.match(node, /node_modules\/fazhi-lens\/node\.d\.ts/);
  assert.match(node, /node_modules\/fazhi-lens\/fazhi_lens\.d\.ts/);
  const browser = run(["--module", "esnext", "--moduleResolution", "bundler", "--customConditions", "browser"]);
  assert.doesNotMatch(browser, /node\.d\.ts/);
  assert.match(browser, /node_modules\/fazhi-lens\/fazhi_lens\.d\.ts/);
});
