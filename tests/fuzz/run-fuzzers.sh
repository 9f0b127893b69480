#!/usr/bin/env bash
# Builds the fuzz targets with clang + ASan/UBSan and runs each for a fixed number of inputs with
# a fixed seed (FUZZ_SEED, default 1) — so that a CI run is reproducible — on seed corpora made
# from the project's own generators plus ../shared/data's malformed files, RAW stubs and XMP
# fixtures. Fails on any crash, hang, leak, sanitizer report or broken round trip; the offending
# input lands in build-fuzz/. About a minute each here (2 cores); FUZZ_SCALE (default 1) multiplies
# every run count to explore further by hand.
#   fuzz_load_photo    bytes → photo loading (every decoder, exiv2, LibRaw, libheif)
#   fuzz_sidecar       bytes → recipe JSON and XMP sidecar readers; read recipes round-trip
#   fuzz_instructions  bytes → instruction parser; parse(format(parse(x))) keeps the recipe
set -euo pipefail
cd "$(dirname "$0")/../.."
seed=${FUZZ_SEED:-1}
scale=${FUZZ_SCALE:-1}
data=../shared/data
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DPICTOR_FUZZ=ON -DPICTOR_BUILD_GUI=OFF -DPICTOR_BUILD_TESTS=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fuzz_load_photo make_fuzz_seeds fuzz_sidecar \
  make_recipe_seeds fuzz_instructions make_instruction_seeds
bin=build-fuzz/tests/fuzz

# Torch and Qt keep some allocations for the process lifetime; they are reachable, not leaks.
# exiv2's XMP namespace registry is suppressed as in the sanitizer suite (tests/lsan.supp).
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

# run NAME RUNS MAX_LEN CORPUS [EXTRA_SEED_DIRS…]
run() {
  local name=$1 runs=$(($2 * scale)) max_len=$3 corpus=$4
  shift 4
  local seeds=("$corpus")
  for extra in "$@"; do [ -d "$extra" ] && seeds+=("$extra"); done
  local log=build-fuzz/$name.log start=$SECONDS
  if ! "$bin/$name" -runs="$runs" -seed="$seed" -max_len="$max_len" -rss_limit_mb=3072 \
      -timeout=20 -print_final_stats=1 -artifact_prefix=build-fuzz/"$name"- \
      "${seeds[@]}" >"$log" 2>&1; then
    grep -a -A40 -E "ERROR|ALARM|deadly|leak|fuzz_[a-z_]+: " "$log" | head -n 80
    echo "$name: FAILED (full log: $log)"
    exit 1
  fi
  grep -a -E "stat::number_of_executed_units|stat::peak_rss_mb" "$log" | tr '\n' ' '
  echo
  echo "$name: $runs inputs (seed $seed) in $((SECONDS - start)) s without a crash, hang, leak or sanitizer report"
}

mkdir -p build-fuzz/corpus/load_photo build-fuzz/corpus/sidecar build-fuzz/corpus/instructions
"$bin/make_fuzz_seeds" build-fuzz/corpus/load_photo
"$bin/make_recipe_seeds" build-fuzz/corpus/sidecar
"$bin/make_instruction_seeds" build-fuzz/corpus/instructions

# XMP fixtures from ../shared/data: sidecars of other programs, packets of cameras and phones.
xmp=build-fuzz/corpus/shared_xmp
rm -rf "$xmp" && mkdir -p "$xmp"
if [ -d "$data/metadata/exifr/fixtures" ]; then
  find "$data/metadata/exifr/fixtures" -type f \( -name '*.xmp' -o -name 'xmp*.xml' \) \
    -size -256k -exec cp {} "$xmp/" \;
fi

run fuzz_load_photo 1500 262144 build-fuzz/corpus/load_photo \
  "$data/malformed/exiv2_pocs" "$data/raw/stubs" "$data/metadata/orientation"
run fuzz_sidecar 40000 65536 build-fuzz/corpus/sidecar "$xmp"
run fuzz_instructions 4000 4096 build-fuzz/corpus/instructions
