#!/usr/bin/env bash
# Regenerates the committed platform icons from resources/icons/amlfw-*.png (rendered from amlfw.svg):
#   resources/icons/amlfw.ico   Windows (executables, installer)   icotool, Debian package icoutils
#   resources/icons/amlfw.icns  macOS (app bundle)                 png2icns, Debian package icnsutils
# The 1024 px icns entry is rendered from the SVG with rsvg-convert (librsvg2-bin).
# Builds never run this: the outputs are committed. Run it after changing the icon.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../resources/icons"

for tool in icotool png2icns rsvg-convert; do
  command -v "$tool" >/dev/null || { echo "make-platform-icons: $tool is missing (apt-get install icoutils icnsutils librsvg2-bin)" >&2; exit 1; }
done

# ICO: classic sizes as bitmaps, 256 px stored as PNG (-r) as Windows Vista and later expect.
icotool --create --output=amlfw.ico \
  amlfw-16.png amlfw-24.png amlfw-32.png amlfw-48.png amlfw-64.png amlfw-128.png --raw=amlfw-256.png

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rsvg-convert --width=1024 --height=1024 --output="$tmp/amlfw-1024.png" amlfw.svg
png2icns amlfw.icns amlfw-16.png amlfw-32.png amlfw-48.png amlfw-128.png amlfw-256.png amlfw-512.png \
  "$tmp/amlfw-1024.png" >/dev/null

icotool --list amlfw.ico
icns2png --list amlfw.icns
