#!/usr/bin/env bash
# The run store's benchmark: fills a store with synthetic runs and metric rows, then times the
# queries behind `overparam runs`, `show` and `compare` (median of 7 after 2 warm-ups; also the
# first query of a freshly opened store). Not part of the unit tests.
#   bench/run-store.sh                              10,000 runs and 10,000,000 metric rows in
#                                                   bench/target/store-bench (reused if it exists)
#   bench/run-store.sh DIR RUNS ROWS                another folder or size
# A fresh fill: rm -rf bench/target/store-bench first. SKIP_BUILD=1 skips the Maven steps.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${1:-bench/target/store-bench}
RUNS=${2:-10000}
ROWS=${3:-10000000}
if [ -z "${SKIP_BUILD:-}" ]; then
    mvn -q -B -o install -pl bundles/store -DskipTests
    mvn -q -B -o test-compile dependency:build-classpath -pl bundles/store \
        -Dmdep.outputFile=target/store-bench.classpath -Dmdep.includeScope=test
fi
CP="bundles/store/target/test-classes:bundles/store/target/classes:$(cat bundles/store/target/store-bench.classpath)"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
exec "$JAVA" -Xmx1g -cp "$CP" org.overparam.store.internal.StoreBench "$DIR" "$RUNS" "$ROWS"
