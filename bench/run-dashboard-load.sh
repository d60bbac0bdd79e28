#!/usr/bin/env bash
# Load on the dashboard: one run trains inside the container that serves the dashboard (started as
# `overparam shell` with `op:serve` and `op:run FILE &`), and CLIENTS (default 20) Server-Sent Event
# clients (curl -N, as open run pages: each from the run's current step) follow its event stream.
# Windows of SECONDS (default 10) alternate without and with the clients, ROUNDS times (default 3), so
# that drift of a shared machine falls on both; prints the run's step rate (rows of its metrics.csv per
# second) per window, the means without and with, and the container's used heap after a full GC (jcmd)
# before the first and after the last window with clients. Not part of the tests (timings). Needs the
# distribution (./overparam builds it), curl, bc and jcmd.
#   bench/run-dashboard-load.sh [SECONDS] [CLIENTS] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-10}
CLIENTS=${2:-20}
ROUNDS=${3:-3}
DIST=runtime/target/overparam
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JCMD=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    [ -n "${SHELL_PID:-}" ] && { kill "$SHELL_PID" 2>/dev/null || true; wait "$SHELL_PID" 2>/dev/null || true; }
    exec 3>&- 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
cat > "$WORK/load.yaml" <<'YAML'
name: load
seed: 1
dataset: {name: sphere, n: 64, d: 10, target: teacher}
architecture: {name: fc, depth: 2, width: 256}
initializer: ntk
loss: squared
optimizer: {name: gd, lr: 0.01}
stop: {maxSteps: 100000000}
YAML
mkfifo "$WORK/in"
OPENBLAS_NUM_THREADS=1 "$JAVA" --add-modules jdk.incubator.vector -Xmx512m -jar "$DIST/lib/overparam-launcher.jar" shell \
    < "$WORK/in" > "$WORK/shell.out" 2> "$WORK/shell.err" &
SHELL_PID=$!
exec 3> "$WORK/in"
echo "op:serve --port $PORT --runs $WORK/runs" >&3
for _ in $(seq 60); do grep -q "dashboard: " "$WORK/shell.out" && break; sleep 1; done
grep -q "dashboard: " "$WORK/shell.out" || { echo "serve did not start" >&2; cat "$WORK/shell.err" >&2; exit 1; }
echo "op:run $WORK/load.yaml --runs $WORK/runs &" >&3
for _ in $(seq 60); do ls "$WORK"/runs/load-*/metrics.csv >/dev/null 2>&1 && break; sleep 1; done
CSV=$(ls "$WORK"/runs/load-*/metrics.csv)
ID=$(basename "$(dirname "$CSV")")
sleep 5 # past the first steps' JIT warm-up
rows() { wc -l < "$CSV"; }
rate() { local a b; a=$(rows); sleep "$SECONDS_EACH"; b=$(rows); echo "scale=1; ($b - $a) / $SECONDS_EACH" | bc; }
heap() { "$JCMD" "$SHELL_PID" GC.run >/dev/null; sleep 1; "$JCMD" "$SHELL_PID" GC.heap_info | sed -n 's/.*used \([0-9]*K\).*/\1/p' | head -1; }
HEAP0=$(heap)
off=(); on=()
for _ in $(seq "$ROUNDS"); do
    off+=("$(rate)")
    STEP=$(( $(rows) - 2 ))
    for _ in $(seq "$CLIENTS"); do
        curl -sN "http://127.0.0.1:$PORT/api/runs/$ID/events?after=$STEP" > /dev/null &
        pids+=($!)
    done
    on+=("$(rate)")
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    pids=()
done
HEAP1=$(heap)
mean() { echo "scale=1; ($(IFS=+; echo "$*")) / $#" | bc; }
echo "clients $CLIENTS, $ROUNDS rounds of $SECONDS_EACH s without then with them"
echo "steps/s without: ${off[*]} (mean $(mean "${off[@]}")); with: ${on[*]} (mean $(mean "${on[@]}"))"
echo "heap used after GC: before $HEAP0, after the last window with clients $HEAP1"
