#!/bin/sh
# Refreshes translations/*.ts from the code: every string the window shows, from ui/, app/gui/
# and the parts of core the window displays (the Critic's findings and reasoning, the op and
# parameter labels). Existing translations are kept; strings gone from the code are dropped.
#   packaging/update-translations.sh
# Then translate the new entries (Qt Linguist, or by hand: fill <translation>, drop
# type="unfinished") and build: lrelease runs as part of the pictor target.
# Runs lupdate directly rather than CMake's pictor_lupdate target: that one passes the targets'
# include paths, and lupdate then parses libtorch's headers for many minutes.
set -eu
cd "$(dirname "$0")/.."
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
"$lupdate" -extensions cpp,h -no-obsolete -locations none \
    ui app/gui core/critic core/ops \
    -ts translations/pictor_*.ts
