// Writes the npm package's package.json to stdout: name, version, description, licence and
// repository from Cargo.toml (one source of truth), and the entry points of this folder.
// Used by `make pkg`; wasm-pack's own package.json is replaced, not edited.
//
//   node npm/package.mjs Cargo.toml > target/pkg/fazhi-lens/package.json
import fs from "node:fs";

const cargo = fs.readFileSync(process.argv[2] ?? "Cargo.toml", "utf8");
const section = cargo.split(/^\[/m).find((s) => s.startsWith("package]"));
if (!section) throw new Error("Cargo.toml has no [package] section");
/** @param {string} key */
function field(key) {
  const m = section.match(new RegExp(`^${key}\\s*=\\s*"([^"]*)"`, "m"));
  if (!m) throw new Error(`Cargo.toml [package] has no ${key}`);
  return m[1];
}

const web = { types: "./index.d.ts", default: "./index.js" };
const pkg = {
  name: field("name"),
  version: field("version"),
  description: field("description"),
  license: field("license"),
  repository: { type: "git", url: `git+${field("repository")}.git` },
  keywords: ["chinese", "government", "rule-of-law", "nlp", "jieba", "wasm", "法治政府"],
  type: "module",
  engines: { node: ">=18" },
  // Browsers (and bundlers aiming at them) take index.js, over the two wasm-pack
  // `--target web` modules (the analysis and decodeBytes): `await init()` fetches
  // fazhi_lens_bg.wasm and fazhi_lens_decode_bg.wasm next to it. Node takes node.js, which
  // reads the same files from disk and is ready on import.
  exports: {
    ".": {
      browser: web,
      node: { types: "./node.d.ts", default: "./node.js" },
      default: web,
    },
    // Each module alone, for a page that loads decodeBytes only when it needs it.
    "./fazhi_lens.js": { types: "./fazhi_lens.d.ts", default: "./fazhi_lens.js" },
    "./fazhi_lens_decode.js": { types: "./fazhi_lens_decode.d.ts", default: "./fazhi_lens_decode.js" },
    "./fazhi_lens_bg.wasm": "./fazhi_lens_bg.wasm",
    "./fazhi_lens_decode_bg.wasm": "./fazhi_lens_decode_bg.wasm",
    "./lexicon.txt": "./lexicon.txt",
    "./lexicon.columns.txt": "./lexicon.columns.txt",
    "./package.json": "./package.json",
  },
  main: "./node.js",
  module: "./index.js",
  types: "./index.d.ts",
  files: [
    "fazhi_lens.js",
    "fazhi_lens.d.ts",
    "fazhi_lens_bg.wasm",
    "fazhi_lens_bg.wasm.d.ts",
    "fazhi_lens_decode.js",
    "fazhi_lens_decode.d.ts",
    "fazhi_lens_decode_bg.wasm",
    "fazhi_lens_decode_bg.wasm.d.ts",
    "index.js",
    "index.d.ts",
    "node.js",
    "node.d.ts",
    "lexicon.txt",
    "lexicon.columns.txt",
    "LICENSE",
    "README.md",
  ],
  sideEffects: ["./node.js"],
};
process.stdout.write(JSON.stringify(pkg, null, 2) + "\n");
