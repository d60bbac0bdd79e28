#!/usr/bin/env bash
# Workload benchmark of issue 15, one command, every part in the same run (on a shared machine only
# ratios measured together mean something):
#   (a) Caron et al.'s synthetic figure at a tenth of its length (bench/caron-workload.yaml: 4 settings
#       x 5 seeds x 5,000 steps, dynamics every 100) as one `overparam sweep`, against a plain PyTorch
#       script doing the same runs serially (bench/caron_peer.py) in float32 and float64;
#   (b) the 12-run width sweep (examples/sweep-width.yaml) serial (--parallel 1) and --parallel 2,
#       each with its runs' timeline (bench/sweep_timeline.py: time with one run active, start order);
#   (c) the quickstart end to end, process start to result (./overparam run examples/quickstart.yaml);
#   (d) the FC net of bench/run-e2e.sh trained through `overparam run` (bench/fc-e2e.yaml: NTK
#       parameterization, no analyzers; steps 4-9 as the difference of a 9-step and a 3-step run)
#       against the kernel-only step of bench/run-e2e.sh.
#
#   bench/run-workload.sh                      all parts (about 30 minutes on a quiet 2-core machine)
#   PARTS="b c" bench/run-workload.sh          some parts
#   PEER_RUNS=2 bench/run-workload.sh          the PyTorch peer does 2 of the 20 runs per dtype and its
#                                              total is scaled to 20 (printed as such)
#   STEPS=50000 bench/run-workload.sh          (a) at the paper's length
#
# Needs: JDK 17+, Maven (./overparam builds the distribution once), Debian's python3-torch
# (PEER_PYTHON, default /usr/bin/python3); part (d)'s kernel-only step needs the bench module
# (mvn -q -B package -pl bench -am -DskipTests; the script builds it unless SKIP_BUILD=1).
# Output: a report on standard output; the runs go to bench/target/workload.
set -euo pipefail
cd "$(dirname "$0")/.."
PARTS=${PARTS:-a b c d}
STEPS=${STEPS:-5000}
PEER_RUNS=${PEER_RUNS:-20}
PEER_PYTHON=${PEER_PYTHON:-/usr/bin/python3}
OUT=bench/target/workload
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
rm -rf "$OUT"
mkdir -p "$OUT"

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
# Median over a sweep's runs of (steps + analysis seconds) / steps from each run's result.json.
step_ms() {
    find "$1" -name result.json -print0 | xargs -0 cat | awk '
        /"steps":/ { gsub(/[^0-9]/, "", $2); s = $2 }
        /"steps_seconds":/ { gsub(/[^0-9.]/, "", $2); t = $2 }
        /"analysis_seconds":/ { gsub(/[^0-9.]/, "", $2); print 1000 * (t + $2) / s }' \
      | sort -g | awk '{ v[NR] = $1 } END { if (NR) printf "%.3f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores," \
     "$(free -g | awk '/Mem:/ { print $2 }') GB; $("$JAVA" -version 2>&1 | head -1)"
echo "load at start: $(load); $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD 2>/dev/null || echo ?)"
./overparam list >/dev/null 2>&1 || true   # builds the distribution if needed, outside every timing

if [[ " $PARTS " == *" a "* ]]; then
    echo
    echo "(a) Caron figure, 4 settings x 5 seeds x $STEPS steps (load $(load))"
    t0=$(now)
    ./overparam sweep bench/caron-workload.yaml "stop.maxSteps=$STEPS" --runs "$OUT/caron" >"$OUT/caron.out" 2>&1
    t1=$(now)
    wall=$(secs "$t0" "$t1")
    echo "  overparam sweep (--parallel = $(nproc) cores): $wall s for 20 runs; median step $(step_ms "$OUT/caron") ms" \
         "(steps + analyses / steps, per run)"
    echo "  projected to 50,000 steps (10 x the whole sweep, start-up included): $(awk -v w="$wall" -v s="$STEPS" 'BEGIN { printf "%.1f min", w * 50000 / s / 60 }')"
    if "$PEER_PYTHON" -c 'import torch' 2>/dev/null; then
        for dtype in float32 float64; do
            "$PEER_PYTHON" bench/caron_peer.py "$dtype" "$STEPS" "$PEER_RUNS" >"$OUT/peer-$dtype.txt"
            s=$(sed -n 's/^seconds=//p' "$OUT/peer-$dtype.txt")
            ms=$(sed -n 's/^step_ms=//p' "$OUT/peer-$dtype.txt")
            total=$(awk -v s="$s" -v r="$PEER_RUNS" 'BEGIN { printf "%.1f", s * 20 / r }')
            note=""
            [[ "$PEER_RUNS" == 20 ]] || note=" (ran $PEER_RUNS of the 20 runs in $s s, scaled)"
            echo "  PyTorch $dtype, serial: $total s for 20 runs$note; step $ms ms;" \
                 "sweep speed-up $(awk -v p="$total" -v w="$wall" 'BEGIN { printf "%.2f", p / w }')x"
        done
    else
        echo "  PyTorch: not found for $PEER_PYTHON (apt-get install python3-torch)"
    fi
fi

if [[ " $PARTS " == *" b "* ]]; then
    echo
    echo "(b) 12-run width sweep (examples/sweep-width.yaml) (load $(load))"
    for par in 1 2; do
        t0=$(now)
        ./overparam sweep examples/sweep-width.yaml --parallel "$par" --runs "$OUT/width-$par" >"$OUT/width-$par.out" 2>&1
        t1=$(now)
        eval "wall$par=$(secs "$t0" "$t1")"
    done
    echo "  --parallel 1: $wall1 s; --parallel 2: $wall2 s; throughput ratio" \
         "$(awk -v a="$wall1" -v b="$wall2" 'BEGIN { printf "%.2f", a / b }')x"
    for par in 1 2; do
        echo "  --parallel $par: $(python3 bench/sweep_timeline.py "$(ls -d "$OUT/width-$par"/sweep-width-*/ | head -1)")"
    done
fi

if [[ " $PARTS " == *" c "* ]]; then
    echo
    echo "(c) quickstart end to end (load $(load))"
    t0=$(now)
    ./overparam run examples/quickstart.yaml --runs "$OUT/quickstart" >"$OUT/quickstart.out" 2>&1
    t1=$(now)
    echo "  ./overparam run examples/quickstart.yaml: $(secs "$t0" "$t1") s, process start to result" \
         "($(grep -m1 '^steps' "$OUT/quickstart.out" | xargs))"
fi

if [[ " $PARTS " == *" d "* ]]; then
    echo
    echo "(d) FC net of bench/run-e2e.sh, GD step through overparam run vs kernel-only (load $(load))"
    # Two runs, 3 and 9 steps: the difference of their step times is 6 steps after the same warm-up,
    # comparable with the kernel-only median (a 6-step mean carries the first steps' JIT warm-up).
    steps_s() { find "$1" -name result.json -print0 | xargs -0 cat | awk '/"steps_seconds":/ { gsub(/[^0-9.]/, "", $2); print $2 }'; }
    ./overparam run bench/fc-e2e.yaml stop.maxSteps=3 --runs "$OUT/fc3" >"$OUT/fc3.out" 2>&1
    ./overparam run bench/fc-e2e.yaml stop.maxSteps=9 --runs "$OUT/fc9" >"$OUT/fc9.out" 2>&1
    s3=$(steps_s "$OUT/fc3"); s9=$(steps_s "$OUT/fc9")
    run_ms=$(awk -v a="$s3" -v b="$s9" 'BEGIN { printf "%.1f", 1000 * (b - a) / 6 }')
    echo "  overparam run (NTK, no analyzers): 3 steps $s3 s, 9 steps $s9 s; steps 4-9: $run_ms ms a step" \
         "(9-step mean with warm-up: $(awk -v b="$s9" 'BEGIN { printf "%.1f", 1000 * b / 9 }') ms)"
    if [ "${SKIP_BUILD:-0}" != 1 ]; then
        mvn -q -B package -pl bench -am -DskipTests >"$OUT/bench-build.log" 2>&1
    fi
    if [ -d bench/target/classes ]; then
        "$JAVA" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
            -cp "bench/target/classes:bench/target/lib/*" org.overparam.bench.EndToEnd prepare "$OUT/e2e" 2>/dev/null
        "$JAVA" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
            -cp "bench/target/classes:bench/target/lib/*" org.overparam.bench.EndToEnd measure "$OUT/e2e" "$OUT/e2e.txt" 3 \
            2>/dev/null
        k_ms=$(awk -F= '/^fc_double_s=/ { printf "%.1f", 1000 * $2; exit }' "$OUT/e2e.txt")
        echo "  kernel-only step (bench EndToEnd, default path, median of 3): $k_ms ms;" \
             "overparam run / kernel-only $(awk -v a="$run_ms" -v b="$k_ms" 'BEGIN { if (b > 0) printf "%.2f", a / b }')"
    else
        echo "  kernel-only step: bench module not built (run without SKIP_BUILD=1)"
    fi
fi
echo
echo "load at end: $(load); $(date -u '+%H:%M UTC')"
