#!/usr/bin/env bash
# Renders the icon's PNG sizes from its SVG source (assets/icons/briefing-notebook.svg)
# into assets/icons/hicolor/NxN/apps/, the freedesktop icon theme's layout. The PNGs are
# committed, so building and packaging need no SVG renderer; run this after editing the
# SVG and commit what changed. The window icon is the 128 px one (src/window.rs).
# Needs rsvg-convert: apt install librsvg2-bin.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v rsvg-convert >/dev/null || {
  echo "render-icons.sh: rsvg-convert not found; apt install librsvg2-bin" >&2
  exit 1
}
source=assets/icons/briefing-notebook.svg
for size in 16 24 32 48 64 128 256 512; do
  dir=assets/icons/hicolor/${size}x${size}/apps
  mkdir -p "$dir"
  rsvg-convert --width "$size" --height "$size" "$source" --output "$dir/briefing-notebook.png"
  echo "$dir/briefing-notebook.png"
done
