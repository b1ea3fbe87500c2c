#!/usr/bin/env bash
# Compiles every kernels .cu file here to PTX for the GPU path and records the sources' hash.
#   build-ptx.sh <cuda source dir> <resource dir>
# The PTX targets sm_80 (Ampere and newer run it: mma.sync with bf16 needs sm_80). The PTX and
# sources.sha256 are committed, so a machine without nvcc still has kernels; a test checks that
# the committed hash matches the sources.
set -euo pipefail
src="$1"
mkdir -p "$2"
out="$(cd "$2" && pwd -P)"
# Compile from inside the source folder so that the PTX names files relatively, never by a
# path of the machine that built it.
cd "$src"
src=.
shopt -s nullglob
files=("$src"/*.cu)
if [[ ${#files[@]} -eq 0 ]]; then
  exit 0
fi
hash_now="$(cat $(ls *.cu *.cuh 2>/dev/null | LC_ALL=C sort) | sha256sum | cut -d' ' -f1)"
if [[ -f "$out/sources.sha256" && "$(cat "$out/sources.sha256")" == "$hash_now" ]]; then
  exit 0 # the committed PTX is current
fi
for f in "${files[@]}"; do
  name="$(basename "$f" .cu)"
  nvcc -ptx -arch=sm_80 -O3 -o "$out/$name.ptx" "$name.cu"
  # Registers and spills per kernel on an H100 (sm_90), for BENCHMARKS.md.
  nvcc -cubin -arch=sm_90 -O3 -Xptxas -v -o /dev/null "$name.cu" 2>&1 \
    | grep -E "Compiling entry|registers|spill" > "$out/$name.resource-usage.txt" || true
done
echo "$hash_now" > "$out/sources.sha256"
