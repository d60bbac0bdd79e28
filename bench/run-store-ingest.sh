#!/usr/bin/env bash
# The run store's ingest benchmarks. Not part of the unit tests.
#   bench/run-store-ingest.sh [DIR RUNS WARM OPENS]
#       IngestBench: per run begin + 3 batches of 1,000 metric rows + 2 artifacts + finish, RUNS runs
#       (default 400, the first WARM=100 not counted) in one store in a warm JVM; prints the median thread
#       CPU and wall per phase, per run and per metric row, and the cost of a store's first registration
#       (OPENS=20 new stores). DIR defaults to bench/target/store-ingest.
#   bench/run-store-ingest.sh layouts [DIR RUNS ROUNDS LAYOUTS]
#       LayoutBench: the H2 CPU per metric row of other table layouts (pk = the store's), in turns.
# SKIP_BUILD=1 skips the Maven steps (MVN_ARGS are passed to them, e.g. -Dmaven.repo.local=...).
# CLASSES=dir runs the store classes of another build (to compare two versions side by side, copy
# bundles/store/target/classes of the other one there first). JFR=file.jfr records a flight recording.
set -euo pipefail
cd "$(dirname "$0")/.."
MAIN=org.overparam.store.internal.IngestBench
DEFAULTS=(bench/target/store-ingest 400 100 20)
if [ "${1:-}" = layouts ]; then
    shift
    MAIN=org.overparam.store.internal.LayoutBench
    DEFAULTS=(bench/target/store-layouts 300 3 pk,pk-batch,index,heap,packed,chunk)
fi
ARGS=("${@}")
for i in 0 1 2 3; do
    [ -n "${ARGS[$i]:-}" ] || ARGS[$i]=${DEFAULTS[$i]}
done
if [ -z "${SKIP_BUILD:-}" ]; then
    mvn -q -B -o ${MVN_ARGS:-} install -pl bundles/store -DskipTests
    mvn -q -B -o ${MVN_ARGS:-} test-compile dependency:build-classpath -pl bundles/store \
        -Dmdep.outputFile=target/store-bench.classpath -Dmdep.includeScope=test
fi
CP="bundles/store/target/test-classes:${CLASSES:-bundles/store/target/classes}:$(cat bundles/store/target/store-bench.classpath)"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
exec "$JAVA" -Xmx512m ${JFR:+-XX:StartFlightRecording=filename=$JFR,settings=profile} -cp "$CP" "$MAIN" "${ARGS[@]}"
