#!/bin/sh
# Screenshot of the main window after Auto-enhance, for the README. Makes a dark, cool, hazy
# 1600 px copy of the bundled sample (so the Critic has something to say), opens it offscreen,
# runs Auto-enhance and grabs the window.
#   packaging/screenshot.sh [BUILD_DIR] [OUT.png]
set -eu
build=${1:-build}
out=${2:-resources/screenshots/main-window.png}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%s' '{"pictorRecipe":1,"ops":[{"id":"exposure","params":{"exposure":-1.5}},{"id":"white_balance","params":{"temperature":3200,"tint":30}},{"id":"color","params":{"saturation":-50}},{"id":"dehaze","params":{"amount":-60}}]}' > "$tmp/dull.json"
"$build/app/cli/pictor-cli" apply resources/samples/seeding_by_Clements_Engelhardt.jpg -o "$tmp/seeding-dull.jpg" \
    --recipe "$tmp/dull.json" --long-edge 1600 >/dev/null
QT_QPA_PLATFORM=offscreen "$build/app/gui/pictor" --screenshot "$tmp/shot.png" "$tmp/seeding-dull.jpg" >/dev/null
mkdir -p "$(dirname "$out")"
convert "$tmp/shot.png" -strip -colors 256 -define png:compression-level=9 "$out"
echo "$out"
