#!/usr/bin/env bash
# Validates the desktop integration, builds the .deb, installs it, runs the installed copy on the
# bundled sample, and removes it again. Needs a finished build in ./build (packaging/build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
desktop-file-validate packaging/org.pictor.Pictor.desktop
appstreamcli validate --no-net packaging/org.pictor.Pictor.metainfo.xml
# --no-net cannot fetch the screenshots' URLs; their files must be committed under
# resources/screenshots/, the folder the URLs publish. Until that folder exists: a warning.
for url in $(sed -n 's|.*<image[^>]*>\([^<]*\)</image>.*|\1|p' packaging/org.pictor.Pictor.metainfo.xml); do
  shot=resources/screenshots/$(basename "$url")
  if [ -f "$shot" ]; then
    file "$shot" | grep -q "PNG image data" || { echo "check-package: $shot is not a PNG"; exit 1; }
  elif [ -d resources/screenshots ]; then
    echo "check-package: the metainfo names $url, but $shot does not exist"
    exit 1
  else
    echo "check-package: warning: screenshot $shot is not committed yet"
  fi
done
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
# Auto-enhance from the installed copy: the installed Critic model when the package has one
# (share/pictor/models), and an export that reads back.
/usr/bin/pictor-cli enhance /usr/share/pictor/samples/seeding_by_Clements_Engelhardt.jpg \
  -o "$out/enhanced.jpg" --critique-out "$out/critique.json"
/usr/bin/pictor-cli info "$out/enhanced.jpg" >/dev/null
test -s "$out/critique.json"
for ts in translations/*.ts; do
  test -s "/usr/share/pictor/translations/$(basename "$ts" .ts).qm" ||
    { echo "check-package: the translation $ts is not installed"; exit 1; }
done
for model in models/*.pnn; do
  [ -e "$model" ] || continue
  cmp "$model" "/usr/share/pictor/models/$(basename "$model")" ||
    { echo "check-package: $model is not installed"; exit 1; }
done
rm -rf "$out"
echo "check-package: $deb installs and runs"
