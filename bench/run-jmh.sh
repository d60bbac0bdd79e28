#!/usr/bin/env bash
# JMH microbenchmarks of the linalg kernels (dgemm/sgemm/syrk at 256, 1024, 2048; eigenvalues of a
# 2000 x 2000 Gram matrix; Lanczos top-5). Arguments go to JMH, e.g.
#   bench/run-jmh.sh                                   everything on the automatic path
#   bench/run-jmh.sh GemmBenchmark -p n=1024           one class, one size
#   bench/run-jmh.sh -jvmArgsAppend -Doverparam.linalg=java    the pure-Java kernels
# Results are also written to ${JMH_RESULTS:-bench/target/jmh.txt}.
# Build first: mvn -q -B package -pl bench -am -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
exec "$JAVA" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
    -cp "bench/target/classes:bench/target/lib/*" org.openjdk.jmh.Main -rf text -rff "${JMH_RESULTS:-bench/target/jmh.txt}" "$@"
