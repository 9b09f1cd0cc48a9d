// Writes the package's dictionary in columns, lexicon.columns.txt (what the page
// downloads: the same entries as lexicon.txt in 22% less brotli), with the package's own
// packLexicon (the Rust core's `lexicon::pack`). Run by `make pkg` once the package's
// files and package.json are in place.
//
//   node npm/columns.mjs target/pkg/fazhi-lens
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const dir = path.resolve(process.argv[2]);
const { packLexicon } = await import(pathToFileURL(path.join(dir, "node.js")).href);
const columns = packLexicon(fs.readFileSync(path.join(dir, "lexicon.txt"), "utf8"));
fs.writeFileSync(path.join(dir, "lexicon.columns.txt"), columns);
