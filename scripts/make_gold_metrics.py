#!/usr/bin/env python3
"""Build the metrics gold set (tests/gold/metrics/NAME.txt + NAME.json) from its marked-up
sources in tests/gold/metrics/src/NAME.src. Standard library only; deterministic.

Source format (one file per case):

    @shape units
    @note one line: what the case tests
    @sum TOTAL = PART + PART + ...      total and parts by label; verdict computed
    @sum? TOTAL = PART + ...            explicitly partial list: consistent null
    @rate RATE = NUM / DEN              NUM, DEN: labels joined by +; verdict computed
    @rate? RATE                         denominator ambiguous or counts not given though
                                        counts sit nearby: consistent null (no verdict)
    @@
    text ...

In the text (everything after the line `@@`, to the end of the file):

    {RAW|OPTS}   a metric; RAW is written into the text as is
    «TEXT»       a trap (number-like, not a quantity)

OPTS, separated by spaces (all optional):
    #label       name for @sum / @rate
    s=A,B        acceptable subjects (each must be a substring of the text); `s=` is []
                 (no subject should be given); without s= the subject is not scored
    q=over|about|at_least|under|none   qualifier (default: 余/多 inside RAW → over,
                 else the qualifier word right before/after RAW, else null)
    t            target (a plan, not a result)
    v=N vm=N u=U override the value, valueMax, unit computed from RAW
    hu=U         a table cell whose unit U is in the column header: value and unit are
                 those of RAW+U (12.6 under 罚没款（万元） → 126000 元)

A sum whose total or parts carry a qualifier is never judged (consistent null):
approximate values are not summed as exact. A rate is consistent when the stated
value equals NUM/DEN*100 rounded or truncated to the stated decimals.

    python3 scripts/make_gold_metrics.py          # build, print warnings for review
    python3 scripts/make_gold_metrics.py --check  # exit 1 if a built file would change
"""
import json
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "gold", "metrics")
SRC = os.path.join(ROOT, "src")

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10 ** 4, "亿": 10 ** 8}
CN_CHARS = "".join(CN_DIGITS) + "".join(CN_UNITS) + "".join(CN_BIG)
FW = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")
SPACES = " \u00a0\u3000\t"

AR_NUM = r"[0-9][0-9,]*(?:\.[0-9]+)?"
CN_NUM = "[" + CN_CHARS + "]+"
RANGE = "(?:至|到|-|－|～|~|—|–)"

# qualifier words before / after a metric, longest first
Q_BEFORE = [("不超过", "under"), ("未超过", "under"), ("不少于", "at_least"), ("不低于", "at_least"),
            ("至少", "at_least"), ("超过", "over"), ("多于", "over"), ("高于", "over"), ("逾", "over"),
            ("大约", "about"), ("将近", "about"), ("接近", "about"), ("约", "about"), ("近", "about"),
            ("不到", "under"), ("不足", "under"), ("低于", "under"), ("少于", "under")]
Q_AFTER = [("以上", "over"), ("左右", "about"), ("上下", "about"), ("以内", "under"), ("以下", "under")]


def cn_to_int(s):
    """二十三 → 23, 十 → 10, 三万 → 30000, 一百零五 → 105, 两 → 2."""
    total, section, num = 0, 0, 0
    for c in s:
        if c in CN_DIGITS:
            num = CN_DIGITS[c]
        elif c in CN_UNITS:
            section += (num if num else 1) * CN_UNITS[c]
            num = 0
        elif c in CN_BIG:
            section += num
            if CN_BIG[c] == 10 ** 8:
                total = (total + section) * CN_BIG[c]
            else:
                total += (section if section else 1) * CN_BIG[c]
            section, num = 0, 0
        else:
            raise ValueError(f"not a Chinese numeral: {s!r}")
    return total + section + num


def num_value(s):
    s = s.translate(FW)
    if re.fullmatch(AR_NUM, s):
        return float(s.replace(",", ""))
    return float(cn_to_int(s))


def clean(x):
    x = round(x, 4)
    return int(x) if x == int(x) else x


def parse_raw(raw):
    """value, valueMax, unit, infix (余/多 inside) from a raw metric string."""
    s = "".join(c for c in raw if c not in SPACES).translate(FW)
    m = re.fullmatch(r"百分之(" + AR_NUM + "|" + CN_NUM + ")", s)
    if m:
        return num_value(m.group(1)), None, "%", False
    m = re.fullmatch("(" + CN_NUM + ")分之(" + CN_NUM + ")", s)
    if m:
        return round(cn_to_int(m.group(2)) / cn_to_int(m.group(1)) * 100, 2), None, "%", False
    num = "(" + AR_NUM + "|" + CN_NUM + ")"
    m = re.fullmatch(num + "(?:" + RANGE + num + ")?" + "(余|多)?(万亿|亿|万)?(余|多)?(.+)", s)
    if not m:
        raise ValueError(f"cannot parse {raw!r}")
    a, b, inf1, scale, inf2, unit = m.groups()
    mult = {"万亿": 10 ** 12, "亿": 10 ** 8, "万": 10 ** 4, None: 1}[scale]
    # a Chinese numeral swallows its own 万/亿 (三万亩): then scale is None already
    v = num_value(a) * mult
    vm = num_value(b) * mult if b else None
    if unit == "成":
        v, vm, unit = v * 10, (vm * 10 if vm is not None else None), "%"
    return v, vm, unit, bool(inf1 or inf2)


def auto_qualifier(text, start, end):
    i = start
    while i > 0 and text[i - 1] in SPACES:
        i -= 1
    for w, q in Q_BEFORE:
        if text[max(0, i - len(w)):i] == w:
            return q, w
    j = end
    while j < len(text) and text[j] in SPACES:
        j += 1
    for w, q in Q_AFTER:
        if text[j:j + len(w)] == w:
            return q, w
    if text[j:j + 1] == "内":
        return "under", "内"
    return None, None


TOKEN = re.compile(r"\{([^{}|]+)(?:\|([^{}]*))?\}|«([^«»]+)»")


def build(name, src_text, warnings):
    head, sep, body = src_text.partition("\n@@\n")
    if not sep:
        raise SystemExit(f"{name}: no @@ line")
    meta = {"sums": [], "rates": []}
    for line in head.splitlines():
        line = line.strip()
        if not line:
            continue
        key, _, rest = line.partition(" ")
        if key == "@shape":
            meta["shape"] = rest.strip()
        elif key == "@note":
            meta["note"] = rest.strip()
        elif key in ("@sum", "@sum?"):
            total, _, parts = rest.partition("=")
            meta["sums"].append((total.strip(), [p.strip() for p in parts.split("+")], key == "@sum?"))
        elif key in ("@rate", "@rate?"):
            r, _, expr = rest.partition("=")
            num, _, den = expr.partition("/")
            meta["rates"].append((r.strip(), [x.strip() for x in num.split("+") if x.strip()],
                                  [x.strip() for x in den.split("+") if x.strip()], key == "@rate?"))
        else:
            raise SystemExit(f"{name}: unknown header line {line!r}")

    out, metrics, traps, labels = [], [], [], {}
    pos, n = 0, 0  # n = length of the output so far, in chars
    for m in TOKEN.finditer(body):
        chunk = body[pos:m.start()]
        out.append(chunk)
        n += len(chunk)
        if m.group(3) is not None:
            t = m.group(3)
            traps.append({"text": t, "start": n, "end": n + len(t)})
            out.append(t)
            n += len(t)
        else:
            raw, opts = m.group(1), (m.group(2) or "").split()
            metrics.append({"raw": raw, "start": n, "end": n + len(raw), "opts": opts})
            out.append(raw)
            n += len(raw)
        pos = m.end()
    out.append(body[pos:])
    text = "".join(out)
    if "{" in text or "}" in text or "«" in text or "»" in text:
        raise SystemExit(f"{name}: unbalanced markup")

    gold_metrics = []
    for mt in metrics:
        raw, s, e = mt["raw"], mt["start"], mt["end"]
        hu = next((o[3:] for o in mt["opts"] if o.startswith("hu=")), "")
        try:
            v, vm, unit, infix = parse_raw(raw + hu)
        except ValueError as err:
            raise SystemExit(f"{name}: {err}")
        q_auto, word = auto_qualifier(text, s, e)
        q = "over" if infix else q_auto
        subject, target, label = None, False, None
        for o in mt["opts"]:
            if o.startswith("#"):
                label = o[1:]
            elif o.startswith("s="):
                subject = [x for x in o[2:].split(",") if x]
            elif o.startswith("q="):
                q = None if o[2:] == "none" else o[2:]
            elif o == "t":
                target = True
            elif o.startswith("hu="):
                pass  # a table cell: the unit is in the column header, e.g. 罚没款（万元）
            elif o.startswith("v="):
                v = float(o[2:])
            elif o.startswith("vm="):
                vm = float(o[3:])
            elif o.startswith("u="):
                unit = o[2:]
            else:
                raise SystemExit(f"{name}: unknown option {o!r} on {raw!r}")
        if infix and q_auto and not any(o.startswith("q=") for o in mt["opts"]):
            warnings.append(f"{name}: {raw!r} has infix 余/多 and qualifier word {word!r}: check")
        if word and q != q_auto and not infix:
            warnings.append(f"{name}: {raw!r} next to {word!r} but qualifier {q!r}")
        g = {"raw": raw, "start": s, "end": e, "value": clean(v),
             "valueMax": clean(vm) if vm is not None else None, "unit": unit, "qualifier": q}
        if subject is not None:
            for sub in subject:
                lo, hi = max(0, s - 80), min(len(text), e + 40)
                if sub not in text[lo:hi]:
                    warnings.append(f"{name}: subject {sub!r} of {raw!r} not within reach")
            g["subject"] = subject
        g["target"] = target
        gold_metrics.append(g)
        if label:
            if label in labels:
                raise SystemExit(f"{name}: label #{label} twice")
            labels[label] = g

    def lab(x):
        if x not in labels:
            raise SystemExit(f"{name}: unknown label {x!r}")
        return labels[x]

    sums = []
    for total, parts, partial in meta["sums"]:
        t, ps = lab(total), [lab(p) for p in parts]
        approx = any(x["qualifier"] for x in [t, *ps])
        total_parts = sum(p["value"] for p in ps)
        if partial or approx:
            verdict = None
        else:
            verdict = abs(total_parts - t["value"]) < 1e-6
        warnings.append(f"{name}: sum {t['raw']} = {' + '.join(p['raw'] for p in ps)} "
                        f"= {clean(total_parts)} → {verdict}")
        sums.append({"total": t["start"], "parts": [p["start"] for p in ps], "consistent": verdict})
    rates = []
    for r, num, den, ambiguous in meta["rates"]:
        rm = lab(r)
        if ambiguous:
            verdict = None
            warnings.append(f"{name}: rate {rm['raw']} → None (no verdict)")
        else:
            a = sum(lab(x)["value"] for x in num)
            b = sum(lab(x)["value"] for x in den)
            calc = a / b * 100
            stated = rm["value"]
            dec = len(str(stated).split(".")[1]) if "." in str(stated) else 0
            unit_ = 10 ** -dec
            verdict = abs(calc - stated) <= unit_ / 2 + 1e-9 or 0 <= calc - stated < unit_
            warnings.append(f"{name}: rate {rm['raw']}: {clean(a)}/{clean(b)} = {calc:.3f} → {verdict}")
        rates.append({"rate": rm["start"], "consistent": verdict})

    # lint: digits and Chinese numerals outside metrics and traps
    covered = [False] * len(text)
    for x in gold_metrics + traps:
        for i in range(x["start"], x["end"]):
            covered[i] = True
    for mm in re.finditer(r"[0-9０-９]+|[" + CN_CHARS + "]+", text):
        if not any(covered[mm.start():mm.end()]):
            ctx = text[max(0, mm.start() - 6):mm.end() + 6].replace("\n", "⏎")
            warnings.append(f"{name}: uncovered {mm.group()!r} in {ctx!r}")

    sums.sort(key=lambda x: (x["total"], x["parts"]))
    rates.sort(key=lambda x: x["rate"])
    g = {"shape": meta.get("shape"), "source": "written", "note": meta.get("note"),
         "metrics": gold_metrics, "traps": traps, "sums": sums, "rates": rates}
    return text, g


def dump(g):
    """One metric, trap, sum or rate a line: readable and diffable."""
    def one(x):
        return json.dumps(x, ensure_ascii=False)
    lines = ["{"]
    for k in ("shape", "source", "note"):
        lines.append(f' "{k}": {one(g[k])},')
    for i, k in enumerate(("metrics", "traps", "sums", "rates")):
        items = g[k]
        end = "," if i < 3 else ""
        if not items:
            lines.append(f' "{k}": []{end}')
            continue
        lines.append(f' "{k}": [')
        for j, x in enumerate(items):
            lines.append("  " + one(x) + ("," if j < len(items) - 1 else ""))
        lines.append(" ]" + end)
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    check = "--check" in sys.argv
    quiet = "--quiet" in sys.argv
    warnings, changed = [], []
    names = sorted(f[:-4] for f in os.listdir(SRC) if f.endswith(".src"))
    for name in names:
        with open(os.path.join(SRC, name + ".src"), encoding="utf-8", newline="") as f:
            src = f.read()
        text, g = build(name, src, warnings)
        n = len(text)
        if not 300 <= n <= 1500:
            warnings.append(f"{name}: {n} chars (want 300–1500)")
        js = dump(g)
        for path, content in ((os.path.join(ROOT, name + ".txt"), text), (os.path.join(ROOT, name + ".json"), js)):
            old = None
            if os.path.exists(path):
                with open(path, encoding="utf-8", newline="") as f:
                    old = f.read()
            if old != content:
                changed.append(path)
                if not check:
                    with open(path, "w", encoding="utf-8", newline="") as f:
                        f.write(content)
    if not quiet:
        for w in warnings:
            print(w)
    if check and changed:
        print("out of date:", *changed, sep="\n  ")
        sys.exit(1)


if __name__ == "__main__":
    main()
