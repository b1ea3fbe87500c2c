#!/usr/bin/env bash
# Dedup benchmarks (see BENCHMARKS.md):
#
#   bench/dedup.sh quality [--europarl N] [--variants-of N] [--each N] [--truth J]
#   bench/dedup.sh jmh [JMH options]      # MinHash: optimised against plain, docs/s on one thread
#   bench/dedup.sh scaling [--docs N ...] # the fuzzy job on generated documents, local[2]
#
# Builds bench with its modules (no install). WINNOW_MVN_OPTS is passed to Maven (e.g. -o),
# WINNOW_JAVA_OPTS to the JVM (default -Xmx6g).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$root"
what="${1:-}"
shift || true

# shellcheck disable=SC2086 # WINNOW_MVN_OPTS is a list of options
mvn -q -B -DskipTests ${WINNOW_MVN_OPTS:-} -pl bench -am package >&2

read -r -a spark_opens < jobs/target/jvm-options
# shellcheck disable=SC2206 # WINNOW_JAVA_OPTS is a list of options
java_opts=(${WINNOW_JAVA_OPTS:--Xmx6g})
cp="bench/target/classes:$(cat bench/target/bench-classpath.txt)"

case "$what" in
  quality) exec java "${spark_opens[@]}" "${java_opts[@]}" -cp "$cp" org.winnow.bench.dedup.NearDupQualityBench "$@" ;;
  scaling) exec java "${spark_opens[@]}" "${java_opts[@]}" -cp "$cp" org.winnow.bench.dedup.FuzzyScalingBench "$@" ;;
  jmh)
    if [[ $# -eq 0 ]]; then set -- -f 1 -wi 3 -w 3s -i 5 -r 3s; fi
    exec java "${java_opts[@]}" -cp "$cp" org.openjdk.jmh.Main 'org.winnow.bench.dedup.MinHashBenchmark' "$@" ;;
  *) echo "unknown benchmark '$what' (quality, jmh or scaling)" >&2; exit 2 ;;
esac
