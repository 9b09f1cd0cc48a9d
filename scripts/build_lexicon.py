#!/usr/bin/env python3
"""Build data/lexicon.txt: jieba's general dictionary and IDF table in one file.

Source: the crate jieba-rs 0.11.0 (MIT), files src/data/dict.txt (word freq tag) and
src/data/idf.txt (word idf), which carry the original jieba (Python) data. Part-of-speech
tags are dropped (nothing here uses them) and IDF values are merged onto the dictionary
line, so the page downloads one asset for segmentation and TF-IDF keywords.

Output lines: `word freq` or `word freq idf` (idf rounded to 2 decimals). Lines starting
with `#` are comments. Usage: python3 scripts/build_lexicon.py [JIEBA_RS_SRC_DIR]
(default: the jieba-rs-0.11.0 folder in the cargo registry, present after `cargo fetch`).
"""
import glob
import os
import sys


def main() -> None:
    if len(sys.argv) > 1:
        src = sys.argv[1]
    else:
        home = os.path.expanduser("~/.cargo/registry/src")
        found = glob.glob(os.path.join(home, "*", "jieba-rs-0.11.0"))
        if not found:
            sys.exit("jieba-rs-0.11.0 not found in the cargo registry: run `cargo fetch` first")
        src = found[0]
    idf = {}
    with open(os.path.join(src, "src/data/idf.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 2:
                idf[parts[0]] = float(parts[1])
    out = ["# jieba general dictionary (word freq [idf]) from jieba-rs 0.11.0 src/data/dict.txt",
           "# and src/data/idf.txt (MIT, https://github.com/messense/jieba-rs); built by",
           "# scripts/build_lexicon.py. Do not edit by hand."]
    with open(os.path.join(src, "src/data/dict.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2:
                continue
            word, freq = parts[0], parts[1]
            if word in idf:
                out.append(f"{word} {freq} {idf[word]:.2f}")
            else:
                out.append(f"{word} {freq}")
    target = os.path.join(os.path.dirname(__file__), "..", "data", "lexicon.txt")
    with open(target, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
