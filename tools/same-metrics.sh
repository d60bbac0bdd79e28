#!/usr/bin/env bash
# Proves that a change leaves every result alone: builds the distribution of BASE (a commit) and of
# the working tree, runs each example for a few steps on both, and compares the runs' metrics.csv
# and series/ files byte for byte. A refactor must pass this before it lands (docs/architecture.md).
#
#   tools/same-metrics.sh BASE [STEPS]            e.g. tools/same-metrics.sh main 25
#
# Examples that read Fashion-MNIST run only where Debian's dataset-fashion-mnist is installed.
# Exit code: 0 all identical, 1 a difference (the first differing lines are printed), 2 bad usage.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
base="${1:-}"
steps="${2:-25}"
[[ -n "$base" ]] || { echo "usage: tools/same-metrics.sh BASE [STEPS]" >&2; exit 2; }
git -C "$root" rev-parse --verify -q "$base^{commit}" >/dev/null \
  || { echo "same-metrics: $base is not a commit" >&2; exit 2; }
[[ "$steps" =~ ^[1-9][0-9]*$ ]] || { echo "same-metrics: STEPS must be a positive number, not $steps" >&2; exit 2; }

examples=(quickstart caron-synthetic momentum projected resnet cnn gated ntk-regime landscape weights-roundtrip)
if compgen -G "/usr/share/*/fashion-mnist*/train-images-idx3-ubyte.gz" >/dev/null \
   || compgen -G "/usr/share/datasets/*/train-images-idx3-ubyte.gz" >/dev/null; then
  examples+=(fashion-fc caron-pruning)
fi

work="$(mktemp -d)"
cleanup() {
  git -C "$root" worktree remove --force "$work/base" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# Builds a tree's distribution without touching the local Maven repository's snapshots.
build() {
  (cd "$1" && mvn -q -B -DskipTests package -pl runtime -am) >"$work/build.log" 2>&1 \
    || { cat "$work/build.log" >&2; echo "same-metrics: the build of $1 failed" >&2; exit 2; }
  touch "$1/runtime/target/overparam/.built"
}

git -C "$root" worktree add --detach -q "$work/base" "$base"
echo "building $base and the working tree…" >&2
build "$work/base"
build "$root"

differ=0
for ex in "${examples[@]}"; do
  for side in base head; do
    tree="$root"
    [[ "$side" == base ]] && tree="$work/base"
    runs="$work/runs-$side/$ex"
    mkdir -p "$runs"
    # Each side reads the example file of its own tree, so an example edited by the change shows up.
    (cd "$tree" && ./overparam run "examples/$ex.yaml" "stop.maxSteps=$steps" --runs "$runs") \
      >"$work/$ex-$side.out" 2>&1 || true
  done
  b="$(find "$work/runs-base/$ex" -name metrics.csv -print -quit)"
  h="$(find "$work/runs-head/$ex" -name metrics.csv -print -quit)"
  if [[ -z "$b" || -z "$h" ]]; then
    echo "DIFFERENT $ex: a side wrote no metrics.csv (see its output below)"
    tail -3 "$work/$ex-base.out" "$work/$ex-head.out"
    differ=1
    continue
  fi
  if ! diff -r -q "$(dirname "$b")/series" "$(dirname "$h")/series" >/dev/null 2>&1 \
     && [[ -d "$(dirname "$b")/series" || -d "$(dirname "$h")/series" ]]; then
    echo "DIFFERENT $ex: series/"
    diff -r -q "$(dirname "$b")/series" "$(dirname "$h")/series" | head -5 || true
    differ=1
  elif ! cmp -s "$b" "$h"; then
    echo "DIFFERENT $ex: metrics.csv"
    diff "$b" "$h" | head -6 || true
    differ=1
  else
    echo "same      $ex ($(($(wc -l <"$h") - 1)) metric rows)"
  fi
done
exit "$differ"
