#!/usr/bin/env bash
# Tokenize and train-tokenizer job benchmarks (see BENCHMARKS.md, "Tokenize job"):
#   tokenize   MB/s of text of the tokenize Spark job in local[2] against the single-threaded
#              encoder over the Europarl sample, in the same run (TokenizeJobBench);
#   train      winnow train-tokenizer as a job: 32,000 ids from 100 MB of text in local[2], with
#              the peak heap (TrainTokenizerJobBench).
#
#   bench/tokenize-job.sh tokenize [--vocab PATH] [--copies N] [--cores N] [--rounds N] [--work DIR]
#   bench/tokenize-job.sh train [--mb N] [--vocab N] [--cores N] [--pattern P] [--work DIR]
#
# The vocabulary defaults to GPT-2's in ../shared/data/bpe-gpt2. Builds the modules in place
# (package, no install). WINNOW_MVN_OPTS is passed to Maven (e.g. -o), WINNOW_JAVA_OPTS to the
# JVM (default -Xmx4g).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$root"
what="${1:-tokenize}"
[[ $# -gt 0 ]] && shift
case "$what" in
  tokenize) main=org.winnow.bench.job.TokenizeJobBench ;;
  train) main=org.winnow.bench.job.TrainTokenizerJobBench ;;
  *) echo "usage: $0 tokenize|train [options]" >&2; exit 2 ;;
esac

# shellcheck disable=SC2086 # WINNOW_MVN_OPTS is a list of options
mvn -q -B -DskipTests ${WINNOW_MVN_OPTS:-} -pl bench -am package >&2

read -r -a spark_opens < jobs/target/jvm-options
# shellcheck disable=SC2206 # WINNOW_JAVA_OPTS is a list of options
java_opts=(${WINNOW_JAVA_OPTS:--Xmx4g})

exec java "${spark_opens[@]}" "${java_opts[@]}" \
  -cp "bench/target/classes:$(cat bench/target/bench-classpath.txt)" \
  "$main" "$@"
