#!/usr/bin/env bash
# Installs every Debian 12 package Pictor needs to build, test and run. Idempotent: packages that
# are already installed are left as they are. Run as root (or with sudo available).
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git
  # Qt 6.4: Core, Gui, Widgets, Concurrent, Test (qt6-base-dev), LinguistTools (qt6-tools-dev)
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-image-formats-plugins
  # compute and imaging libraries
  libtorch-dev libopencv-dev libraw-dev libexiv2-dev liblcms2-dev libheif-dev libturbojpeg0-dev
  libtiff-dev
  # an optimised BLAS behind libblas.so.3 (Debian's libtorch links the alternative, the slow
  # reference implementation unless one is installed): the Critic's network runs ~9 ms a photo
  # faster. The OpenMP build shares libgomp's threads with the kernels instead of adding its own.
  libopenblas0-openmp
  # at run time: a font with Japanese and Chinese glyphs for the ja and zh_CN translations (the
  # .deb recommends it), Qt's own translations
  fonts-noto-cjk qt6-translations-l10n
  # command-line tools used by tests and checks, packaging checks, a headless display for GUI runs,
  # and ImageMagick's convert for packaging/screenshot.sh (the README's screenshot, palette-reduced)
  exiv2 xvfb xauth desktop-file-utils appstream dpkg-dev imagemagick
  # fuzzing and sanitizers: clang with libFuzzer and the sanitizer runtimes
  clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
echo "install-deps: done"
