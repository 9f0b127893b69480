#!/usr/bin/env bash
# Validates the desktop integration, builds the .deb, installs it, runs the installed copy on the
# bundled sample, and removes it again. Needs a finished build in ./build (packaging/build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
desktop-file-validate packaging/org.pictor.Pictor.desktop
appstreamcli validate --no-net packaging/org.pictor.Pictor.metainfo.xml
(cd build && cpack -G DEB >/dev/null)
deb=$(ls build/pictor_*_amd64.deb | head -n1)
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "./$deb" >/dev/null
trap 'DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y -qq pictor >/dev/null' EXIT
out=$(mktemp -d)
/usr/bin/pictor-cli --version
/usr/bin/pictor-cli convert /usr/share/pictor/samples/seeding_by_Clements_Engelhardt.jpg -o "$out/sample.jpg"
/usr/bin/pictor-cli info "$out/sample.jpg" >/dev/null
rm -rf "$out"
echo "check-package: $deb installs and runs"
