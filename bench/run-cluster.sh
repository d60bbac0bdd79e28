#!/usr/bin/env bash
# Clustered sweeps on one machine: a 16-run sweep of small nets (bench/cluster-bench.yaml) run
#   local      ./overparam sweep --parallel 1                       pinned to core 0 (taskset)
#   cluster-1  ./overparam sweep --cluster --parallel 1              one member, pinned to core 0
#   cluster-2  the same coordinator + ./overparam worker --parallel 1 pinned to core 1
# and prints each sweep's time (from its first line on standard error to its last run written), the
# throughput ratio cluster-2 / cluster-1 and the cluster's overhead per run ((cluster-1 - local) / 16).
# Needs taskset (util-linux) and 2 cores. Usage: bench/run-cluster.sh [ROUNDS]   (default 2)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-2}
OUT=bench/target/cluster-bench
PORT=5991
./overparam list >/dev/null
mkdir -p "$OUT"

# Prefixes each line of standard input with the seconds since the epoch.
stamp() { while IFS= read -r line; do printf '%s %s\n' "$(date +%s.%N)" "$line"; done; }
# The seconds from the first stamped line of $1 to the last one matching $2.
span() { awk -v pat="$2" 'NR == 1 { t0 = $1 } $0 ~ pat { t1 = $1 } END { printf "%.2f", t1 - t0 }' "$1"; }

for round in $(seq "$ROUNDS"); do
  rm -rf "$OUT"/runs-*
  taskset -c 0 ./overparam sweep bench/cluster-bench.yaml --runs "$OUT/runs-local" --parallel 1 \
    2> >(stamp > "$OUT/local.err") > "$OUT/local.out"
  echo "local" | stamp >> "$OUT/local.err"
  taskset -c 0 ./overparam sweep bench/cluster-bench.yaml --runs "$OUT/runs-c1" --cluster --port $PORT \
    --parallel 1 2> >(stamp > "$OUT/c1.err") > "$OUT/c1.out"
  taskset -c 0 ./overparam sweep bench/cluster-bench.yaml --runs "$OUT/runs-c2" --cluster --port $PORT \
    --members 2 --parallel 1 2> >(stamp > "$OUT/c2.err") > "$OUT/c2.out" &
  coord=$!
  taskset -c 1 ./overparam worker --join 127.0.0.1:$PORT --port $((PORT + 1)) --parallel 1 \
    --runs "$OUT/runs-w" 2> "$OUT/w.err" > /dev/null
  wait "$coord"
  sleep 1
  local_s=$(awk 'NR == 1 { t0 = $1 } { t1 = $1 } END { printf "%.2f", t1 - t0 }' "$OUT/local.err")
  c1=$(awk '/cluster sweep/ && !t0 { t0 = $1 } / ran on / { t1 = $1 } END { printf "%.2f", t1 - t0 }' "$OUT/c1.err")
  c2=$(awk '/cluster sweep/ && !t0 { t0 = $1 } / ran on / { t1 = $1 } END { printf "%.2f", t1 - t0 }' "$OUT/c2.err")
  echo "round $round: local ${local_s} s, cluster-1 ${c1} s, cluster-2 ${c2} s" \
    "(throughput x$(awk -v a="$c1" -v b="$c2" 'BEGIN { printf "%.2f", a / b }'))," \
    "overhead per run $(awk -v a="$c1" -v b="$local_s" 'BEGIN { printf "%.0f", (a - b) * 1000 / 16 }') ms," \
    "load $(cut -d' ' -f1-3 /proc/loadavg)"
done
