#!/usr/bin/env bash
# Job benchmarks: each Spark job in local[2] against the single-threaded library loop it wraps,
# in the same JVM and run (see BENCHMARKS.md).
#
#   bench/jobs.sh ingest [--warcs DIR] [--docs N] [--cores N] [--rounds N] [--warmup N] [--work DIR]
#   bench/jobs.sh filter [--docs N] [--copies N] [--cores N] [--rounds N] [--warmup N] [--work DIR]
#   bench/jobs.sh decontaminate [--docs N] [--copies N] [--cores N] [--rounds N] [--warmup N]
#                               [--work DIR]
#   bench/jobs.sh tokenize [--vocab PATH] [--copies N] [--cores N] [--rounds N] [--warmup N]
#                          [--work DIR]
#   bench/jobs.sh train-tokenizer [--mb N] [--vocab N] [--cores N] [--pattern P] [--work DIR]
#
# ingest, filter and decontaminate read the quick-start sample (written first if absent);
# tokenize defaults to GPT-2's vocabulary in ../shared/data/bpe-gpt2; train-tokenizer trains
# 32,000 ids from 100 MB of text and reports the peak heap. --warmup (default 3; 15 for
# tokenize, whose runs are short and settle later) runs the job that many times more before the
# timed rounds, so that the driver's code is compiled too (steady state). Builds the modules in
# place (package, no install).
# WINNOW_MVN_OPTS is passed to Maven (e.g. -o), WINNOW_JAVA_OPTS to the JVM (default
# -Xms4g -Xmx4g: a fixed heap, because the library loop's input stays resident in this JVM, a
# live set the job alone never has, and on a heap G1 sizes itself that set started concurrent
# collections during every job run).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$root"
what="${1:-}"
[[ $# -gt 0 ]] && shift
case "$what" in
  ingest) main=org.winnow.bench.job.IngestJobBench ;;
  filter) main=org.winnow.bench.job.FilterJobBench ;;
  decontaminate) main=org.winnow.bench.job.DecontaminateJobBench ;;
  tokenize) main=org.winnow.bench.job.TokenizeJobBench ;;
  train-tokenizer) main=org.winnow.bench.job.TrainTokenizerJobBench ;;
  *) echo "usage: $0 ingest|filter|decontaminate|tokenize|train-tokenizer [options]" >&2; exit 2 ;;
esac

# shellcheck disable=SC2086 # WINNOW_MVN_OPTS is a list of options
mvn -q -B -DskipTests ${WINNOW_MVN_OPTS:-} -pl bench -am package >&2

read -r -a spark_opens < jobs/target/jvm-options
# shellcheck disable=SC2206 # WINNOW_JAVA_OPTS is a list of options
java_opts=(${WINNOW_JAVA_OPTS:--Xms4g -Xmx4g})

exec java "${spark_opens[@]}" "${java_opts[@]}" \
  -cp "bench/target/classes:$(cat bench/target/bench-classpath.txt)" \
  "$main" "$@"
