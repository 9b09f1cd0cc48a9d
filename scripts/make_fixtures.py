#!/usr/bin/env python3
"""Derive the one-line and PDF-style fixtures from tests/fixtures/phenomena/clean.txt.

The three files carry the same report, so the outline found in each must be the same
(tests/phenomena.rs asserts it). one_line.txt: the whole report with its line breaks
removed, as when a page is copied from a viewer that drops them. pdf.txt: hard line
breaks every 34 characters mid-sentence, a page number `— N —` and a running header
`青禾区人民政府文件` at every page break (20 lines a page), CRLF line ends.
"""
import os

HERE = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "phenomena")


def main() -> None:
    text = open(os.path.join(HERE, "clean.txt"), encoding="utf-8").read()
    lines = [l for l in text.splitlines() if l.strip()]
    with open(os.path.join(HERE, "one_line.txt"), "w", encoding="utf-8") as f:
        f.write("".join(lines) + "\n")
    width, per_page = 34, 20
    out, page = [], 1
    for line in lines:
        chunks = [line[i:i + width] for i in range(0, len(line), width)] or [""]
        for chunk in chunks:
            out.append(chunk)
            if len(out) % (per_page + 2) == per_page:
                out.append(f"— {page} —")
                out.append("青禾区人民政府文件")
                page += 1
    with open(os.path.join(HERE, "pdf.txt"), "w", encoding="utf-8", newline="") as f:
        f.write("\r\n".join(out) + "\r\n")


if __name__ == "__main__":
    main()
