// Prints the npm package's size: each packed file raw / gzip -9 / brotli q11 (what a
// compressing host or CDN sends), the total with and without the dictionary, and the
// tarball. Run by `make pkg`; the README's size table is copied from it.
//
//   node npm/sizes.mjs target/pkg/fazhi-lens target/pkg/fazhi-lens-0.1.0.tgz
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const [dir, tarball] = process.argv.slice(2);
const { files } = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));

/** @param {Buffer} raw */
function sizes(raw) {
  return {
    raw: raw.length,
    gzip: zlib.gzipSync(raw, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(raw, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    }).length,
  };
}

const kb = (n) => `${(n / 1000).toFixed(0)} KB`.padStart(9); // 1 KB = 1000 bytes, as in bench/report.py
const rows = [...files, "package.json"].map((f) => ({ file: f, ...sizes(fs.readFileSync(path.join(dir, f))) }));
const add = (rs) => rs.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const line = (name, s) => console.log(`  ${name.padEnd(28)}${kb(s.raw)}${kb(s.gzip)}${kb(s.brotli)}`);
console.log(`npm package ${dir}: ${"raw".padStart(9)}${"gzip".padStart(9)}${"brotli".padStart(9)}`);
for (const r of rows) line(r.file, r);
line("all files", add(rows));
line("without the dictionary", add(rows.filter((r) => !r.file.startsWith("lexicon."))));
if (tarball) console.log(`  tarball ${path.basename(tarball)}: ${kb(fs.statSync(tarball).size).trim()}`);
