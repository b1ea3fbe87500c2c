#!/usr/bin/env bash
# Compiles every kernels .cu file here to PTX for the GPU path and records the sources' hash.
#   build-ptx.sh <cuda source dir> <resource dir>
# The PTX targets sm_80 (Ampere and newer run it: mma.sync with bf16 needs sm_80). The PTX and
# sources.sha256 are committed, so a machine without nvcc still has kernels; a test checks that
# the committed hash matches the sources.
set -euo pipefail
src="$1"
out="$2"
mkdir -p "$out"
shopt -s nullglob
files=("$src"/*.cu)
if [[ ${#files[@]} -eq 0 ]]; then
  exit 0
fi
hash_now="$(cd "$src" && cat $(ls *.cu *.cuh 2>/dev/null | LC_ALL=C sort) | sha256sum | cut -d' ' -f1)"
if [[ -f "$out/sources.sha256" && "$(cat "$out/sources.sha256")" == "$hash_now" ]]; then
  exit 0 # the committed PTX is current
fi
for f in "${files[@]}"; do
  name="$(basename "$f" .cu)"
  nvcc -ptx -arch=sm_80 -O3 --use_fast_math=false -lineinfo -o "$out/$name.ptx" "$f"
  # Registers and spills per kernel, for BENCHMARKS.md.
  nvcc -cubin -arch=sm_90 -O3 -Xptxas -v -o /dev/null "$f" 2> "$out/$name.resource-usage.txt" || true
done
echo "$hash_now" > "$out/sources.sha256"
