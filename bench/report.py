#!/usr/bin/env python3
"""Last step of `make bench`: one table from bench/out/browser.json, the criterion results
in target/criterion and bench/out/cli.json, with the machine and the versions. Prints
Markdown and writes it to bench/out/results.md. Targets are those of the project's
speed-and-size issue; each line says whether it is met.
"""
import glob
import json
import os
import platform
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")


def load(name):
    path = os.path.join(OUT, name)
    return json.load(open(path)) if os.path.exists(path) else None


def longest(ms):
    """The longest task, in ms; the long-task observer sees none under 50 ms."""
    return f"{ms:.0f} ms" if ms > 0 else "none over 50 ms"


def version(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True).stdout.strip().splitlines()[0]
    except (OSError, IndexError):
        return "?"


def machine():
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = "?"
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.0f} GB"
    osname = platform.platform()
    if os.path.exists("/etc/os-release"):
        for line in open("/etc/os-release"):
            if line.startswith("PRETTY_NAME="):
                osname = line.split("=", 1)[1].strip().strip('"')
    return f"{cpu}, {os.cpu_count()} cores, {mem} RAM, {osname}"


def criterion():
    rows = {}
    for bench in glob.glob(os.path.join(ROOT, "target", "criterion", "*", "*", "new", "benchmark.json")):
        b = json.load(open(bench))
        est = json.load(open(os.path.join(os.path.dirname(bench), "estimates.json")))
        ns = est["median"]["point_estimate"]
        nbytes = (b.get("throughput") or {}).get("Bytes")
        rows[(b["group_id"], b["function_id"])] = (ns / 1e6, nbytes / 1e6 / (ns / 1e9) if nbytes else None)
    return rows


def scaling():
    """Time per MB of `benches/scaling.rs`: {shape: {function: {repeat: ms_per_mb}}}."""
    out = {}
    for bench in glob.glob(os.path.join(ROOT, "target", "criterion", "scaling_*", "*", "*", "new", "benchmark.json")):
        b = json.load(open(bench))
        est = json.load(open(os.path.join(os.path.dirname(bench), "estimates.json")))
        ns = est["median"]["point_estimate"]
        nbytes = (b.get("throughput") or {}).get("Bytes")
        if not nbytes:
            continue
        shape = b["group_id"].split("/", 1)[1]
        out.setdefault(shape, {}).setdefault(b["function_id"], {})[int(b["value_str"])] = ns / 1e6 / (nbytes / 1e6)
    return out


def ok(flag):
    return "met" if flag else "NOT met"


def main():
    lines = [f"# fazhi-lens benchmark", "", f"Machine: {machine()}",
             f"Versions: {version(['rustc', '-V'])}; node {version(['node', '-v'])}"]
    targets = []
    br = load("browser.json")
    if br:
        p = br["inPage"]
        lines[-1] += f"; Chromium {br['chromium']}; jieba-wasm {br['jiebaWasm']} (npm)"
        ratio = p["analyze"]["median"] / p["jiebaCut"]["median"]
        cs = br["coldStart"]
        ref = cs["jieba"]
        lines += ["", f"## Cold start in headless Chromium (medians of {cs['runs']} fresh contexts each, taking turns)", "",
                  "From navigation; `at` is when a phase ended, `took` how long it took (medians of each, so they "
                  "need not add up). The page's marks and its worker's are on one clock (Navigation and Resource "
                  "Timing, paint timing, `performance.mark`/`measure` in the page and the worker, shifted by the "
                  "difference of their timeOrigins). Reference: bench/jieba.html, jieba-wasm loaded from "
                  "navigation, the example report cut and its words painted.", "",
                  "| phase | at ms | took ms |", "|---|---:|---:|"]
        fmt = lambda x: "" if x is None else f"{x:.0f}"
        for ph in cs["phases"]:
            if ph["at"] is None and ph["took"] is None:
                continue
            lines.append(f"| {ph['label']} | {fmt(ph['at'])} | {fmt(ph['took'])} |")
        lines.append(f"| reference: jieba-wasm's first cut of the example painted | {ref:.0f} | |")
        lines.append(f"| analyses run before the first report (of the same text) | {cs['analysesBeforeFirst']:.0f} | |")
        lines += ["", f"## In headless Chromium (medians of {p['analyze']['runs']} runs)", "",
                  "| measure | ms | vs jieba-wasm cut |", "|---|---:|---:|"]
        cut = p["jiebaCut"]["median"]
        for label, ms in [
            (f"fazhi-lens analyze(), {p['chars']:,} chars, warm (everything)", p["analyze"]["median"]),
            ("fazhi-lens analyze() without the dictionary", p["analyzeWithoutDictionary"]["median"]),
            (f"fazhi-lens segment() → {p['tokens']['ours']:,} tokens as JS objects", p["segment"]["median"]),
            (f"jieba-wasm cut(text, false) → {p['tokens']['jieba']:,} words", cut),
            ("jieba-wasm cut(text, true) (HMM)", p["jiebaCutHmm"]["median"]),
            ("load: fazhi-lens wasm init", p["init"]["ours"]),
            ("load: fazhi-lens dictionary (new Analyzer with lexicon)", p["init"]["oursDictionary"]),
            ("load: jieba-wasm init + first cut (its built-in dictionary)", p["init"]["jieba"]),
        ]:
            rel = f"{ms / cut:.2f}" if "load" not in label else ""
            lines.append(f"| {label} | {ms:.1f} | {rel} |")
        lt = br.get("longTexts")
        if lt:
            lines += ["", "## Long texts in headless Chromium (the page, a text put into the text box)", "",
                      "The longest main-thread task (PerformanceObserver `longtask`) from the report's arrival "
                      "until every view is rendered; the analysis runs in the worker.", "",
                      "| text | chars | metrics | headings | analysis s | rendering done ms | long tasks | longest | longest while the text is put in |",
                      "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
            for label, r in [("1 MB report (the seeds repeated)", lt["megabyte"]), ("20,000 metrics (the seeds' metric sentences repeated)", lt["manyMetrics"])]:
                lines.append(f"| {label} | {r['chars']:,} | {r['metrics']:,} | {r['headings']:,} | {r['analysed'] / 1000:.1f} | "
                             f"{r['rendered']:.0f} | {r['longTasks']} | {longest(r['longest'])} | {longest(r['pastingLongest'])} |")
        ff = br.get("firefox")
        if ff:
            f = ff["inPage"]
            lines[3] += f"; {ff['version']}"
            lines += ["", f"## The in-page measures in headless {ff['version']} (geckodriver) and Chromium (medians of {f['analyze']['runs']} runs, same page)", "",
                      "| measure | Chromium ms | Firefox ms |", "|---|---:|---:|"]
            for label, key in [
                (f"fazhi-lens analyze(), {f['chars']:,} chars, warm", "analyze"),
                ("fazhi-lens analyze() without the dictionary", "analyzeWithoutDictionary"),
                ("fazhi-lens segment()", "segment"),
                ("jieba-wasm cut(text, false)", "jiebaCut"),
            ]:
                lines.append(f"| {label} | {p[key]['median']:.1f} | {f[key]['median']:.1f} |")
            for label, key in [("load: fazhi-lens wasm init", "ours"), ("load: fazhi-lens dictionary", "oursDictionary")]:
                lines.append(f"| {label} | {p['init'][key]:.1f} | {f['init'][key]:.1f} |")
        targets.append(f"full analysis / jieba-wasm segmentation = {ratio:.2f} (target ≤ 1.0): {ok(ratio <= 1.0)}")
        first, full = cs["firstReport"], cs["fullReport"]
        # The median of the pairs' ratios (each of our cold starts and the reference's right
        # after it); a run written before pairs were kept has only the ratio of the medians.
        first_r, full_r = cs.get("firstRatio", first / ref), cs.get("fullRatio", full / ref)

        def spread(key):
            """The pairs' ratios, lowest to highest, of one measure ("" for a run without them)."""
            ratios = [x for x in cs.get(key, []) if x is not None]
            return f", pairs {min(ratios):.2f}–{max(ratios):.2f}" if ratios else ""

        targets.append(f"first report painted {first:.0f} ms after navigation, jieba-wasm's first cut {ref:.0f} ms: "
                       f"ratio {first_r:.2f} (median of {cs['runs']} pairs' ratios{spread('firstRatios')}; of the medians "
                       f"{first / ref:.2f}) (target ≤ 1.0): {ok(first_r <= 1.0)}")
        targets.append(f"report with the dictionary painted {full:.0f} ms: ratio {full_r:.2f} to jieba-wasm's first cut "
                       f"(median of the pairs' ratios{spread('fullRatios')}; of the medians {full / ref:.2f}) "
                       f"(target ≤ 1.3): {ok(full_r <= 1.3)}")
        if lt:
            worst = max(lt["megabyte"]["longest"], lt["manyMetrics"]["longest"])
            targets.append(f"longest main-thread task rendering a 1 MB report {longest(lt['megabyte']['longest'])}, "
                           f"{lt['manyMetrics']['metrics']:,} metrics {longest(lt['manyMetrics']['longest'])} (target ≤ 200 ms): {ok(worst <= 200)}")
        t = br["transfer"]
        lines += ["", "## Transfer (every file the page loads; gzip -9, brotli q11)", "",
                  "| file | raw | gzip | brotli |", "|---|---:|---:|---:|"]
        kb = lambda n: f"{n / 1000:,.0f} KB"
        for f in t["files"]:
            lines.append(f"| {f['file']} | {kb(f['raw'])} | {kb(f['gzip'])} | {kb(f['brotli'])} |")
        tot = t["total"]
        lines.append(f"| **total** | **{kb(tot['raw'])}** | **{kb(tot['gzip'])}** | **{kb(tot['brotli'])}** |")
        j = t["jiebaWasm"]
        lines.append(f"| (jieba-wasm's .wasm, for comparison) | {kb(j['raw'])} | {kb(j['gzip'])} | {kb(j['brotli'])} |")
        targets.append(f"transfer {tot['brotli'] / 1e6:.2f} MB brotli (target ≤ 1.5 MB): {ok(tot['brotli'] <= 1.5e6)}")
    rows = criterion()
    if rows:
        lines += ["", "## Native stages (criterion medians, one thread; MB/s of input)", "",
                  "| stage | seeds ms | seeds MB/s | corpus ms | corpus MB/s |", "|---|---:|---:|---:|---:|"]
        order = ["normalize", "clean", "meta", "outline", "document", "segment", "segment-plain", "citations", "metrics",
                 "framework", "keywords", "analyze"]
        for stage in order:
            cells = []
            for group in ("stages/seeds", "stages/corpus"):
                ms, rate = rows.get((group, stage), (None, None))
                cells += [f"{ms:.2f}" if ms is not None else "–", f"{rate:.1f}" if rate else "–"]
            lines.append(f"| {stage} | " + " | ".join(cells) + " |")
        if ("dictionary", "load") in rows:
            lines.append(f"| dictionary load (once per process) | | | {rows[('dictionary', 'load')][0]:.1f} | |")
        full = rows.get(("stages/corpus", "analyze"))
        if full and full[1]:
            targets.append(f"native full analysis {full[1]:.1f} MB/s per core (target ≥ 20): {ok(full[1] >= 20)}")
    sc = scaling()
    if sc:
        lines += ["", "## Scaling on adversarial inputs (criterion medians, one thread; ms per MB of input)", "",
                  "| input | stage | ×1 | ×4 | ×16 | ×64 | max/min |", "|---|---|---:|---:|---:|---:|---:|"]
        for shape in ["seed", "no sentence end", "dense 其中 lists", "wide table"]:
            for fn in ["metrics", "analyze"]:
                per = sc.get(shape, {}).get(fn)
                if not per:
                    continue
                cells = [f"{per[k]:.0f}" if k in per else "–" for k in (1, 4, 16, 64)]
                spread = max(per.values()) / min(per.values())
                lines.append(f"| {shape} | {fn} | " + " | ".join(cells) + f" | {spread:.2f} |")
                if fn == "metrics":
                    targets.append(f"metrics time per MB on {shape}, ×1–×64: max/min {spread:.2f} "
                                   f"(flat within 20 %: {ok(spread <= 1.2)})")
    cli = load("cli.json")
    if cli:
        start = cli.get("start", {"seconds": 0, "peak_mb": 0})
        lines += ["", f"## CLI (`fazhi-lens analyze`, whole process; {cli['corpus']['files']} reports, "
                  f"{cli['corpus']['mb']} MB, from {os.path.relpath(cli['corpus'].get('dir', '?'), ROOT)})", "",
                  f"Start (process, dictionary, and what a first text builds once; one report of the corpus, "
                  f"{start.get('mb', 0) * 1000:.0f} KB): {start['seconds']} s, {start['peak_mb']} MB. "
                  "Net ms/MB and bytes per input byte are above the start; the sizes run in interleaved "
                  "rounds, each row the median of its runs.", "",
                  "| input | MB | s | ms/MB | net ms/MB | of ×1 | MB/s | peak memory | B per input B |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for r in cli["scaling"]:
            lines.append(f"| corpus as one text ×{r['repeat']}, 1 thread | {r['mb']} | {r['seconds']} | "
                         f"{r['ms_per_mb']} | {r.get('net_ms_per_mb', '–')} | {r.get('ratio_to_1x', '–')} | "
                         f"{r['mb_per_s']} | {r['peak_mb']} MB | {r.get('bytes_per_byte', '–')} |")
        for r in cli["parallel"]:
            lines.append(f"| {r['files']} files, --jobs {r['jobs']} | {r['mb']} | {r['seconds']} | "
                         f"{round(r['seconds'] * 1000 / r['mb'], 1)} | | | {r['mb_per_s']} | {r['peak_mb']} MB | |")
        ratios = [r["ratio_to_1x"] for r in cli["scaling"] if "ratio_to_1x" in r]
        if ratios:
            flat = max(ratios) <= 1.15 and min(ratios) >= 1 / 1.15
            targets.append(f"time per MB (net of the start) ×1–×{cli['scaling'][-1]['repeat']}: "
                           f"{min(ratios):.2f}–{max(ratios):.2f} of ×1 (flat within 15 %: {ok(flat)})")
        last = cli["scaling"][-1]
        if "bytes_per_byte" in last:
            targets.append(f"memory at ×{last['repeat']}: {last['bytes_per_byte']} bytes per input byte "
                           f"(target ≤ 8: {ok(last['bytes_per_byte'] <= 8)})")
        pairs = ", ".join(f"{r:.2f}" for r in cli.get("speedup_pairs", []))
        targets.append(f"2 threads over many files {cli['speedup']}× faster than 1 (median of interleaved pairs "
                       f"{pairs}; fastest runs {cli.get('speedup_fastest', '–')}×; ≥ 1.7×: "
                       f"{ok(cli['speedup'] >= 1.7)}); peak memory {cli['parallel'][-1]['peak_mb']} MB "
                       f"for {cli['parallel'][-1]['files']} files")
    lines += ["", "## Targets", ""] + [f"- {t}" for t in targets]
    text = "\n".join(lines) + "\n"
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "results.md"), "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
