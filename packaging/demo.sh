#!/usr/bin/env bash
# README command 1: install, build, and run Pictor's main job on the bundled sample photo — the GUI
# when a display is there, otherwise the CLI writing its result to ./out/.
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/install-deps.sh
packaging/build.sh
sample=resources/samples/seeding_by_Clements_Engelhardt.jpg
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec build/app/gui/pictor "$sample"
fi
mkdir -p out
build/app/cli/pictor-cli info "$sample"
build/app/cli/pictor-cli convert "$sample" -o out/seeding.jpg --overwrite
echo "No display: the CLI wrote out/seeding.jpg (run 'build/app/gui/pictor $sample' on a desktop)."
