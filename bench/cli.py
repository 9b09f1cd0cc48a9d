#!/usr/bin/env python3
"""CLI half of `make bench`: native throughput of `fazhi-lens analyze`.

1. Scaling: the government work reports of the corpus concatenated into one text, repeated
   1x, 4x, 16x and 64x, analysed on one thread. Time per MB must stay flat (no pass that
   grows faster than the text); peak memory is reported with it.
2. Parallel: the corpus files given 16 times over (many inputs), with --jobs 1 and 2:
   MB/s, the speed-up, and peak memory (bounded: inputs are analysed 64 at a time).

Times are medians of --runs runs (default 3) and include process start and the dictionary
load (about 0.1 s), which the larger inputs amortize. Writes bench/out/cli.json.
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


def measure(cmd, runs):
    results = [run(cmd) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


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
    big = os.path.join(OUT, "concat.txt")
    for n in [int(x) for x in a.repeats.split(",")]:
        with open(big, "wb") as f:
            for _ in range(n):
                f.write(corpus)
        size = mb * n
        cmd = [a.cli, "analyze", "--jobs", "1", "--format", "jsonl",
               "--max-bytes", str(len(corpus) * n + 1), big]
        seconds, rss = measure(cmd, a.runs)
        row = {"repeat": n, "mb": round(size, 2), "seconds": round(seconds, 3),
               "ms_per_mb": round(seconds * 1000 / size, 1), "mb_per_s": round(size / seconds, 2),
               "peak_mb": round(rss)}
        result["scaling"].append(row)
        print(f"  one text x{n:<3} {size:7.1f} MB  {seconds:7.2f} s  {row['ms_per_mb']:6.1f} ms/MB  "
              f"{row['mb_per_s']:5.2f} MB/s  peak {rss:6.0f} MB", flush=True)
    os.remove(big)

    times = 16
    for jobs in (1, 2):
        cmd = [a.cli, "analyze", "--jobs", str(jobs), "--format", "jsonl"] + [reports] * times
        seconds, rss = measure(cmd, a.runs)
        size = mb * times
        row = {"jobs": jobs, "files": len(files) * times, "mb": round(size, 2),
               "seconds": round(seconds, 3), "mb_per_s": round(size / seconds, 2), "peak_mb": round(rss)}
        result["parallel"].append(row)
        print(f"  {len(files) * times} files, --jobs {jobs}: {seconds:6.2f} s  {row['mb_per_s']:5.2f} MB/s  "
              f"peak {rss:5.0f} MB", flush=True)
    p = result["parallel"]
    result["speedup"] = round(p[0]["seconds"] / p[1]["seconds"], 2)
    print(f"  speed-up with 2 threads: {result['speedup']}x")
    with open(os.path.join(OUT, "cli.json"), "w") as f:
        json.dump(result, f, indent=2)


if __name__ == "__main__":
    main()
