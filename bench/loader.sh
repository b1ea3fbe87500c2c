#!/usr/bin/env bash
# Loader benchmarks (see BENCHMARKS.md, "Loader"): tokens/s delivered to one consumer thread with
# the shuffle on against the raw read rate of the same files, heap, time inside next() behind a
# simulated step, time to the first batch after resume, shuffle quality, and a JMH duel of the
# row-group decoders.
#
#   bench/loader.sh [--dir DIR] [--shards N] [--tokens-per-shard N] [--seconds S]
#
# Defaults: DIR=/tmp/winnow-loader-bench (synthetic shards are written there once: 64 shards of
# 2 M tokens, about 260 MB, plus 1,024 small shards for the many-shards heap check), S=15.
# WINNOW_MVN_OPTS is passed to Maven (e.g. -o). The whole-loader figures run on the loader's own
# classpath (no Spark), as a training process would; JMH runs on the bench classpath.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$root"

dir=/tmp/winnow-loader-bench
shards=64
per_shard=2000000
seconds=15
while (($#)); do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --shards) shards="$2"; shift 2 ;;
    --tokens-per-shard) per_shard="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

# shellcheck disable=SC2086 # WINNOW_MVN_OPTS is a list of options
mvn -q -B -DskipTests ${WINNOW_MVN_OPTS:-} -pl bench -am install >&2
# shellcheck disable=SC2086
mvn -q -B ${WINNOW_MVN_OPTS:-} -pl loader dependency:build-classpath \
  -Dmdep.outputFile=target/loader-classpath.txt -Dmdep.includeScope=runtime >&2

# Run from a copy of the classes: the checkout is shared, and a rebuild elsewhere must not pull
# them away mid-run.
stage="$dir/classes"
rm -rf "$stage" && mkdir -p "$stage"
cp -r bench/target/classes "$stage/bench" && cp -r loader/target/classes "$stage/loader"
loader_cp="$stage/bench:$stage/loader:$(cat loader/target/loader-classpath.txt)"
bench_cp="$stage/bench:$(cat bench/target/bench-classpath.txt)"
run() { java -Xmx512m -cp "$loader_cp" org.winnow.bench.loader.LoaderBench "$@" 2>&1 | grep -v '^SLF4J'; }

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -version 2>&1 | head -1

data="$dir/synthetic"
if [[ ! -f "$data/manifest.json" ]]; then
  run generate "$data" "$shards" "$per_shard"
fi
many="$dir/many-shards"
if [[ ! -f "$many/manifest.json" ]]; then
  run generate "$many" 1024 30000
fi

echo "== throughput (-Xmx512m, defaults: shuffle on, 2 decode threads, 4 batches ahead)"
run throughput "$data" "$seconds"
echo "== many shards (1,024 files), heap with -Xmx512m"
run throughput "$many" 6 | grep -E 'data:|loader|heap'
echo "== the same two shard sets with the heap capped at 160 MB"
for set in "$data" "$many"; do
  java -Xmx160m -cp "$loader_cp" org.winnow.bench.loader.LoaderBench throughput "$set" 4 2>&1 \
    | grep -E 'data:|loader,|heap|Error'
done
echo "== time inside next() behind a simulated training step (2 ms, then 10 ms)"
run overhead "$data" 2000 2000
run overhead "$data" 10000 400
echo "== resume: state in the middle of the epoch, a fresh JVM per run"
run save-state "$data" 3000 "$dir/state.json" | cut -c1-160
for _ in 1 2 3; do run resume "$data" "$dir/state.json"; done
echo "== shuffle quality"
java -Xmx2g -cp "$loader_cp" org.winnow.bench.loader.LoaderBench quality "$data" 2>&1 | grep -v '^SLF4J'
echo "== JMH: decoding one shard file (2 row groups, about 2 M tokens)"
# Other sessions' JMH runs hold JMH's lock on this shared machine; the ratio is what is reported.
java -Djmh.ignoreLock=true -cp "$bench_cp" org.openjdk.jmh.Main RowGroupDecodeBench \
  -p file="$data/train/part-00003.parquet" 2>&1 | grep -E '^(Benchmark|RowGroupDecodeBench)'
echo "== done, load average $(cut -d' ' -f1-3 /proc/loadavg)"
