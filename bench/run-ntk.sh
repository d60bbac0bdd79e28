#!/usr/bin/env bash
# NTK benchmark, one command: the empirical NTK Gram of a fully connected ReLU net (L=3 hidden
# layers of m=2048, d=784, one output; 10.0 M weights) on n=2000 samples, float64, by Overparam's
# structured path (the ntk analyzer's per-layer pieces) and by PyTorch 1.13's Jacobian contraction
# (the fastest of functorch vmap(jacrev), autograd.functional.jacobian and a per-sample grad loop),
# same data and weights, in the same run.
#
#   bench/run-ntk.sh                    build, measure (3 repetitions after warm-up), report
#   REPS=5 bench/run-ntk.sh             more repetitions
#   PEER_FULL=1 bench/run-ntk.sh        let PyTorch compute the whole Gram (hours on two cores)
#   SKIP_BUILD=1 bench/run-ntk.sh       reuse bench/target (after a build)
#
# Without PEER_FULL, PyTorch's full time comes from its measured parts (Jacobian rows and block
# contractions, both exactly linear in count); see bench/ntk_peer.py and docs/benchmarks.md.
# Needs: JDK 17+, Maven, apt-get install -y libopenblas0 python3-torch. Java runs with a 1 GB heap
# (the method needs about 0.5 GB); PyTorch needs about 4-5 GB for two row blocks.
set -euo pipefail
cd "$(dirname "$0")/.."
REPS=${REPS:-3}
OUT=bench/target/ntk
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
PEER_PYTHON=${PEER_PYTHON:-/usr/bin/python3}
FLAGS=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xmx1g)
CP="bench/target/classes:bench/target/lib/*"

if ! "$PEER_PYTHON" -c 'import torch, functorch, numpy' 2>/dev/null; then
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
echo "writing the data and weights..." >&2
"$JAVA" "${FLAGS[@]}" -cp "$CP" org.overparam.bench.NtkBench prepare "$OUT" 2>/dev/null
echo "timing Overparam's structured NTK..." >&2
"$JAVA" "${FLAGS[@]}" -cp "$CP" org.overparam.bench.NtkBench measure "$OUT" "$OUT/java.txt" "$REPS" 2>/dev/null
echo "timing PyTorch's Jacobian contraction..." >&2
"$PEER_PYTHON" bench/ntk_peer.py "$OUT" "$OUT/peer.txt" ${PEER_FULL:+--full} 2>/dev/null
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -cp "$CP" org.overparam.bench.NtkReport "$OUT"
