#!/usr/bin/env python3
"""Timeline of a sweep's runs from their result.json ("started", "finished"), for bench/run-workload.sh (b).

  bench/sweep_timeline.py SWEEP_FOLDER

Prints one line: the sweep's span (first start to last end), the summed run times, how long exactly one
run was active with the tail (one run alone after the last other run ended) apart, and the order the
runs started in (their widths when the spec says architecture.width). With 2 runs at once, time with one
run active is time a core had no run; the tail is what largest-first scheduling removes.
"""
import json
import pathlib
import re
import sys
from datetime import datetime


def when(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def main(folder):
    runs = []
    for result in sorted(pathlib.Path(folder).glob("*/result.json")):
        r = json.loads(result.read_text())
        spec = (result.parent / "spec.yaml").read_text()
        width = re.search(r"^\s*width:\s*(\d+)", spec, re.M)
        runs.append((when(r["started"]), when(r["finished"]), width.group(1) if width else "?"))
    if not runs:
        sys.exit(f"{folder}: no result.json under it")
    runs.sort()
    start = min(s for s, _, _ in runs)
    end = max(f for _, f, _ in runs)
    edges = sorted({t for s, f, _ in runs for t in (s, f)})
    alone = 0.0
    for a, b in zip(edges, edges[1:]):
        active = sum(1 for s, f, _ in runs if s <= a and f >= b)
        if active == 1:
            alone += b - a
    others_end = sorted(f for _, f, _ in runs)[-2] if len(runs) > 1 else start
    tail = end - others_end
    total = sum(f - s for s, f, _ in runs)
    print(f"span {end - start:.1f} s, run time summed {total:.1f} s, one run active {alone:.1f} s "
          f"(of it the last run alone {tail:.1f} s); start order by width: {' '.join(w for _, _, w in runs)}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: bench/sweep_timeline.py SWEEP_FOLDER")
    main(sys.argv[1])
