// A Node program using the installed npm package as its README shows. Copied into a
// temporary npm project by tests/pkg/pkg.test.mjs; prints one JSON object.
//
//   node use.mjs report.txt
import init, { Analyzer, decodeBytes, packLexicon } from "fazhi-lens";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const text = readFileSync(process.argv[2], "utf8");

// Ready on import: no init() needed in Node, and calling it anyway changes nothing.
const bare = new Analyzer({ offsets: "utf16" });
await init();
const bareReport = bare.analyze(text);

const lexicon = readFileSync(createRequire(import.meta.url).resolve("fazhi-lens/lexicon.txt"), "utf8");
const analyzer = new Analyzer({ offsets: "utf16" }, lexicon);
const report = analyzer.analyze(text);
// The same dictionary in columns (what the page downloads), and packed here from the lines.
const columns = readFileSync(createRequire(import.meta.url).resolve("fazhi-lens/lexicon.columns.txt"), "utf8");
const columnsReport = new Analyzer({ offsets: "utf16" }, columns).analyze(text);
const packedHere = packLexicon(lexicon) === columns;

let error = null;
try {
  analyzer.analyze(" \n");
} catch (e) {
  error = { isError: e instanceof Error, code: e.code, messageZh: e.messageZh };
}

const decoded = decodeBytes(new Uint8Array([0xe4, 0xb8, 0x80]));

console.log(JSON.stringify({ report, bareReport, columnsReport, packedHere, hasLexicon: [bare.hasLexicon, analyzer.hasLexicon], version: analyzer.version, defaultOptions: Analyzer.defaultOptions(), error, decoded }));
