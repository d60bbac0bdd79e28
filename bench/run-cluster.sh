#!/usr/bin/env bash
# Clustered sweeps on one machine: a 16-run sweep of small nets (bench/cluster-bench.yaml) run
#   local      ./overparam sweep --parallel 1                       pinned to core 0 (taskset)
#   cluster-1  ./overparam sweep --cluster --parallel 1              one member, pinned to core 0
#   cluster-2  the same coordinator + ./overparam worker --parallel 1 pinned to core 1, both launched
#              at the same instant
# and prints two measures of each sweep's time:
#   launch  from the launch of its process(es) to its last run written (local: the "sweep: N runs" line;
#           cluster: the last "... ran on ..." line of the coordinator). The same span for all three:
#           JVM and container start, the Hazelcast members' start and join, and the runs.
#   sweep   (the measure of the first versions of this script) from the sweep's "sweep"/"cluster sweep"
#           line on standard error to its last run written (local: to the process's end): the start of
#           the JVMs and, for cluster-2, the wait for the worker's join are not in it.
#   warm    runs per second once every member has finished its first run: the runs written after the
#           last member's first result, over the time from that result to the last one (local: the runs
#           after the first, from the first run's end to the last). Leaves out each JVM's start and its
#           first, cold run: what a long sweep on members that are already up would see.
# With each: the throughput ratio cluster-2 / cluster-1 and the cluster's overhead per run
# ((cluster-1 - local) / 16). Needs taskset (util-linux) and 2 cores.
# Usage: bench/run-cluster.sh [ROUNDS]   (default 2). Environment: PORT=N moves the ports (default 5991),
# OVERPARAM=PATH runs another build's launcher (default ./overparam), e.g. to compare two builds side by side,
# OUT=DIR where the logs go (default bench/target/cluster-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-2}
OP=${OVERPARAM:-./overparam}
OUT=${OUT:-bench/target/cluster-bench}
PORT=${PORT:-5991}
"$OP" list >/dev/null
mkdir -p "$OUT"

# Prefixes each line of standard input with the seconds since the epoch.
stamp() { while IFS= read -r line; do printf '%s %s\n' "$(date +%s.%N)" "$line"; done; }
now() { date +%s.%N; }
# The seconds from $2 (epoch seconds) to the last stamped line of $1 matching $3.
since() { awk -v t0="$2" -v pat="$3" '$0 ~ pat { t1 = $1 } END { printf "%.2f", t1 - t0 }' "$1"; }
# The seconds from the first stamped line of $1 matching $2 to the last one matching $3.
between() { awk -v p0="$2" -v p1="$3" '$0 ~ p0 && !t0 { t0 = $1 } $0 ~ p1 { t1 = $1 } END { printf "%.2f", t1 - t0 }' "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0 && b > 0) printf "%.2f", a / b; else printf "n/a" }'; }
# Runs per second in $1 once every member has a result: lines matching $2 (a run's end), the member
# named by the text after " pid " (one member if none); "n/a" if no run ended after that.
warm() {
  awk -v pat="$2" '$0 ~ pat { t = $1; p = "one"; if (match($0, / pid [0-9]+/)) p = substr($0, RSTART + 5, RLENGTH - 5)
      if (!(p in first)) first[p] = t; times[++n] = t; if (t > last) last = t }
    END { ta = 0; for (p in first) if (first[p] > ta) ta = first[p]; k = 0; for (i = 1; i <= n; i++) if (times[i] > ta) k++
      if (k == 0 || last <= ta) print "n/a"; else printf "%.3f", k / (last - ta) }' "$1"
}
perrun() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", (a - b) * 1000 / 16 }'; }

for round in $(seq "$ROUNDS"); do
  rm -rf "$OUT"/runs-*
  t_local=$(now)
  taskset -c 0 "$OP" sweep bench/cluster-bench.yaml --runs "$OUT/runs-local" --parallel 1 \
    2> >(stamp > "$OUT/local.err") > "$OUT/local.out"
  echo "local" | stamp >> "$OUT/local.err"
  t_c1=$(now)
  taskset -c 0 "$OP" sweep bench/cluster-bench.yaml --runs "$OUT/runs-c1" --cluster --port "$PORT" \
    --parallel 1 2> >(stamp > "$OUT/c1.err") > "$OUT/c1.out"
  t_c2=$(now)
  taskset -c 0 "$OP" sweep bench/cluster-bench.yaml --runs "$OUT/runs-c2" --cluster --port "$PORT" \
    --members 2 --parallel 1 2> >(stamp > "$OUT/c2.err") > "$OUT/c2.out" &
  coord=$!
  taskset -c 1 "$OP" worker --join 127.0.0.1:"$PORT" --port $((PORT + 1)) --parallel 1 \
    --runs "$OUT/runs-w" 2> >(stamp > "$OUT/w.err") > /dev/null
  wait "$coord"
  sleep 1
  # the old measure
  local_s=$(between "$OUT/local.err" "" "")
  c1=$(between "$OUT/c1.err" "cluster sweep" " ran on ")
  c2=$(between "$OUT/c2.err" "cluster sweep" " ran on ")
  # from launch
  local_l=$(since "$OUT/local.err" "$t_local" "^[0-9.]+ sweep: [0-9]+ runs")
  c1_l=$(since "$OUT/c1.err" "$t_c1" " ran on ")
  c2_l=$(since "$OUT/c2.err" "$t_c2" " ran on ")
  # warm: runs per second after every member's first result
  local_w=$(warm "$OUT/local.err" "step [0-9]+/[0-9]+ \\(100%\\)")
  c1_w=$(warm "$OUT/c1.err" " ran on ")
  c2_w=$(warm "$OUT/c2.err" " ran on ")
  # how many runs each member of cluster-2 ran
  split=$(grep -o " ran on .* pid [0-9]*" "$OUT/c2.err" | sort | uniq -c | awk '{ printf "%s%s", (NR > 1 ? "+" : ""), $1 }')
  echo "round $round, launch: local ${local_l} s, cluster-1 ${c1_l} s, cluster-2 ${c2_l} s" \
    "(throughput x$(ratio "$c1_l" "$c2_l")), overhead per run $(perrun "$c1_l" "$local_l") ms;" \
    "sweep: local ${local_s} s, cluster-1 ${c1} s, cluster-2 ${c2} s (throughput x$(ratio "$c1" "$c2")), overhead" \
    "per run $(perrun "$c1" "$local_s") ms; warm: local ${local_w}, cluster-1 ${c1_w}, cluster-2 ${c2_w} runs/s" \
    "(throughput x$(ratio "$c2_w" "$c1_w"), overhead per run $(awk -v a="$c1_w" -v b="$local_w" 'BEGIN { if (a > 0 && b > 0) printf "%.0f", (1 / a - 1 / b) * 1000; else printf "n/a" }') ms);" \
    "cluster-2 runs per member ${split}; load $(cut -d' ' -f1-3 /proc/loadavg)"
done
