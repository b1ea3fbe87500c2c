#!/usr/bin/env bash
# Ingest job benchmark: documents/s of the ingest Spark job in local[2] against the single-threaded
# ingest library loop over the quick-start WARC files, in the same run (see BENCHMARKS.md).
#
#   bench/ingest-job.sh [--warcs DIR] [--docs N] [--cores N] [--rounds N] [--work DIR]
#
# Defaults: the quick-start WARCs in winnow-work/warc (written first if absent, all 17,597
# Europarl documents), local[2], scratch output in winnow-work/bench. WINNOW_MVN_OPTS is passed to
# Maven (e.g. -o), WINNOW_JAVA_OPTS to the JVM (default -Xmx4g).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$root"

# shellcheck disable=SC2086 # WINNOW_MVN_OPTS is a list of options
mvn -q -B -DskipTests ${WINNOW_MVN_OPTS:-} -pl bench -am install >&2

read -r -a spark_opens < jobs/target/jvm-options
# shellcheck disable=SC2206 # WINNOW_JAVA_OPTS is a list of options
java_opts=(${WINNOW_JAVA_OPTS:--Xmx4g})

exec java "${spark_opens[@]}" "${java_opts[@]}" \
  -cp "bench/target/classes:$(cat bench/target/bench-classpath.txt)" \
  org.winnow.bench.job.IngestJobBench "$@"
