#!/usr/bin/env bash
# Builds the fuzz targets with clang + ASan/UBSan and runs each for FUZZ_RUNS inputs (default 1500,
# about a minute here) with a fixed seed — so that a CI run is reproducible — on seed corpora made
# by make_fuzz_seeds plus ../shared/data's malformed files and RAW stubs. Fails on any crash,
# hang (20 s per input), leak or sanitizer report; the offending input lands in build-fuzz/.
# FUZZ_SEED and FUZZ_RUNS explore further by hand.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${FUZZ_RUNS:-1500}
seed=${FUZZ_SEED:-1}
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DPICTOR_FUZZ=ON -DPICTOR_BUILD_GUI=OFF -DPICTOR_BUILD_TESTS=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fuzz_load_photo make_fuzz_seeds
corpus=build-fuzz/corpus/load_photo
mkdir -p "$corpus"
build-fuzz/tests/fuzz/make_fuzz_seeds "$corpus"
seeds=("$corpus")
for extra in ../shared/data/malformed/exiv2_pocs ../shared/data/raw/stubs ../shared/data/metadata/orientation; do
  [ -d "$extra" ] && seeds+=("$extra")
done
# Torch and Qt keep some allocations for the process lifetime; they are reachable, not leaks.
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
log=build-fuzz/fuzz_load_photo.log
if ! build-fuzz/tests/fuzz/fuzz_load_photo -runs="$runs" -seed="$seed" -max_len=262144 \
    -rss_limit_mb=3072 -timeout=20 -print_final_stats=1 -artifact_prefix=build-fuzz/ \
    "${seeds[@]}" >"$log" 2>&1; then
  grep -a -A40 -E "ERROR|ALARM|deadly|leak" "$log" | head -n 80
  echo "fuzz_load_photo: FAILED (full log: $log)"
  exit 1
fi
tail -n 6 "$log"
echo "fuzz_load_photo: $runs inputs (seed $seed) without a crash, hang, leak or sanitizer report"
