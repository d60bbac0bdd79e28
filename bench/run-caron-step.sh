#!/usr/bin/env bash
# The Caron-size step (examples/caron-synthetic.yaml with only the dynamics analyzer, every 100
# steps; one OpenBLAS thread) on two distributions, alternated round by round:
#   bench/run-caron-step.sh OTHER_TREE [ROUNDS] [STEPS]
# OTHER_TREE is a checkout (or a copy of its ./overparam and runtime/target/overparam) of the commit
# to compare with, e.g. one built by `git worktree add /tmp/base BASE && (cd /tmp/base && mvn -q -B
# -DskipTests package -pl runtime -am && touch runtime/target/overparam/.built)`. Each round runs
# OTHER_TREE and this tree in turn (the order flips every round) and prints, per run, the wall time
# of the steps (result.json's steps_seconds / steps) and the process's CPU time per step (user +
# system, /usr/bin/time, so JIT and GC threads included, the start-up too).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd -P)"
other="$(cd "${1:?usage: bench/run-caron-step.sh OTHER_TREE [ROUNDS] [STEPS]}" && pwd -P)"
rounds="${2:-3}"
steps="${3:-5000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

one() { # tree label round
  local runs="$work/$2-$3"
  (cd "$1" && OPENBLAS_NUM_THREADS=1 /usr/bin/time -f "%U %S" -o "$runs.time" ./overparam run \
      "$here/examples/caron-synthetic.yaml" 'analyzers=[{name: dynamics, every: 100}]' "stop.maxSteps=$steps" \
      --runs "$runs" >"$runs.out" 2>&1)
  python3 - "$runs" "$2" "$3" "$steps" <<'PY'
import glob, json, sys
runs, label, rnd, steps = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
r = json.load(open(glob.glob(runs + "/**/result.json", recursive=True)[0]))
user, system = map(float, open(runs + ".time").read().split()[-2:])
print(f"round {rnd} {label:6s} wall {1000 * r['timings']['steps_seconds'] / r['steps']:.3f} ms/step"
      f"  process CPU {1000 * (user + system) / steps:.3f} ms/step  loss {r['loss']:.12e}")
PY
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 1; i <= rounds; i++)); do
  if ((i % 2 == 1)); then
    one "$other" other "$i"; one "$here" this "$i"
  else
    one "$here" this "$i"; one "$other" other "$i"
  fi
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
