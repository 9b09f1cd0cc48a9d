#!/usr/bin/env python3
"""Checks the gold sets of tests/gold/ (format: tests/gold/README.md): every case has its
text and annotation, every span slices the text to what the annotation says, every
field has a known value. Exit status 1 with one line per problem.

    python3 scripts/check_gold.py [tests/gold]
"""
import json
import os
import sys

PARTS = {"measures", "shortcomings", "responsible_person", "next_year"}
QUALIFIERS = {None, "over", "about", "at_least", "under"}
SHAPES = {
    "outline": {"clean", "one_line", "run_on", "pdf", "crlf", "long_headings", "continuous_numbering",
                "parts_level3", "leading_level2", "non_report", "truncated"},
    "metrics": {"units", "cn_numerals", "ordinals", "spaces", "subjects", "targets", "sums", "rates",
                "tables", "mixed"},
    "meta": {"clean", "web_clutter", "watermark", "metadata_table", "speech", "excerpt", "template",
             "one_line", "title_wrapped", "issuer_title_only", "issuer_signature_only", "share_prefix"},
}


def check_case(kind, stem, text, g, problems):
    def bad(msg):
        problems.append(f"{kind}/{stem}: {msg}")

    def span(obj, what, expect=None):
        s, e = obj.get("start"), obj.get("end")
        if not isinstance(s, int) or not isinstance(e, int) or not 0 <= s <= e <= len(text):
            bad(f"{what}: bad span {s}..{e}")
            return None
        if expect is not None and text[s:e] != expect:
            bad(f"{what}: text[{s}:{e}] is {text[s:e]!r}, not {expect!r}")
        return text[s:e]

    if g.get("shape") not in SHAPES[kind]:
        bad(f"unknown shape {g.get('shape')!r}")
    if not isinstance(g.get("note"), str):
        bad("no note")
    if kind == "outline":
        if g.get("kind") not in ("report", "other"):
            bad("kind must be report or other")
        last = -1
        for h in g.get("headings", []):
            m, s = h.get("marker", ""), h.get("start")
            if not isinstance(s, int) or text[s:s + len(m)] != m:
                bad(f"heading {m}{h.get('title')}: marker not at {s} ({text[s:s + len(m)]!r})")
            if isinstance(s, int) and s <= last:
                bad(f"heading at {s} out of order")
            last = s if isinstance(s, int) else last
            if h.get("level") not in (1, 2, 3, 4, 5):
                bad(f"heading at {s}: level {h.get('level')}")
            if "\n" in h.get("title", "") or not h.get("title"):
                bad(f"heading at {s}: empty title or a line break in it")
            if not set(h.get("parts", [])) <= PARTS:
                bad(f"heading at {s}: unknown parts {h.get('parts')}")
        if not set(g.get("parts", [])) <= PARTS:
            bad(f"unknown parts {g.get('parts')}")
    elif kind == "metrics":
        starts = set()
        for m in g.get("metrics", []):
            span(m, f"metric {m.get('raw')}", m.get("raw"))
            starts.add(m.get("start"))
            if m.get("qualifier") not in QUALIFIERS:
                bad(f"metric {m.get('raw')}: qualifier {m.get('qualifier')!r}")
            if not isinstance(m.get("value"), (int, float)) or not m.get("unit"):
                bad(f"metric {m.get('raw')}: value and unit required")
            if "subject" in m and not isinstance(m["subject"], list):
                bad(f"metric {m.get('raw')}: subject must be a list")
        for t in g.get("traps", []):
            span(t, f"trap {t.get('text')}", t.get("text"))
        for s in g.get("sums", []):
            for x in [s.get("total"), *s.get("parts", [])]:
                if x not in starts:
                    bad(f"sum: {x} is not the start of a gold metric")
        for r in g.get("rates", []):
            if r.get("rate") not in starts:
                bad(f"rate: {r.get('rate')} is not the start of a gold metric")
    else:
        for p in g.get("placeholders", []):
            span(p, f"placeholder {p.get('text')}", p.get("text"))
        for c in g.get("clutter", []) + g.get("clutterOptional", []):
            span(c, f"clutter {c.get('what')}")
        for c in g.get("citations", []):
            span(c, f"citation {c.get('title')}")
        if g.get("kind") not in ("report", "other"):
            bad("kind must be report or other")


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "tests/gold"
    problems, counts = [], {}
    for kind in SHAPES:
        folder = os.path.join(root, kind)
        if not os.path.isdir(folder):
            continue
        stems = sorted({f.rsplit(".", 1)[0] for f in os.listdir(folder) if f.endswith((".txt", ".json"))})
        for stem in stems:
            tp, jp = os.path.join(folder, stem + ".txt"), os.path.join(folder, stem + ".json")
            if not (os.path.exists(tp) and os.path.exists(jp)):
                problems.append(f"{kind}/{stem}: needs both .txt and .json")
                continue
            with open(tp, encoding="utf-8", newline="") as f:
                text = f.read()
            try:
                with open(jp, encoding="utf-8") as f:
                    g = json.load(f)
            except json.JSONDecodeError as e:
                problems.append(f"{kind}/{stem}: invalid JSON: {e}")
                continue
            check_case(kind, stem, text, g, problems)
            counts.setdefault(kind, {}).setdefault(g.get("shape"), 0)
            counts[kind][g.get("shape")] += 1
    for kind, shapes in counts.items():
        print(f"{kind}: {sum(shapes.values())} cases — " + ", ".join(f"{s} {n}" for s, n in sorted(shapes.items())))
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
