#!/usr/bin/env bash
# The run store's ingest benchmark (IngestBench): per run begin + 3 batches of 1,000 metric rows + 2
# artifacts + finish, many runs in one store in a warm JVM; prints thread CPU and wall per phase, per
# run and per metric row, and the fixed cost of a store's first registration. Not part of the unit tests.
#   bench/run-store-ingest.sh                       400 runs (100 warm-up) in bench/target/store-ingest
#   bench/run-store-ingest.sh DIR RUNS WARM OPENS   another folder or size
# SKIP_BUILD=1 skips the Maven steps; CLASSES=dir runs the store classes of another build (to compare
# two versions side by side: copy bundles/store/target/classes of the other one there first).
# JFR=file.jfr records a flight recording of the run.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${1:-bench/target/store-ingest}
RUNS=${2:-400}
WARM=${3:-100}
OPENS=${4:-20}
if [ -z "${SKIP_BUILD:-}" ]; then
    mvn -q -B -o install -pl bundles/store -DskipTests
    mvn -q -B -o test-compile dependency:build-classpath -pl bundles/store \
        -Dmdep.outputFile=target/store-bench.classpath -Dmdep.includeScope=test
fi
CP="bundles/store/target/test-classes:${CLASSES:-bundles/store/target/classes}:$(cat bundles/store/target/store-bench.classpath)"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
exec "$JAVA" -Xmx512m ${JFR:+-XX:StartFlightRecording=filename=$JFR,settings=profile} -cp "$CP" \
    org.overparam.store.internal.IngestBench "$DIR" "$RUNS" "$WARM" "$OPENS"
