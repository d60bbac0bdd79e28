#!/usr/bin/env bash
# End-to-end benchmark, one command: Overparam (native OpenBLAS path and pure-Java path) against
# PyTorch 1.13 CPU and numpy, on the same data and weights, in the same run.
#
#   bench/run-e2e.sh                 build, measure (5 repetitions after warm-up), print the report
#   REPS=9 bench/run-e2e.sh          more repetitions
#   ROUNDS=3 bench/run-e2e.sh        three rounds in alternating order, best median per configuration
#   SKIP_BUILD=1 bench/run-e2e.sh    reuse bench/target (after a build)
#
# Needs: JDK 17+ (JAVA_HOME or java on PATH), Maven, and Debian's packages
#   apt-get install -y libopenblas0 python3-torch gcc
# (gcc only to measure the FMA peak). Results go to bench/target/e2e (about 120 MB of data).
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=${REPS:-5}
OUT=bench/target/e2e
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
PEER_PYTHON=${PEER_PYTHON:-/usr/bin/python3}
FLAGS=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED)
CP="bench/target/classes:bench/target/lib/*"

if ! "$PEER_PYTHON" -c 'import torch, numpy' 2>/dev/null; then
    echo "PyTorch not found for $PEER_PYTHON: apt-get install -y python3-torch" >&2
    exit 1
fi
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    echo "building the bench module and its upstream modules..." >&2
    mvn -q -B package -pl bench -am -DskipTests
fi
mkdir -p "$OUT"
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores;" \
     "load before: $(cut -d' ' -f1-3 /proc/loadavg); OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset}" \
     "OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-unset}"
rm -f "$OUT/peak.txt"
if command -v gcc >/dev/null; then
    gcc -O2 -march=native -o "$OUT/fma_peak" bench/fma_peak.c && "$OUT/fma_peak" > "$OUT/peak.txt"
fi
echo "writing the shared data and weights..." >&2
"$JAVA" "${FLAGS[@]}" -cp "$CP" org.overparam.bench.EndToEnd prepare "$OUT" 2>/dev/null
# ROUNDS rounds in alternating order; the report keeps, per configuration, the smallest median
# over the rounds (other engineers' builds on a shared machine only ever slow a run down).
ROUNDS=${ROUNDS:-1}
rm -rf "$OUT"/default.*.txt "$OUT/calibration"
rm -f "$OUT"/native.*.txt "$OUT"/level3.*.txt "$OUT"/java.*.txt "$OUT"/peer.*.txt "$OUT"/peer-numpy.*.txt
PATH_PYTHON=$(command -v python3 || true)
overparam() {  # overparam NAME [JVM flags...]
    local name=$1; shift
    echo "round $r: Overparam, $name..." >&2
    "$JAVA" "${FLAGS[@]}" "$@" -cp "$CP" org.overparam.bench.EndToEnd measure "$OUT" "$OUT/$name.$r.txt" "$REPS" 2>/dev/null
}
peers() {
    echo "round $r: PyTorch and numpy ($PEER_PYTHON)..." >&2
    "$PEER_PYTHON" bench/peer.py "$OUT" "$OUT/peer.$r.txt" "$REPS"
    if [ -n "$PATH_PYTHON" ] && [ "$(readlink -f "$PATH_PYTHON")" != "$(readlink -f "$PEER_PYTHON")" ] \
            && "$PATH_PYTHON" -c 'import numpy' 2>/dev/null; then
        echo "round $r: numpy from $PATH_PYTHON..." >&2
        "$PATH_PYTHON" bench/peer.py "$OUT" "$OUT/peer-numpy.$r.txt" "$REPS" --eigen-only
    fi
}
for r in $(seq 1 "$ROUNDS"); do
    if [ $((r % 2)) = 1 ]; then
        overparam default -Doverparam.linalg.cache="$OUT/calibration"; overparam native -Doverparam.linalg=native
        overparam level3 -Doverparam.linalg.level3=java; overparam java -Doverparam.linalg=java; peers
    else
        peers; overparam java -Doverparam.linalg=java; overparam level3 -Doverparam.linalg.level3=java
        overparam native -Doverparam.linalg=native; overparam default -Doverparam.linalg.cache="$OUT/calibration"
    fi
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -cp "$CP" org.overparam.bench.Report "$OUT"
