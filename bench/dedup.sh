#!/usr/bin/env bash
# Dedup benchmarks (see BENCHMARKS.md):
#
#   bench/dedup.sh quality [--europarl N] [--variants-of N] [--each N] [--truth J]
#   bench/dedup.sh jmh [JMH options]      # MinHash: optimised against plain, docs/s on one thread
#   bench/dedup.sh scaling [--docs N ...] # the fuzzy job on generated documents, local[2]
#   bench/dedup.sh scaling-cluster [--docs N ...] # the same on a standalone cluster on 127.0.0.1
#                                         # (Master, Worker: 2 cores, 12 GB), so the driver's own
#                                         # heap is measured (driver -Xmx2g unless WINNOW_JAVA_OPTS)
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
  scaling-cluster)
    # Spark's Worker looks for its jars in $SPARK_HOME/jars; a temporary home links the bench
    # classpath's jars there (and the bench's own classes, jarred), so executors get them all.
    home="$(mktemp -d)"
    trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$home"' EXIT
    mkdir -p "$home/jars" "$home/work"
    tr ':' '\n' < bench/target/bench-classpath.txt | while read -r jar; do ln -sf "$jar" "$home/jars/"; done
    jar cf "$home/jars/winnow-bench.jar" -C bench/target/classes .
    export SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
    spark_cp="$home/jars/*"
    java "${spark_opens[@]}" -Xmx256m -cp "$spark_cp" org.apache.spark.deploy.master.Master \
      --host 127.0.0.1 --port 7177 --webui-port 8180 > "$home/master.log" 2>&1 &
    java "${spark_opens[@]}" -Xmx256m -cp "$spark_cp" org.apache.spark.deploy.worker.Worker \
      spark://127.0.0.1:7177 --host 127.0.0.1 --cores 2 --memory 12g --webui-port 8181 \
      --work-dir "$home/work" > "$home/worker.log" 2>&1 &
    # The Master's JSON page counts the registered Workers (the bench's logging hides INFO lines).
    alive() { curl -s http://127.0.0.1:8180/json/ | grep -Eq '"aliveworkers" *: *1'; }
    for _ in $(seq 60); do alive && break; sleep 1; done
    alive || { cat "$home"/*.log; exit 1; }
    # shellcheck disable=SC2206 # WINNOW_JAVA_OPTS is a list of options
    driver_opts=(${WINNOW_JAVA_OPTS:--Xmx2g})
    java "${spark_opens[@]}" "${driver_opts[@]}" -Dspark.executor.memory=10g \
      -Dspark.executor.cores=2 -Dspark.driver.host=127.0.0.1 \
      "-Dspark.executor.extraJavaOptions=${spark_opens[*]}" -cp "$spark_cp" \
      org.winnow.bench.dedup.FuzzyScalingBench --master spark://127.0.0.1:7177 "$@" ;;
  jmh)
    if [[ $# -eq 0 ]]; then set -- -f 1 -wi 3 -w 3s -i 5 -r 3s; fi
    exec java "${java_opts[@]}" -cp "$cp" org.openjdk.jmh.Main 'org.winnow.bench.dedup.MinHashBenchmark' "$@" ;;
  *) echo "unknown benchmark '$what' (quality, jmh, scaling or scaling-cluster)" >&2; exit 2 ;;
esac
