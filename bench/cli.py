#!/usr/bin/env python3
"""CLI half of `make bench`: native throughput of `fazhi-lens analyze`.

1. Scaling: the government work reports of the corpus concatenated into one text, repeated
   1x, 4x, 16x and 64x, analysed on one thread. Time per MB must stay flat (no pass that
   grows faster than the text) and memory bounded: each row gives its time per MB net of
   the start, that time as a ratio to the 1x row's, and the peak memory above the start's
   per input byte. The start is the analysis of one report of the corpus (its first file)
   in the same run: process start, dictionary load, and what the first text builds once
   (the rule sets a report's lines call for); a row's net time per MB is its time less the
   start's over its MB less the start's. The sizes are run in rounds (1x, 4x, 16x, 64x,
   then again), so that a burst of load from elsewhere hits every size, the short ones
   several times a round; each row takes the median of its runs.
2. Parallel: the corpus files given 16 times over (many inputs), with --jobs 1 and 2:
   MB/s, the speed-up, and peak memory (bounded: inputs are analysed 64 at a time). So that
   noise does not decide it, the two are run in interleaved pairs (1, 2, 1, 2, …: a burst
   of load from elsewhere hits both) and the speed-up is the median of the pairs' ratios;
   the ratio of the fastest runs of each (the least disturbed) is given next to it.

Times are medians of --runs runs (default 3). Writes bench/out/cli.json.
Usage: python3 bench/cli.py [--cli target/release/fazhi-lens] [--corpus DIR] [--runs N]
"""
import argparse
import glob
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")


def run(cmd):
    """Wall seconds and peak resident memory (MB) of one run; output discarded."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    seconds = time.perf_counter() - t0
    err = p.stderr.read().decode("utf-8", "replace")
    p.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"bench/cli.py: {' '.join(cmd[:4])} … failed:\n{err}")
    return seconds, usage.ru_maxrss / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=os.path.join(ROOT, "target", "release", "fazhi-lens"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--repeats", default="1,4,16,64")
    a = ap.parse_args()
    reports = os.path.join(a.corpus, "gov-work-reports")
    files = sorted(glob.glob(os.path.join(reports, "**", "*.txt"), recursive=True))
    if not files:
        # Without the shared corpus, the committed fixtures stand in (smaller, same shape).
        reports = os.path.join(ROOT, "tests", "fixtures")
        files = sorted(glob.glob(os.path.join(reports, "**", "*.txt"), recursive=True))
        print(f"bench/cli.py: no corpus under {a.corpus} (set CORPUS=...); using {reports}")
    os.makedirs(OUT, exist_ok=True)
    corpus = b"".join(open(f, "rb").read().rstrip() + b"\n\n" for f in files)
    mb = len(corpus) / 1e6
    result = {"corpus": {"dir": reports, "files": len(files), "mb": round(mb, 3)}, "scaling": [], "parallel": []}

    print(f"corpus: {len(files)} reports, {mb:.2f} MB (UTF-8)")
    start_mb = os.path.getsize(files[0]) / 1e6
    start_cmd = [a.cli, "analyze", "--jobs", "1", "--format", "jsonl", files[0]]
    repeats = [int(x) for x in a.repeats.split(",")]
    cmds = {}
    for n in repeats:
        big = os.path.join(OUT, f"concat-{n}.txt")
        with open(big, "wb") as f:
            for _ in range(n):
                f.write(corpus)
        cmds[n] = [a.cli, "analyze", "--jobs", "1", "--format", "jsonl", "--max-bytes", str(len(corpus) * n + 1), big]
    # Runs per round: the start and the short texts several times (a run under a few
    # seconds is the one a burst of load distorts most), the long ones once.
    per_round = {n: 4 if n == 1 else 2 if n <= 4 else 1 for n in repeats}
    starts, runs = [], {n: [] for n in repeats}
    for _ in range(a.runs):
        starts += [run(start_cmd) for _ in range(3)]
        for n in repeats:
            runs[n] += [run(cmds[n]) for _ in range(per_round[n])]
    for n in repeats:
        os.remove(cmds[n][-1])
    start_s = statistics.median(r[0] for r in starts)
    start_rss = max(r[1] for r in starts)
    result["start"] = {"seconds": round(start_s, 3), "peak_mb": round(start_rss), "mb": round(start_mb, 3),
                       "file": os.path.relpath(files[0], reports), "runs": len(starts)}
    print(f"  start (one report, {start_mb * 1000:.0f} KB): {start_s:.2f} s, peak {start_rss:.0f} MB")
    for n in repeats:
        size = mb * n
        seconds = statistics.median(r[0] for r in runs[n])
        rss = max(r[1] for r in runs[n])
        net = max(seconds - start_s, 1e-6) * 1000 / (size - start_mb)
        first = result["scaling"][0]["net_ms_per_mb"] if result["scaling"] else net
        row = {"repeat": n, "mb": round(size, 2), "seconds": round(seconds, 3), "runs": len(runs[n]),
               "ms_per_mb": round(seconds * 1000 / size, 1), "net_ms_per_mb": round(net, 1),
               "ratio_to_1x": round(net / first, 2), "mb_per_s": round(size / seconds, 2),
               "peak_mb": round(rss), "bytes_per_byte": round(max(rss - start_rss, 0) / size, 2)}
        result["scaling"].append(row)
        print(f"  one text x{n:<3} {size:7.1f} MB  {seconds:7.2f} s (median of {len(runs[n])})  {net:6.1f} ms/MB net "
              f"({row['ratio_to_1x']:.2f} of 1x)  peak {rss:6.0f} MB, "
              f"{row['bytes_per_byte']:.2f} B per input byte", flush=True)

    times = 16
    size = mb * times
    cmds = {jobs: [a.cli, "analyze", "--jobs", str(jobs), "--format", "jsonl"] + [reports] * times
            for jobs in (1, 2)}
    pairs = [(run(cmds[1]), run(cmds[2])) for _ in range(a.runs)]
    for jobs, k in ((1, 0), (2, 1)):
        seconds = statistics.median(p[k][0] for p in pairs)
        rss = max(p[k][1] for p in pairs)
        row = {"jobs": jobs, "files": len(files) * times, "mb": round(size, 2),
               "seconds": round(seconds, 3), "mb_per_s": round(size / seconds, 2), "peak_mb": round(rss)}
        result["parallel"].append(row)
        print(f"  {len(files) * times} files, --jobs {jobs}: {seconds:6.2f} s  {row['mb_per_s']:5.2f} MB/s  "
              f"peak {rss:5.0f} MB", flush=True)
    ratios = [p[0][0] / p[1][0] for p in pairs]
    result["speedup"] = round(statistics.median(ratios), 2)
    result["speedup_pairs"] = [round(r, 2) for r in ratios]
    result["speedup_fastest"] = round(min(p[0][0] for p in pairs) / min(p[1][0] for p in pairs), 2)
    print(f"  speed-up with 2 threads: {result['speedup']}x (median of {len(ratios)} interleaved pairs: "
          f"{', '.join(f'{r:.2f}' for r in ratios)}; fastest runs {result['speedup_fastest']}x)")
    with open(os.path.join(OUT, "cli.json"), "w") as f:
        json.dump(result, f, indent=2)


if __name__ == "__main__":
    main()
