#!/usr/bin/env bash
# Crawl benchmark: pages/s of the crawl job in local[2] (politeness off) against a plain loop of
# HTTP requests over the same loopback pages in the same run, then one round over a
# 1,000,000-URL frontier with Spark's default driver heap (see BENCHMARKS.md).
#
#   bench/crawl.sh [--hosts 20] [--pages 500] [--cores 2] [--frontier 1000000] [--crawls 2] [--work DIR]
#
# Needs Linux (all of 127/8 is loopback). WINNOW_MVN_OPTS is passed to Maven (e.g. -o),
# WINNOW_JAVA_OPTS to the JVM (default -Xmx1g, Spark's default driver memory).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$root"

# shellcheck disable=SC2086 # WINNOW_MVN_OPTS is a list of options
mvn -q -B -DskipTests ${WINNOW_MVN_OPTS:-} -pl bench -am package >&2

read -r -a spark_opens < jobs/target/jvm-options
# shellcheck disable=SC2206 # WINNOW_JAVA_OPTS is a list of options
java_opts=(${WINNOW_JAVA_OPTS:--Xmx1g})

exec java "${spark_opens[@]}" "${java_opts[@]}" \
  -cp "bench/target/classes:$(cat bench/target/bench-classpath.txt)" \
  org.winnow.bench.crawl.CrawlBench "$@"
