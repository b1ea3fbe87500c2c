#!/usr/bin/env bash
# Trainer CPU benchmark (see BENCHMARKS.md, "Trainer"): tokens/s of one training step (forward,
# backward, clipping, AdamW) at batch 8 x 256 for tiny and small with GPT-2's vocabulary (50,257,
# padded to 50,304) and for tiny with an 8,192-token vocabulary, on random tokens.
#
#   bench/trainer.sh [--steps N] [--threads N] [--peak-gflops X]
#
# Defaults: 3 measured steps after one warm-up step, all processors, a peak of 166 GFLOP/s
# (2 cores x 2.6 GHz x 32 FLOP/cycle, 256-bit FMA). WINNOW_MVN_OPTS is passed to Maven (e.g. -o).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$root"

steps=3
threads="$(nproc)"
peak=166
while (($#)); do
  case "$1" in
    --steps) steps="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --peak-gflops) peak="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

# shellcheck disable=SC2086 # WINNOW_MVN_OPTS is a list of options
mvn -q -B -DskipTests ${WINNOW_MVN_OPTS:-} -pl bench -am compile >&2
cp="trainer/target/classes:bench/target/classes"
echo "load before: $(uptime)"
for shape in "tiny 50257" "small 50257" "tiny 8192"; do
  # shellcheck disable=SC2086 # shape is two words
  java --add-modules=jdk.incubator.vector -Xmx6g -cp "$cp" \
    org.winnow.bench.trainer.TrainStepBench $shape 8 256 "$steps" "$threads" "$peak" 2>/dev/null
done
echo "load after: $(uptime)"
