#!/usr/bin/env bash
# Start-up cost of the container, two distributions side by side: BASE (e.g. a copy of an older
# build's runtime/target/overparam) against NEW (default: this tree's runtime/target/overparam).
# Each round runs, alternating BASE and NEW so that load drifts hit both alike,
#   list   `overparam list`                                     (boot, plugins, one command, exit)
#   step   `overparam run` of examples/quickstart.yaml cut to stop.maxSteps 1, so the process's
#          time is its time to the first step plus writing the result and the exit
# once pinned to core 0 (taskset -c 0) and once unpinned, and prints per process the wall time and
# the CPU time (user + sys, from /usr/bin/time), then the medians over the rounds and NEW / BASE.
# The launcher jar is run with the same JVM options as ./overparam.
# Usage: bench/run-startup.sh BASE_DIST [NEW_DIST] [ROUNDS]   (ROUNDS default 5)
# Environment: OUT=DIR for the logs and runs (default bench/target/startup-bench), JAVA=path of java,
# WHAT="list step" the measures to take, PINS="pinned unpinned" the placements.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=$(cd "${1:?usage: bench/run-startup.sh BASE_DIST [NEW_DIST] [ROUNDS]}" && pwd -P)
NEW=$(cd "${2:-runtime/target/overparam}" && pwd -P)
ROUNDS=${3:-5}
OUT=${OUT:-bench/target/startup-bench}
JAVA=${JAVA:-java}
WHAT=${WHAT:-list step}
PINS=${PINS:-pinned unpinned}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd -P)
sed 's/^\(  *maxSteps:\).*/\1 1/' examples/quickstart.yaml > "$OUT/first-step.yaml"
grep -q 'maxSteps: 1$' "$OUT/first-step.yaml" || { echo "run-startup: cannot cut quickstart to one step" >&2; exit 1; }
: > "$OUT/samples.tsv"

# One process: $1 label, $2 distribution, $3 pin (taskset prefix or empty), then the command.
# Appends "label<TAB>wall<TAB>cpu" to samples.tsv; fails if the command fails.
measure() {
  local label=$1 dist=$2 pin=$3
  shift 3
  local t="$OUT/time.txt"
  # shellcheck disable=SC2086 # $pin is empty or "taskset -c 0"
  if ! /usr/bin/time -f '%e %U %S' -o "$t" $pin "$JAVA" --enable-native-access=ALL-UNNAMED \
      --add-modules jdk.incubator.vector -jar "$dist/lib/overparam-launcher.jar" "$@" \
      >"$OUT/last.out" 2>"$OUT/last.err"; then
    echo "run-startup: $label failed:" >&2
    cat "$OUT/last.err" >&2
    exit 1
  fi
  awk -v l="$label" '{ printf "%s\t%.2f\t%.2f\n", l, $1, $2 + $3 }' "$t" | tee -a "$OUT/samples.tsv"
}

for round in $(seq "$ROUNDS"); do
  for where in $PINS; do
    pin=$([[ $where == pinned ]] && echo "taskset -c 0" || true)
    for which in base new; do
      dist=$([[ $which == base ]] && echo "$BASE" || echo "$NEW")
      if [[ " $WHAT " == *" list "* ]]; then
        measure "list $where $which" "$dist" "$pin" list
      fi
      if [[ " $WHAT " == *" step "* ]]; then
        rm -rf "$OUT/runs"
        measure "step $where $which" "$dist" "$pin" run "$OUT/first-step.yaml" --runs "$OUT/runs"
      fi
    done
  done
  echo "round $round done (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
done

# Medians per label, then NEW / BASE.
echo
printf '%-16s %9s %9s %9s %9s %7s %7s\n' "median of $ROUNDS" "base wall" "new wall" "base cpu" "new cpu" "wall" "cpu"
for what in "list pinned" "list unpinned" "step pinned" "step unpinned"; do
  grep -q "^$what base" "$OUT/samples.tsv" || continue
  med() { awk -F'\t' -v l="$1" -v c="$2" '$1 == l { print $c }' "$OUT/samples.tsv" | sort -n \
    | awk '{ v[NR] = $1 } END { printf "%.2f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
  bw=$(med "$what base" 2) nw=$(med "$what new" 2) bc=$(med "$what base" 3) nc=$(med "$what new" 3)
  printf '%-16s %9s %9s %9s %9s %7s %7s\n' "$what" "$bw" "$nw" "$bc" "$nc" \
    "$(awk -v a="$nw" -v b="$bw" 'BEGIN { printf "%.2f", a / b }')" \
    "$(awk -v a="$nc" -v b="$bc" 'BEGIN { printf "%.2f", a / b }')"
done
echo "(seconds; wall and cpu = NEW / BASE; cpu = user + sys of the process)"
