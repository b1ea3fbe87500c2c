#!/usr/bin/env bash
# Main-text extraction: quality on the extraction-dev pages (ours, readability4j, jsoup's whole
# text, scored as trafilatura scores them) and single-thread throughput, interleaved and with JMH.
#   bench/extraction.sh                 build, quality, JMH with -f 1 -wi 3 -i 5
#   bench/extraction.sh -wi 1 -i 2      extra arguments go to JMH
# The data is found in shared/data/extraction-dev above the repository, or with
# JAVA_OPTS=-Dwinnow.extraction.dev=DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! mvn -q -o -pl bench -am package -DskipTests; then
  # bench also depends on jobs; while a sibling module is mid-change, measure the extractor
  # against the jobs artifact last installed rather than not at all.
  echo "extraction.sh: building bench with its reactor failed; building ingest, then bench alone" >&2
  mvn -q -o -pl ingest -am install -DskipTests
  mvn -q -o -pl bench package -DskipTests
fi
CP="bench/target/classes:$(cat bench/target/bench-classpath.txt)"
# readability4j logs a stack trace for every page whose links it cannot rewrite; only the
# scores matter here, so its logger is switched off (everything else logs warnings to stderr).
LOG_CONFIG="$(mktemp --suffix=.properties)"
trap 'rm -f "$LOG_CONFIG" "$LOG_CONFIG.jmh"' EXIT
cat > "$LOG_CONFIG" <<'PROPERTIES'
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
rootLogger.level = warn
rootLogger.appenderRef.console.ref = console
logger.readability.name = net.dankito.readability4j
logger.readability.level = off
PROPERTIES
OPTS="${JAVA_OPTS:-} -Dlog4j2.configurationFile=$LOG_CONFIG"

echo "== quality: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores"
java $OPTS -cp "$CP" org.winnow.bench.extraction.ExtractionQuality

echo "== throughput, extractors interleaved page by page (pages/s, one thread)"
java $OPTS -cp "$CP" org.winnow.bench.extraction.ExtractionThroughput 3 5

echo "== throughput, JMH (ops/s = pages/s, one thread)"
# JMH refuses to start while another JMH run holds its lock; wait for it rather than overlap.
JMH_LOG="$LOG_CONFIG.jmh"
for attempt in $(seq 1 20); do
  java $OPTS -cp "$CP" org.openjdk.jmh.Main ExtractionBenchmark -f 1 -wi 3 -i 5 \
    -jvmArgsAppend "$OPTS" "$@" 2>&1 | tee "$JMH_LOG" || true
  grep -q 'Unable to acquire the JMH lock' "$JMH_LOG" || break
  echo "extraction.sh: another JMH run holds the lock; retrying in 30 s ($attempt/20)" >&2
  sleep 30
done
rm -f "$JMH_LOG"
