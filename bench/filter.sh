#!/usr/bin/env bash
# Filter stage: per-rule removal shares on Europarl and the real pages of shared/data, quality
# classifier accuracy/AUROC, then JMH documents/s on one thread with the share of each part.
#   bench/filter.sh                  build, evaluation, JMH (-wi 3 -i 5, 3 s each)
#   bench/filter.sh -wi 1 -i 2       extra arguments go to JMH
# shared/data is found above the repository, or with JAVA_OPTS=-Dwinnow.shared.data=DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -q -o -pl filter -am install -DskipTests
# Only this benchmark's package is compiled, into its own folder, against bench's dependencies
# as installed: other modules' work in progress (and their builds of bench) cannot break it.
OUT=bench/target/filter-classes
mvn -q -o -pl bench dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile=target/filter-bench-classpath.txt
DEPS="$(cat bench/target/filter-bench-classpath.txt)"
JMH_PROC="$(tr ':' '\n' <<<"$DEPS" | grep -E 'jmh-core|jopt|commons-math3' | paste -sd:)"
JMH_PROC="$JMH_PROC:$(find ~/.m2/repository/org/openjdk/jmh/jmh-generator-annprocess -name '*.jar' | head -1)"
rm -rf "$OUT" && mkdir -p "$OUT"
javac --release 17 -encoding UTF-8 -d "$OUT" -cp "$DEPS" -processorpath "$JMH_PROC" \
  bench/src/main/java/org/winnow/bench/filter/*.java
CP="$OUT:$DEPS"
OPTS="${JAVA_OPTS:-} -Xmx3g"

echo "== $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
# Builds bench/target/filter-docs-*.jsonl afresh (ingest and language identification), the
# documents the evaluation and the JMH forks read.
rm -f bench/target/filter-docs-*.jsonl
java $OPTS -cp "$CP" org.winnow.bench.filter.FilterEvaluation

echo "== JMH, ops/s = documents/s on one thread"
FAMILIES=text,gopher_quality,gopher_repetition,c4,fineweb,redpajama
run_jmh() {
  local log
  log="$(mktemp)"
  for attempt in $(seq 1 20); do
    java $OPTS -cp "$CP" org.openjdk.jmh.Main "$@" 2>&1 | tee "$log" || true
    grep -q 'Unable to acquire the JMH lock' "$log" || break
    echo "filter.sh: another JMH run holds the lock; retrying in 30 s ($attempt/20)" >&2
    sleep 30
  done
  rm -f "$log"
}
run_jmh 'FilterBenchmark\.(pipeline|profile|clean|pii)$' -p family=text "$@"
run_jmh 'FilterBenchmark\.family$' -p family="$FAMILIES" "$@"
echo "== done $(date -u +%Y-%m-%dT%H:%MZ), load: $(cut -d' ' -f1-3 /proc/loadavg)"
