#!/usr/bin/env python3
"""Where a run's steps go, from a JFR recording (docs/benchmarks.md, "Where a Caron-size step goes").

    python3 bench/jfr-step-phases.py F.jfr STEPS

Reads the execution and native-method samples of the thread that runs the step loop (every sample
whose stack holds StepLoop.run) and attributes each to a phase: a sample inside an analysis
(Analyses.run) is the analyzers'; otherwise the first frame from the leaf that names a phase
decides (class.method as in table PHASES; a frame of Scaling.multiply counts for the caller above it). Prints ms per step per phase (samples
x their period / STEPS, the period read from the recording), the GC pauses and the allocation the
recording's samples weigh. Needs `jfr` (the JDK's) on the PATH.
"""
import json
import subprocess
import sys

PHASES = [
    ("gemm (BLAS)", ["JNIBLAS.dgemmK", "Linalg.gemm", "VectorGemm.gemm"]),
    ("ReLU forward", ["VectorElementwise.relu", "Elementwise.relu"]),
    ("ReLU backward (mask)", ["VectorElementwise.reluBackward", "Elementwise.reluBackward"]),
    ("GD update + norm (+ finiteness)", ["Params.axpyNorm"]),
    ("effective weights (Scaling)", ["Scaling.effective"]),
    ("gradient scaling", ["Scaling.multiplyInPlace"]),
    ("finiteness check of x_{t+1}", ["Params.isFinite", "OptimizerStep.finite"]),
    ("copy of x_t", ["Params.set"]),
    ("metrics, CSV, store feed", ["MetricsWriter.record", "MetricsWriter.flushIfDue", "MetricStore.record",
                                  "StoreFeed.record", "MetricsCsv.row"]),
]


def frames(event):
    st = event["values"].get("stackTrace") or {}
    out = []
    for f in st.get("frames", []):
        m = f.get("method") or {}
        t = (m.get("type") or {}).get("name", "")
        out.append(t.replace("/", ".").rsplit(".", 1)[-1] + "." + m.get("name", ""))
    return out


def phase(stack):
    if any(s.endswith("Analyses.run") for s in stack):
        return "analyses (dynamics every 100, amortized)"
    for s in stack:
        for name, keys in PHASES:
            if s in keys:
                return name
    return "everything else on the thread"


def period_ms(path, event):
    text = subprocess.run(["jfr", "print", "--events", "jdk.ActiveSetting", path], capture_output=True,
                          text=True, check=True).stdout
    best = None
    for block in text.split("jdk.ActiveSetting")[1:]:
        if "name = \"period\"" in block and event in block:
            for line in block.splitlines():
                if line.strip().startswith("value ="):
                    v = line.split("=", 1)[1].strip().strip('"')
                    num, unit = v.split()
                    best = float(num) * {"ms": 1, "s": 1000, "us": 0.001}.get(unit, 1)
    return best


def main():
    path, steps = sys.argv[1], int(sys.argv[2])
    raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", "200", "--events",
                          "jdk.ExecutionSample,jdk.NativeMethodSample", path],
                         capture_output=True, text=True, check=True).stdout
    events = json.loads(raw)["recording"]["events"]
    counts = {}
    for e in events:
        stack = frames(e)
        if not any(s.endswith("StepLoop.run") for s in stack):
            continue
        kind = e["type"]
        counts.setdefault(kind, {})
        p = phase(stack)
        counts[kind][p] = counts[kind].get(p, 0) + 1
    total = {}
    for kind, per in counts.items():
        ms = period_ms(path, kind) or 2.0
        for p, n in per.items():
            total[p] = total.get(p, 0.0) + n * ms / steps
    order = [n for n, _ in PHASES] + ["analyses (dynamics every 100, amortized)", "everything else on the thread"]
    for p in order:
        print(f"{p:45s} {total.get(p, 0.0):7.3f}")
    print(f"{'step thread, total':45s} {sum(total.values()):7.3f}")
    gc = json.loads(subprocess.run(["jfr", "print", "--json", "--events", "jdk.GarbageCollection", path],
                                   capture_output=True, text=True, check=True).stdout)["recording"]["events"]
    pauses = 0.0
    for e in gc:
        v = e["values"]["sumOfPauses"]
        pauses += float(v.upper().replace("PT", "").rstrip("S")) * 1000 if isinstance(v, str) else float(v) / 1e6
    print(f"{'GC pauses, ms per step':45s} {pauses / steps:7.3f}  ({len(gc)} collections)")
    al = json.loads(subprocess.run(["jfr", "print", "--json", "--events", "jdk.ObjectAllocationSample", path],
                                   capture_output=True, text=True, check=True).stdout)["recording"]["events"]
    weight = sum(float(e["values"]["weight"]) for e in al)
    print(f"{'allocation (sampled weight), MB per step':45s} {weight / steps / 1e6:7.3f}")


if __name__ == "__main__":
    main()
