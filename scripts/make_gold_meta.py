#!/usr/bin/env python3
"""Build the meta gold set (tests/gold/meta/NAME.txt + NAME.json) from the marked-up
sources in tests/gold/meta/src/NAME.src. Standard library only, deterministic: the
offsets are computed from the markup, so they are right by construction.

Source format: header lines `key: value` (shape, kind, title, issuer, addressee, year,
published, incomplete, note, crlf; `null`, `true`, `false` and integers as in JSON),
then a line `---`, then the text with inline markup:

    ⟦C:what|text⟧   clutter that must be removed (text may span lines)
    ⟦O:what|text⟧   clutter a tool may keep or remove (clutterOptional)
    ⟦P|text⟧        a template placeholder
    ⟦F:id⟧          zero-width anchor: a full citation starts here (at its 《)
    ⟦R:id|text⟧     a short back-reference to the full citation anchored as id
    ⇥               a tab character

Markup may nest (a placeholder inside an optional repeated title). The body's final
line break is dropped (a paste usually has none); `crlf: true` writes \r\n line ends.
Sanity checks (the script fails on any): the title occurs in the text (joined across
one line break and its indentation if wrapped), the issuer and addressee occur in it,
every placeholder-looking run outside clutter is annotated, every citation anchor used
exists, spans slice to their texts.

    python3 scripts/make_gold_meta.py [--check]   # --check: verify files are up to date
"""
import json
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "gold", "meta")
SRC = os.path.join(ROOT, "src")
HEADER_KEYS = ["shape", "kind", "title", "issuer", "addressee", "year", "published", "incomplete", "note"]
# What a template placeholder looks like (used only to catch a forgotten annotation).
PLACEHOLDER_RE = re.compile(r"20[xX*＊]{2}|20\d[xX*＊]|(?<![A-Za-z])[xX]{1,3}(?![A-Za-z\d.])|[×＊*]{2,}|＿+|_{2,}|某某")


def parse_value(raw):
    raw = raw.strip()
    if raw in ("null", "true", "false") or re.fullmatch(r"-?\d+", raw):
        return json.loads(raw)
    return raw


def parse_markup(body, stem):
    """Returns (plain text, list of (tag, arg, start, end))."""
    out, marks, stack = [], [], []
    pos, i, n = 0, 0, len(body)
    while i < n:
        c = body[i]
        if c == "⟦":
            j = i + 1
            while j < n and body[j] not in "|⟧":
                j += 1
            if j >= n:
                sys.exit(f"{stem}: unclosed ⟦ at {i}")
            head = body[i + 1:j]
            tag, _, arg = head.partition(":")
            if body[j] == "⟧":  # zero-width anchor
                marks.append((tag, arg, pos, pos))
                i = j + 1
                continue
            stack.append((tag, arg, pos))
            i = j + 1
            continue
        if c == "⟧":
            if not stack:
                sys.exit(f"{stem}: unmatched ⟧ at {i}")
            tag, arg, start = stack.pop()
            marks.append((tag, arg, start, pos))
            i += 1
            continue
        ch = "\t" if c == "⇥" else c
        out.append(ch)
        pos += 1
        i += 1
    if stack:
        sys.exit(f"{stem}: unclosed markup {stack}")
    return "".join(out), marks


def build(path):
    stem = os.path.basename(path)[:-4]
    with open(path, encoding="utf-8") as f:
        src = f.read()
    head, sep, body = src.partition("\n---\n")
    if not sep:
        sys.exit(f"{stem}: no --- line")
    meta = {}
    for line in head.splitlines():
        if line.strip():
            k, _, v = line.partition(":")
            meta[k.strip()] = parse_value(v)
    for k in HEADER_KEYS:
        if k not in meta:
            sys.exit(f"{stem}: header lacks {k}")
    body = body[:-1] if body.endswith("\n") else body
    if meta.get("crlf"):
        body = body.replace("\n", "\r\n")
    text, marks = parse_markup(body, stem)

    clutter, optional, placeholders, citations, anchors = [], [], [], [], {}
    for tag, arg, s, e in marks:
        if tag == "F":
            anchors[arg] = s
    for tag, arg, s, e in sorted(marks, key=lambda m: (m[2], m[3])):
        if tag == "C":
            clutter.append({"start": s, "end": e, "what": arg})
        elif tag == "O":
            optional.append({"start": s, "end": e, "what": arg})
        elif tag == "P":
            placeholders.append({"text": text[s:e], "start": s, "end": e})
        elif tag == "R":
            if arg not in anchors:
                sys.exit(f"{stem}: citation refers to unknown anchor {arg}")
            if text[anchors[arg]] != "《" or anchors[arg] >= s:
                sys.exit(f"{stem}: anchor {arg} is not a 《 before its back-reference")
            citations.append({"title": text[s:e].strip("《》"), "start": s, "end": e, "refersTo": anchors[arg]})
        elif tag != "F":
            sys.exit(f"{stem}: unknown tag {tag}")

    # Sanity checks on the annotation itself.
    removed = [(c["start"], c["end"]) for c in clutter + optional]

    def inside_removed(s, e):
        return any(a <= s and e <= b for a, b in removed)

    problems = []
    title = meta["title"]
    if title is not None:
        joined = re.sub(r"[ \t\u3000]*\r?\n[ \t\u3000]*", "", text)
        if title not in text and title not in joined:
            problems.append(f"title {title!r} not in text")
    for k in ("issuer", "addressee"):
        if meta[k] is not None and meta[k] not in text:
            problems.append(f"{k} {meta[k]!r} not in text")
    annotated = {(p["start"], p["end"]) for p in placeholders}
    for m in PLACEHOLDER_RE.finditer(text):
        if inside_removed(m.start(), m.end()):
            continue
        if not any(s <= m.start() and m.end() <= e for s, e in annotated):
            problems.append(f"unannotated placeholder-like {m.group()!r} at {m.start()}")
    if meta["published"] is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["published"]):
        problems.append(f"published {meta['published']!r} is not YYYY-MM-DD")
    if problems:
        sys.exit("\n".join(f"{stem}: {p}" for p in problems))

    gold = {
        "shape": meta["shape"],
        "source": "written",
        "note": meta["note"],
        "kind": meta["kind"],
        "title": title,
        "issuer": meta["issuer"],
        "addressee": meta["addressee"],
        "year": meta["year"],
        "published": meta["published"],
        "incomplete": meta["incomplete"],
        "placeholders": placeholders,
        "clutter": clutter,
        "clutterOptional": optional,
    }
    if citations:
        gold["citations"] = citations
    return stem, text, json.dumps(gold, ensure_ascii=False, indent=2) + "\n"


def main():
    check = "--check" in sys.argv[1:]
    stale = []
    for name in sorted(os.listdir(SRC)):
        if not name.endswith(".src"):
            continue
        stem, text, js = build(os.path.join(SRC, name))
        for ext, content in ((".txt", text), (".json", js)):
            out = os.path.join(ROOT, stem + ext)
            old = None
            if os.path.exists(out):
                with open(out, encoding="utf-8", newline="") as f:
                    old = f.read()
            if old != content:
                if check:
                    stale.append(stem + ext)
                else:
                    with open(out, "w", encoding="utf-8", newline="") as f:
                        f.write(content)
    if stale:
        sys.exit("stale: " + ", ".join(stale))


if __name__ == "__main__":
    main()
