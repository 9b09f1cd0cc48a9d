#!/usr/bin/env python3
"""Derives the mechanical shape variants of the outline gold set (tests/gold/outline/,
format in tests/gold/README.md) from written base cases, with offsets recomputed.

    python3 scripts/make_gold_outline.py          # (re)writes every derived case
    python3 scripts/make_gold_outline.py --check  # exit 1 if a derived file is stale

Shapes made here:
- one_line: every line break removed; runs of line breaks joined with "" or with " ".
- pdf:      hard-wrapped at a fixed width of N full-width characters (a half-width
            character counts one half; a closing punctuation mark that would start a line
            stays on the line before, an opening one that would end a line goes to the
            next; a run of half-width digits or letters such as 1.2 or 12366 and a heading
            marker are never split), blank lines dropped, a running header line at the top
            of every page and a page number line at its foot ("- 3 -" or "第3页 共9页").
            A page never breaks inside a heading title; a title wrapped over two lines
            keeps its joined gold title.
- crlf:     every "\\n" becomes "\\r\\n".
Derived cases are named BASE__SHAPE and carry "source": "derived:BASE". Everything is
deterministic: running the script twice gives the same bytes.
"""
import json
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "gold", "outline")

# (shape, base stem, parameters)
VARIANTS = [
    ("one_line", "clean_city_2019", {"joiner": ""}),
    ("one_line", "clean_market_2024", {"joiner": ""}),
    ("one_line", "clean_street_2023", {"joiner": " "}),
    ("one_line", "clean_county_2012", {"joiner": " "}),
    ("pdf", "clean_province_2017", {"width": 34, "lines": 24, "footer": "dash", "header": "江北省人民政府文件"}),
    ("pdf", "clean_district_2021", {"width": 30, "lines": 20, "footer": "page_of", "header": "东湖区人民政府"}),
    ("pdf", "clean_ministry_2020", {"width": 32, "lines": 26, "footer": "dash",
                                    "header": "国家地理信息局2020年法治政府建设年度报告"}),
    ("pdf", "long_city_2023", {"width": 30, "lines": 22, "footer": "page_of", "header": "临川市人民政府公报"}),
    ("pdf", "long_district_2024", {"width": 32, "lines": 28, "footer": "dash", "header": "青山区人民政府文件"}),
    ("crlf", "clean_police_2022", {}),
    ("crlf", "clean_tax_2018", {}),
    ("crlf", "run_on_npc_2016", {}),
    ("crlf", "long_county_2022", {}),
]

# a line must not start with these (Chinese line-breaking rule): they stay on the line before
NO_LINE_START = set("，。、；：？！）》〉」』”’%％,.;:?!)]")
# and a line must not end with these: they go to the next line
NO_LINE_END = set("（《〈「『“‘([")


def load(stem):
    with open(os.path.join(ROOT, stem + ".txt"), encoding="utf-8", newline="") as f:
        text = f.read()
    with open(os.path.join(ROOT, stem + ".json"), encoding="utf-8") as f:
        gold = json.load(f)
    return text, gold


def title_span(text, h):
    """Old-text span [start, end) of a heading's title (the title has no line break in a base)."""
    i = h["start"] + len(h["marker"])
    while text[i] in " \u3000\t":
        i += 1
    assert text[i:i + len(h["title"])] == h["title"], (h, text[i:i + 40])
    return i, i + len(h["title"])


class Builder:
    """Assembles a new text from copied ranges of the old one and inserted strings,
    remembering where every copied old offset lands."""

    def __init__(self, old):
        self.old, self.parts, self.map, self.n = old, [], {}, 0

    def copy(self, s, e):
        for i in range(s, e):
            self.map[i] = self.n + (i - s)
        self.parts.append(self.old[s:e])
        self.n += e - s

    def ins(self, t):
        self.parts.append(t)
        self.n += len(t)

    def text(self):
        return "".join(self.parts)


def lines_of(text):
    """(start, end) of every line, without its line break."""
    out, s = [], 0
    while True:
        e = text.find("\n", s)
        if e < 0:
            out.append((s, len(text)))
            return out
        out.append((s, e))
        s = e + 1


def one_line(text, gold, joiner):
    b = Builder(text)
    first = True
    for s, e in lines_of(text):
        if s == e:
            continue
        if not first:
            b.ins(joiner)
        b.copy(s, e)
        first = False
    return b, f"all line breaks removed, lines joined with {'a space' if joiner else 'nothing'}"


def crlf(text, gold):
    b = Builder(text)
    spans = lines_of(text)
    for k, (s, e) in enumerate(spans):
        b.copy(s, e)
        if k < len(spans) - 1:
            b.ins("\r\n")
    return b, "\\n line ends replaced by \\r\\n"


def pdf(text, gold, width, lines, footer, header):
    heads = gold["headings"]
    markers = [(h["start"], h["start"] + len(h["marker"])) for h in heads]
    titles = [(h["start"], title_span(text, h)[1]) for h in heads]

    def word(c):
        return c.isascii() and (c.isalnum() or c in ".%")

    def fix_break(p, line_start):
        for _ in range(3):
            if p < len(text) and text[p] in NO_LINE_START:
                p += 1
        if text[p - 1] in NO_LINE_END and p - 1 > line_start:
            p -= 1
        if word(text[p - 1]) and word(text[p]):
            q = p - 1
            while q > line_start and word(text[q - 1]):
                q -= 1
            if q > line_start:
                p = q
        for ms, me in markers:
            if ms < p < me:
                p = ms if ms > line_start else me
        return p

    body = []  # (old start, old end) of every output line
    for s, e in lines_of(text):
        if s == e or not text[s:e].strip():
            continue
        p = s
        while p < e:
            q, units = p, 0
            while q < e and units + (1 if text[q].isascii() else 2) <= 2 * width:
                units += 1 if text[q].isascii() else 2
                q += 1
            if q < e:
                q = min(fix_break(q, p), e)
            body.append((p, q))
            p = q

    def inside_title(pos):
        return any(ts < pos < te for ts, te in titles)

    pages, i = [], 0
    while i < len(body):
        end = min(i + lines, len(body))
        while end < len(body) and end > i + 1 and inside_title(body[end][0]):
            end -= 1
        pages.append(body[i:end])
        i = end

    b = Builder(text)
    total = len(pages)
    for n, page in enumerate(pages, 1):
        b.ins(header + "\n")
        for s, e in page:
            b.copy(s, e)
            b.ins("\n")
        b.ins((f"- {n} -" if footer == "dash" else f"第{n}页 共{total}页") + "\n")
    foot = "page numbers “- N -”" if footer == "dash" else "page numbers “第N页 共M页”"
    return b, (f"hard-wrapped at a width of {width} full-width characters, blank lines dropped, {lines} lines a page, "
               f"running header “{header}” and {foot} on their own lines; wrapped titles are given joined")


def derive(shape, base, params):
    text, gold = load(base)
    if shape == "one_line":
        b, how = one_line(text, gold, **params)
    elif shape == "crlf":
        b, how = crlf(text, gold)
    elif shape == "pdf":
        b, how = pdf(text, gold, **params)
    else:
        raise ValueError(shape)
    new = b.text()
    heads = []
    for h in gold["headings"]:
        ns = b.map[h["start"]]
        assert new[ns:ns + len(h["marker"])] == h["marker"], (base, shape, h)
        ts, te = title_span(text, h)
        a, z = b.map[ts], b.map[te - 1] + 1
        # between the title's first and last character only copied title text and line breaks
        assert new[a:z].replace("\r", "").replace("\n", "") == h["title"], (base, shape, h, new[a:z])
        h2 = dict(h)
        h2["start"] = ns
        heads.append(h2)
    out = dict(gold)  # keeps the base's key order
    out.update(shape=shape, source=f"derived:{base}", note=f"{base}, {how}", headings=heads)
    return new, out


def render(gold):
    """One key a line, one heading a line (the layout of the written cases)."""
    lines = []
    for k, v in gold.items():
        if k == "headings" and v:
            hs = ",\n".join("    " + json.dumps(h, ensure_ascii=False) for h in v)
            lines.append(f'  "headings": [\n{hs}\n  ]')
        else:
            lines.append(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main():
    check = "--check" in sys.argv[1:]
    stale = []
    for shape, base, params in VARIANTS:
        new, gold = derive(shape, base, params)
        stem = f"{base}__{shape}"
        files = {stem + ".txt": new, stem + ".json": render(gold)}
        for name, content in files.items():
            path = os.path.join(ROOT, name)
            if check:
                try:
                    with open(path, encoding="utf-8", newline="") as f:
                        if f.read() != content:
                            stale.append(name)
                except FileNotFoundError:
                    stale.append(name)
            else:
                with open(path, "w", encoding="utf-8", newline="") as f:
                    f.write(content)
        if not check:
            print(f"{stem}: {len(new)} chars, {len(gold['headings'])} headings")
    if check:
        for name in stale:
            print(f"stale: {name}")
        sys.exit(1 if stale else 0)


if __name__ == "__main__":
    main()
