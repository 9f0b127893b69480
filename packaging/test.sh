#!/usr/bin/env bash
# README command 2: install, build, and run every test (Qt Test via CTest, offscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/install-deps.sh
packaging/build.sh
QT_QPA_PLATFORM=offscreen ctest --test-dir build --output-on-failure -j2
