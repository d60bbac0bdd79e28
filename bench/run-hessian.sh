#!/usr/bin/env bash
# Hessian benchmark, one command: the top eigenvalue of the Hessian of the end-to-end benchmark's
# fully connected ReLU net (L=3, m=2048, d=784; 10.0 M weights) on its first SAMPLES inputs, by
# Overparam's `hessian` analyzer (Lanczos on the fc plugin's exact R-op Hessian-vector products) and
# by PyTorch 1.13 (PyHessian's power iteration on double-backward products), same data and weights,
# float64, in the same run.
#
#   bench/run-hessian.sh                       build, measure (2 interleaved rounds of 3 repetitions
#                                              after warm-up), report
#   ROUNDS=3 REPS=5 SAMPLES=512 bench/run-hessian.sh    more rounds, repetitions, samples
#   SKIP_BUILD=1 bench/run-hessian.sh          reuse bench/target (after a build)
#
# Needs: JDK 17+, Maven, apt-get install -y libopenblas0 python3-torch. Reuses bench/target/e2e's
# data and weights when present (bench/run-e2e.sh writes them too). Each side is timed with 1 and
# 2 BLAS threads and the faster kept. Takes about 8 minutes per round on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=${REPS:-3}
ROUNDS=${ROUNDS:-2}
SAMPLES=${SAMPLES:-256}
OUT=bench/target/e2e
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
PEER_PYTHON=${PEER_PYTHON:-/usr/bin/python3}
# A fixed heap: the Lanczos basis (21 vectors of 10 M doubles, 1.7 GB) is allocated at every call.
FLAGS=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xms6g -Xmx6g)
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
     "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ ! -f "$OUT/W4.npy" ]; then
    echo "writing the shared data and weights..." >&2
    "$JAVA" "${FLAGS[@]}" -cp "$CP" org.overparam.bench.EndToEnd prepare "$OUT" 2>/dev/null
fi
# Rounds interleave the two sides so both see the same background load; each side's figure is its
# best per-round median (the same statistic for both).
for round in $(seq 1 "$ROUNDS"); do
    for t in 1 2; do
        echo "round $round: timing Overparam, $t OpenBLAS thread(s)..." >&2
        OPENBLAS_NUM_THREADS=$t "$JAVA" "${FLAGS[@]}" -cp "$CP" org.overparam.bench.HessianTop measure "$OUT" \
            "$OUT/hessian-java-r$round-t$t.txt" "$REPS" "$SAMPLES" 2>/dev/null
    done
    echo "round $round: timing PyTorch ($PEER_PYTHON)..." >&2
    "$PEER_PYTHON" bench/hessian_peer.py "$OUT" "$OUT/hessian-peer-r$round.txt" "$REPS" "$SAMPLES"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -cp "$CP" org.overparam.bench.HessianTop report "$OUT" "$ROUNDS"
