#!/usr/bin/env python3
"""`make eval`: quality figures on the shared corpus, read through the real CLI.

1. Outline: for every report of gov-work-reports (national and provincial) and the seeds,
   headings per level, metrics, removed lines and the checks found. Fails on a crash
   (an exit status other than 0/1, e.g. a Rust panic's 101).
2. Cleaning: on the provincial reports, how many lines of page chrome were removed and
   whether the first kept line is the report's own text.
3. Segmentation: SIGHAN 2005 PKU and MSR test sets, word F1 and OOV recall of
   `fazhi-lens segment` (the shipped, pruned dictionary plus the domain dictionary) next
   to plain jieba: `--plain` with jieba's full general dictionary (rebuilt from the
   jieba-rs source by scripts/build_lexicon.py --min-freq 0), on the same text.
4. Numbers: `fazhi-lens number` against the gold sets in numbers/ — Recognizers-Text zh
   Number, Percent and Currency (cases marked NotSupported for dotnet skipped), cn2an
   (strict, normal and smart modes; their error cases must give no number) and JioNLP
   money parsing (accurate amounts and explicit ranges). Left out, and why: Recognizers
   NumberRange (open intervals such as 大于/以上 that a metric expresses as a qualifier,
   not a range), Ordinal (ordinals are deliberately not quantities), Dimension/Age/
   Temperature (units outside these reports); cn2an an2cn and sentence transforms
   (generating Chinese numerals is not a goal); JioNLP vague amounts (3000多, 几十万:
   a metric gives the value with qualifier `over`, not an interval) and time extraction
   (dates are never metrics; covered by the non-metric tests).
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile


def run(cmd, **kw):
    p = subprocess.run(cmd, capture_output=True, **kw)
    if p.returncode not in (0, 1):
        sys.stderr.write(p.stderr.decode("utf-8", "replace"))
        sys.exit(f"eval: {' '.join(cmd[:3])} … crashed with exit status {p.returncode}")
    return p


def outline(cli, corpus):
    folders = [os.path.join(corpus, "seeds"), os.path.join(corpus, "gov-work-reports", "national"),
               os.path.join(corpus, "gov-work-reports", "provincial-2026")]
    files = [os.path.join(d, f) for d in folders if os.path.isdir(d) for f in sorted(os.listdir(d)) if f.endswith(".txt")]
    p = run([cli, "analyze", "--format", "jsonl", *files])
    reports = [json.loads(line) for line in p.stdout.decode().splitlines()]
    failed = p.stderr.decode().strip()
    print(f"## Outline ({len(reports)} reports)\n")
    print(f"{'file':58} {'L1':>3} {'L2':>3} {'L3':>3} {'L4':>3} {'L5':>3} {'metr':>5} {'rm':>4}  checks")
    totals = collections.Counter()
    for r in reports:
        levels = collections.Counter(s["level"] for s in r["outline"])
        kinds = collections.Counter(c["kind"] for c in r["checks"])
        totals.update(kinds)
        name = os.path.relpath(r["file"], corpus)[:58]
        checks = ", ".join(f"{k}×{n}" if n > 1 else k for k, n in sorted(kinds.items()))
        print(f"{name:58} {levels[1]:3} {levels[2]:3} {levels[3]:3} {levels[4]:3} {levels[5]:3} {len(r['metrics']):5} {len(r['removed']):4}  {checks}")
    print(f"\nchecks over the corpus: {dict(sorted(totals.items()))}")
    if failed:
        print(f"inputs that failed:\n{failed}")
    return reports


def cleaning(reports, corpus):
    prov = [r for r in reports if "provincial-2026" in r["file"]]
    if not prov:
        return
    print(f"\n## Cleaning of the {len(prov)} provincial reports\n")
    reasons = collections.Counter(x["reason"] for r in prov for x in r["removed"])
    print(f"removed lines by reason: {dict(sorted(reasons.items()))}")
    chrome = {"下载", "打印", "全屏", "收藏", "加大", "还原", "减小", "【字号：", "】"}
    left = 0
    for r in prov:
        text = open(r["file"], encoding="utf-8").read()
        kept = [line.strip() for line in text.splitlines()]
        removed_lines = set()
        chars = list(text)
        for x in r["removed"]:
            removed_lines.add("".join(chars[x["start"]:x["end"]]).strip())
        left += sum(1 for line in kept if line in chrome and line not in removed_lines)
    print(f"page-control lines (下载/打印/字号…) left in the analysis: {left}")


def f1(gold_lines, test_lines, train_words):
    tp = gold_n = test_n = oov_gold = oov_hit = 0
    for g, t in zip(gold_lines, test_lines):
        gw, tw = g.split(), t.split()
        def spans(words):
            out, pos = set(), 0
            for w in words:
                out.add((pos, pos + len(w)))
                pos += len(w)
            return out
        gs, ts = spans(gw), spans(tw)
        tp += len(gs & ts)
        gold_n += len(gs)
        test_n += len(ts)
        pos = 0
        for w in gw:
            if w not in train_words:
                oov_gold += 1
                oov_hit += (pos, pos + len(w)) in ts
            pos += len(w)
    p, r = tp / max(test_n, 1), tp / max(gold_n, 1)
    return 2 * p * r / max(p + r, 1e-9), oov_hit / max(oov_gold, 1)


def segmentation(cli, corpus):
    base = os.path.join(corpus, "segmentation", "icwb2")
    if not os.path.isdir(base):
        print(f"\n(segmentation: {base} not found)")
        return
    full = os.path.join(tempfile.mkdtemp(prefix="fazhi-lens-eval-"), "jieba_full.txt")
    build = os.path.join(os.path.dirname(os.path.abspath(__file__)), "build_lexicon.py")
    run([sys.executable, build, "--min-freq", "0", "--out", full])
    print("\n## Segmentation (SIGHAN 2005 test sets)\n")
    print(f"{'set':5} {'fazhi-lens F1':>14} {'plain jieba F1':>15} {'Δ points':>9} {'OOV recall':>11} {'plain OOV':>10}")
    worst = 0.0
    for name in ("pku", "msr"):
        test = os.path.join(base, f"{name}_test.utf8")
        gold = open(os.path.join(base, f"{name}_test_gold.utf8"), encoding="utf-8").read().splitlines()
        train = set(open(os.path.join(base, f"{name}_training_words.utf8"), encoding="utf-8").read().split())
        ours = run([cli, "segment", test]).stdout.decode().splitlines()
        plain = run([cli, "segment", "--plain", "--lexicon", full, test]).stdout.decode().splitlines()
        f_ours, oov_ours = f1(gold, ours, train)
        f_plain, oov_plain = f1(gold, plain, train)
        delta = (f_ours - f_plain) * 100
        worst = min(worst, delta)
        print(f"{name:5} {f_ours:14.4f} {f_plain:15.4f} {delta:+9.2f} {oov_ours:11.4f} {oov_plain:10.4f}")
    verdict = "ok" if worst >= -0.5 else "WORSE than plain jieba by more than 0.5 points"
    print(f"\ndomain dictionary vs plain jieba: {verdict}")
    if worst < -0.5:
        sys.exit(1)


def close(a, b):
    return abs(a - b) <= max(1e-6, abs(b) * 1e-6)


def numbers(cli, corpus):
    base = os.path.join(corpus, "numbers")
    if not os.path.isdir(base):
        print(f"\n(numbers: {base} not found)")
        return
    sets = []  # (name, [(expression, expected: float|None|(lo, hi), want_percent)])

    def recognizers(name, path, percent):
        cases = []
        for case in json.load(open(os.path.join(base, path), encoding="utf-8")):
            if "dotnet" in str(case.get("NotSupported", "")).lower():
                continue
            for r in case.get("Results", []):
                value = r.get("Resolution", {}).get("value")
                if value is None:
                    continue
                cases.append((r["Text"], float(value.rstrip("%")), percent))
        sets.append((name, cases))

    recognizers("recognizers Number", "recognizers/Number/NumberModel.json", False)
    recognizers("recognizers Percent", "recognizers/Number/PercentModel.json", True)
    recognizers("recognizers Currency", "recognizers/NumberWithUnit/CurrencyModel.json", False)
    cn = json.load(open(os.path.join(base, "cn2an", "cn2an_test.json"), encoding="utf-8"))
    cases = [(k, float(v), False) for mode in ("strict_data_dict", "normal_data_dict", "smart_data_dict") for k, v in cn[mode].items()]
    cases += [(k, None, False) for mode in ("error_strict_datas", "error_normal_datas", "error_smart_datas") for k in cn[mode]]
    sets.append(("cn2an", cases))
    cases = []
    for case in json.load(open(os.path.join(base, "jionlp", "test_money_parser.json"), encoding="utf-8")):
        num, text = case["expected"]["num"], case["input"]
        if case["expected"].get("definition") != "accurate" or any(w in text for w in ("多", "几", "数", "余")):
            continue
        cases.append((text, (float(num[0]), float(num[1])) if isinstance(num, list) else float(num), False))
    sets.append(("jionlp money", cases))

    print("\n## Number parser (gold sets)\n")
    print(f"{'set':22} {'cases':>6} {'pass':>6} {'rate':>7}")
    total = passed = 0
    failures = []
    for name, cases in sets:
        lines = "\n".join(c[0].replace("\n", " ") for c in cases) + "\n"
        out = run([cli, "number", "-"], input=lines.encode()).stdout.decode().splitlines()
        ok = 0
        for (text, expected, percent), line in zip(cases, out):
            got = json.loads(line)
            if expected is None:
                good = got is None
            elif got is None:
                good = False
            elif isinstance(expected, tuple):
                good = got["max"] is not None and close(got["value"], expected[0]) and close(got["max"], expected[1])
            else:
                value = got["percent"] if percent else got["value"]
                good = value is not None and close(value, expected)
            ok += good
            if not good:
                failures.append(f"{name}: {text} → {line} (want {expected})")
        total += len(cases)
        passed += ok
        print(f"{name:22} {len(cases):6} {ok:6} {ok / max(len(cases), 1):7.1%}")
    print(f"{'all in scope':22} {total:6} {passed:6} {passed / max(total, 1):7.1%}")
    if os.environ.get("EVAL_VERBOSE"):
        print("\n".join(failures))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cli", required=True)
    ap.add_argument("--corpus", required=True)
    a = ap.parse_args()
    reports = outline(a.cli, a.corpus)
    cleaning(reports, a.corpus)
    segmentation(a.cli, a.corpus)
    numbers(a.cli, a.corpus)


if __name__ == "__main__":
    main()
