#!/usr/bin/env bash
# Builds everything with AddressSanitizer + UndefinedBehaviorSanitizer (GCC) into build-asan and
# runs the whole test suite under it, leaks included (tests/lsan.supp lists library-lifetime
# state). Any report fails the run. CI runs this after the normal tests.
set -euo pipefail
cd "$(dirname "$0")/.."
# -O1 -g1 (line tables for the reports' stack traces) instead of RelWithDebInfo's -O2 -g: full debug
# info of the libtorch templates made this build the longest step of CI (CI must stay under 30 min).
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPICTOR_SANITIZE=ON \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" >/dev/null
cmake --build build-asan -j"$(nproc)"
export ASAN_OPTIONS=detect_leaks=1
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
# Every CTest suite runs here, new ones automatically — except tst_corpus, which only starts
# pictor-cli on sample files (~3 s a start under ASan; CI time is bounded): hostile files reach
# the sanitizers through tst_bad_input (the whole malformed corpus, in process) and the fuzzers.
QT_QPA_PLATFORM=offscreen ctest --test-dir build-asan --output-on-failure -j2 --timeout 900 -E '^tst_corpus$'
