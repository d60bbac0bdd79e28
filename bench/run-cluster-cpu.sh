#!/usr/bin/env bash
# The clustered sweep's overhead per run in CPU time, which a busy machine disturbs far less than the
# wall-clock times of bench/run-cluster.sh. Runs bench/cluster-bench.yaml with 4 and with 8 seeds (16 and
# 32 runs) two ways, each on core 0 (taskset):
#   local      ./overparam sweep --parallel 1
#   cluster-1  ./overparam sweep --cluster --parallel 1      (one member: the coordinator runs every run)
# and reads each process's user + system CPU seconds (GNU time). A mode's CPU per run is
# (CPU(32 runs) - CPU(16 runs)) / 16, so the start of the JVM, the container and the Hazelcast member
# drop out; the cluster's overhead per run is cluster-1's CPU per run minus local's.
# Needs taskset and /usr/bin/time. Usage: bench/run-cluster-cpu.sh [ROUNDS]   (default 1). Environment, as for
# bench/run-cluster.sh: PORT=N the port (default 5993), OVERPARAM=PATH another build's launcher (default ./overparam),
# OUT=DIR where the logs go (default bench/target/cluster-cpu).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-1}
OP=${OVERPARAM:-./overparam}
OUT=${OUT:-bench/target/cluster-cpu}
PORT=${PORT:-5993}
"$OP" list >/dev/null
mkdir -p "$OUT"

# CPU seconds (user + system) of one sweep: $1 = seeds, $2 = name, the rest = extra sweep options.
cpu() {
  local seeds=$1 name=$2
  shift 2
  rm -rf "$OUT/runs-$name"
  /usr/bin/time -f "%U %S" -o "$OUT/$name.time" taskset -c 0 "$OP" sweep bench/cluster-bench.yaml \
    seeds="$seeds" --runs "$OUT/runs-$name" --parallel 1 "$@" > "$OUT/$name.out" 2> "$OUT/$name.err"
  awk '{ printf "%.2f", $1 + $2 }' "$OUT/$name.time"
}

for round in $(seq "$ROUNDS"); do
  l16=$(cpu 4 local16)
  l32=$(cpu 8 local32)
  c16=$(cpu 4 c16 --cluster --port $PORT)
  c32=$(cpu 8 c32 --cluster --port $PORT)
  echo "round $round: CPU s local 16/32 runs ${l16}/${l32}, cluster-1 ${c16}/${c32};" \
    "per run local $(awk -v a="$l32" -v b="$l16" 'BEGIN { printf "%.0f", (a - b) * 1000 / 16 }') ms," \
    "cluster-1 $(awk -v a="$c32" -v b="$c16" 'BEGIN { printf "%.0f", (a - b) * 1000 / 16 }') ms;" \
    "overhead per run $(awk -v a="$c32" -v b="$c16" -v c="$l32" -v d="$l16" \
      'BEGIN { printf "%.0f", ((a - b) - (c - d)) * 1000 / 16 }') ms CPU, load $(cut -d' ' -f1-3 /proc/loadavg)"
done
